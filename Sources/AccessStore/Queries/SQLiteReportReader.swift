import AccessCore
import Dispatch
import Foundation
import VaporCSQLite

/// A connection of the report's own that reads SQLite pages straight into report columns.
///
/// Through sqlite-nio and SQLKit every value becomes an enum, every row a dictionary of
/// columns, and every read a dynamic cast: on a million-row report that was half the time.
/// Here a page is stepped and decoded in one block on the reader's serial queue, column by
/// position (`ReportSQL.reportColumns`). The connection lives as long as one report and is
/// read-only (`query_only`); WAL lets it read while the server writes.
final class SQLiteReportReader: @unchecked Sendable {
    // `@unchecked Sendable`: `handle` and `statements` are only used on `queue`.
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private let queue = DispatchQueue(label: "accessbot.sqlite.report-reader", qos: .userInitiated)

    private init(handle: OpaquePointer?) { self.handle = handle }

    /// Opens the database file (which must exist) for reading.
    static func open(path: String) async throws -> SQLiteReportReader {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        let reader = SQLiteReportReader(handle: handle)
        guard status == SQLITE_OK else {
            let error = reader.error(status, "open \(path)")
            await reader.close()
            throw error
        }
        do {
            try await reader.perform { reader in
                for pragma in ["PRAGMA busy_timeout = 5000", "PRAGMA query_only = 1"] {
                    let status = sqlite_nio_sqlite3_exec(reader.handle, pragma, nil, nil, nil)
                    guard status == SQLITE_OK else { throw reader.error(status, pragma) }
                }
            }
        } catch {
            await reader.close()
            throw error
        }
        return reader
    }

    func close() async {
        await withCheckedContinuation { continuation in
            queue.async {
                for statement in self.statements.values { sqlite_nio_sqlite3_finalize(statement) }
                self.statements = [:]
                sqlite_nio_sqlite3_close_v2(self.handle)
                self.handle = nil
                continuation.resume()
            }
        }
    }

    /// Runs one page query of the report (its SQL and binds as SQLKit serialised them).
    func page(
        _ sql: String, _ binds: [any Encodable & Sendable], walking field: ReportFilter.TimeField
    ) async throws -> ReadPage<ReportColumns> {
        try await perform { reader in try reader.readPage(sql, binds, walking: field) }
    }

    private func perform<R: Sendable>(_ body: @escaping @Sendable (SQLiteReportReader) throws -> R) async throws -> R {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body(self) }) }
        }
    }

    // MARK: On the queue only

    private func readPage(
        _ sql: String, _ binds: [any Encodable & Sendable], walking field: ReportFilter.TimeField
    ) throws -> ReadPage<ReportColumns> {
        let statement = try prepared(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case let number as Double: status = sqlite_nio_sqlite3_bind_double(statement, index, number)
            case let number as Int: status = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
            case var text as String:
                status = text.withUTF8 { sqlite_nio_sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), transient) }
            default: throw SQLStoreError.database("report: cannot bind a \(type(of: value))")
            }
            guard status == SQLITE_OK else { throw error(status, sql) }
        }
        var page = ReadPage<ReportColumns>(rows: [], last: nil)
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw error(status, sql) }
            let columns = ReportColumns(
                id: text(statement, 0) ?? "", created: sqlite_nio_sqlite3_column_double(statement, 1), requester: text(statement, 2) ?? "",
                resources: text(statement, 3) ?? "", requestType: text(statement, 4) ?? "", status: text(statement, 5) ?? "",
                decided: double(statement, 6), granted: double(statement, 7), accessEnds: double(statement, 8), ended: double(statement, 9),
                justification: text(statement, 10), decidedBy: text(statement, 11))
            page.rows.append(columns)
            page.last = ReportKey(time: field == .requested ? columns.created : columns.decided ?? columns.created, id: columns.id)
        }
        return page
    }

    private func text(_ statement: OpaquePointer?, _ column: Int32) -> String? {
        guard let bytes = sqlite_nio_sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    private func double(_ statement: OpaquePointer?, _ column: Int32) -> Double? {
        sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite_nio_sqlite3_column_double(statement, column)
    }

    private func prepared(_ sql: String) throws -> OpaquePointer? {
        try RawSQLite.prepared(sql, handle: handle, cache: &statements)
    }

    private func error(_ status: Int32, _ context: String) -> SQLStoreError {
        RawSQLite.error(status, context, handle: handle)
    }
}

/// `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
