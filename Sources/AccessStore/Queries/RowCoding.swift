import Foundation
import SQLKit

/// A value bound into a statement.
typealias Bind = any Encodable & Sendable

/// JSON for the `body` and `payload` columns: written by `StreamingJSONEncoder`, read by
/// Foundation's `JSONDecoder`. Dates are doubles (Foundation's default), exact both ways.
enum StoredJSON {
    static func encode(_ value: some Encodable) throws -> String {
        try StreamingJSONEncoder.encode(value)
    }

    /// The model types the store writes on every transition: written directly (see
    /// `StoredJSONWriter`), through Codable only for a value JSON cannot hold, which then throws.
    static func encode(_ value: some Encodable & StoredJSONWritable) throws -> String {
        if let text = StoredJSONWriter.encode(value) { return text }
        return try StreamingJSONEncoder.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, table: String, key: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw SQLStoreError.unreadableRow(table: table, key: key, reason: "\(error)")
        }
    }
}

extension Date {
    /// How the store writes a time: seconds since 1970 as a double (REAL / double precision).
    var stored: Double { timeIntervalSince1970 }

    init(stored: Double) { self.init(timeIntervalSince1970: stored) }
}

extension SQLRow {
    /// A non-null column, or an `unreadableRow` error naming the table.
    func value<T: Decodable>(_ column: String, _ type: T.Type, table: String) throws -> T {
        do {
            return try decode(column: column, as: T.self)
        } catch {
            throw SQLStoreError.unreadableRow(table: table, key: column, reason: "\(error)")
        }
    }

    /// A nullable column.
    func optional<T: Decodable>(_ column: String, _ type: T.Type, table: String) throws -> T? {
        do {
            return try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
        } catch {
            throw SQLStoreError.unreadableRow(table: table, key: column, reason: "\(error)")
        }
    }
}

/// Small builders for the statements the store repeats.
enum SQLText {
    /// Both SQLite and PostgreSQL take at most 32766 / 65535 parameters per statement.
    static let maxBindsPerStatement = 30_000

    /// `INSERT INTO table (columns) VALUES (...), (...) suffix`, split into as few statements as
    /// the parameter limit allows; returns the rows of any `RETURNING` in the suffix.
    @discardableResult
    static func insert(
        _ db: any SQLDatabase, into table: String, columns: [String], rows: [[Bind]], suffix: String = ""
    ) async throws -> [any SQLRow] {
        guard !rows.isEmpty else { return [] }
        let perStatement = max(1, maxBindsPerStatement / max(1, columns.count))
        var returned: [any SQLRow] = []
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + perStatement)]
            let values = SQLList(chunk.map { row in SQLGroupExpression(row.map { SQLBind($0) }) })
            let sql: SQLQueryString = """
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns.joined(separator: ", "))) VALUES \(values)\(unsafeRaw: suffix)
                """
            if suffix.isEmpty {
                try await db.raw(sql).run()
            } else {
                returned += try await db.raw(sql).all()
            }
            start += perStatement
        }
        return returned
    }

    /// `(?, ?, ?)` for an `IN` list; never empty (callers skip empty lists).
    static func list(_ values: [Bind]) -> any SQLExpression {
        SQLGroupExpression(values.map { SQLBind($0) })
    }
}
