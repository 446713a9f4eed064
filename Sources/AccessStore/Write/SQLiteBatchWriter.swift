import AccessCore
import SQLiteKit

/// An outcome's rows as SQLite values, converted by the caller before it queues so the
/// single writer only binds and steps.
struct SQLiteValues: Sendable {
    let request: [SQLiteData]
    let tasks: [[SQLiteData]]
    let audit: [[SQLiteData]]
    let outbox: [[SQLiteData]]
    let timers: [[SQLiteData]]

    init(_ rows: OutcomeRows) {
        func convert(_ row: [Bind]) -> [SQLiteData] { row.map(Self.value) }
        request = convert(rows.request)
        tasks = rows.tasks.map(convert)
        audit = rows.audit.map(convert)
        outbox = rows.outbox.map(convert)
        timers = rows.timers.map(convert)
    }

    /// The value types `OutcomeRows` holds; anything else (a nil optional) is NULL.
    static func value(_ value: Bind) -> SQLiteData {
        switch value {
        case let text as String: .text(text)
        case let number as Double: .float(number)
        case let number as Int: .integer(number)
        case let number as Int64: .integer(Int(number))
        default: .null
        }
    }
}

/// Writes a batch on the raw SQLite connection in one transaction: insert-or-skip and
/// compare-and-swap per request, then the deletes and the rows of the requests that were
/// written, each table's rows in multi-row INSERTs of up to `rowsPerInsert`. Every statement
/// has one of a few fixed texts, so each is prepared once and reused.
enum SQLiteBatchWriter {
    static let insertRequest = insert("requests", OutcomeRows.requestColumns, rows: 1) + " ON CONFLICT (id) DO NOTHING"
    static let updateRequest =
        "UPDATE requests SET " + OutcomeRows.requestColumns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")
        + " WHERE id = ? AND version = ?"
    static let deleteTasks = "DELETE FROM tasks WHERE request_id = ?"
    static let deleteTimersOfRequest = "DELETE FROM timers WHERE request_id = ?"
    static let deleteTimer = "DELETE FROM timers WHERE id = ?"
    /// Fewer, larger statements cost less per row (and AUTOINCREMENT's bookkeeping is per statement).
    static let rowsPerInsert = 16

    /// Whether each job was written (false: its id existed, or its version moved on).
    static func write(_ jobs: [(rows: OutcomeRows, values: SQLiteValues)], on connection: RawSQLiteConnection) throws -> [Bool] {
        try connection.run("BEGIN IMMEDIATE", [])
        do {
            var written: [Bool] = []
            for (rows, values) in jobs {
                if let expected = rows.expectedVersion {
                    let binds = Array(values.request.dropFirst()) + [values.request[0], .integer(expected)]
                    written.append(try connection.run(updateRequest, binds) == 1)
                } else {
                    written.append(try connection.run(insertRequest, values.request) == 1)
                }
            }
            let winners = zip(jobs, written).filter { $0.1 }.map(\.0)
            // Deletes first: each only touches its own request's stored rows, never the new ones.
            for (rows, _) in winners {
                if !rows.isCreate { try connection.run(deleteTasks, [.text(rows.requestID.rawValue)]) }
                for target in rows.cancelsTimersOf { try connection.run(deleteTimersOfRequest, [.text(target)]) }
                if let consumed = rows.consumedTimer { try connection.run(deleteTimer, [.integer(Int(consumed))]) }
            }
            try insert("tasks", OutcomeRows.taskColumns, winners.flatMap(\.values.tasks), on: connection)
            try insert("audit_events", OutcomeRows.auditColumns, winners.flatMap(\.values.audit), on: connection)
            try insert("outbox", OutcomeRows.outboxColumns, winners.flatMap(\.values.outbox), on: connection)
            try insert("timers", OutcomeRows.timerColumns, winners.flatMap(\.values.timers), on: connection)
            try connection.run("COMMIT", [])
            return written
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// Inserts `rows` in order, `rowsPerInsert` at a time.
    private static func insert(_ table: String, _ columns: [String], _ rows: [[SQLiteData]], on connection: RawSQLiteConnection) throws {
        var start = 0
        while start < rows.count {
            let count = min(rowsPerInsert, rows.count - start)
            try connection.run(insert(table, columns, rows: count), Array(rows[start..<(start + count)].joined()))
            start += count
        }
    }

    private static func insert(_ table: String, _ columns: [String], rows: Int) -> String {
        let row = "(" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }
}
