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

    init(_ rows: OutcomeRows) throws {
        let encoder = SQLiteDataEncoder()
        func convert(_ row: [Bind]) throws -> [SQLiteData] { try row.map { try encoder.encode($0) } }
        request = try convert(rows.request)
        tasks = try rows.tasks.map(convert)
        audit = try rows.audit.map(convert)
        outbox = try rows.outbox.map(convert)
        timers = try rows.timers.map(convert)
    }
}

/// Writes a batch on the raw SQLite connection in one transaction, with the same statements
/// for every batch (prepared once): insert-or-skip and compare-and-swap per request, then the
/// rows of the requests that were written.
enum SQLiteBatchWriter {
    static let insertRequest = insert("requests", OutcomeRows.requestColumns) + " ON CONFLICT (id) DO NOTHING"
    static let updateRequest =
        "UPDATE requests SET " + OutcomeRows.requestColumns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")
        + " WHERE id = ? AND version = ?"
    static let deleteTasks = "DELETE FROM tasks WHERE request_id = ?"
    static let deleteTimersOfRequest = "DELETE FROM timers WHERE request_id = ?"
    static let deleteTimer = "DELETE FROM timers WHERE id = ?"
    static let insertTask = insert("tasks", OutcomeRows.taskColumns)
    static let insertAudit = insert("audit_events", OutcomeRows.auditColumns)
    static let insertOutbox = insert("outbox", OutcomeRows.outboxColumns)
    static let insertTimer = insert("timers", OutcomeRows.timerColumns)

    /// Whether each job was written (false: its id existed, or its version moved on).
    static func write(_ jobs: [(rows: OutcomeRows, values: SQLiteValues)], on connection: RawSQLiteConnection) throws -> [Bool] {
        try connection.execute("BEGIN IMMEDIATE")
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
            for ((rows, values), won) in zip(jobs, written) where won {
                let id = SQLiteData.text(rows.requestID.rawValue)
                if !rows.isCreate { try connection.run(deleteTasks, [id]) }
                for target in rows.cancelsTimersOf { try connection.run(deleteTimersOfRequest, [.text(target)]) }
                if let consumed = rows.consumedTimer { try connection.run(deleteTimer, [.integer(Int(consumed))]) }
                for row in values.tasks { try connection.run(insertTask, row) }
                for row in values.audit { try connection.run(insertAudit, row) }
                for row in values.outbox { try connection.run(insertOutbox, row) }
                for row in values.timers { try connection.run(insertTimer, row) }
            }
            try connection.execute("COMMIT")
            return written
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    private static func insert(_ table: String, _ columns: [String]) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }
}
