import AccessCore
import Logging
import SQLKit

/// Writes one batch of outcomes in one transaction (see `WriteQueue`): on PostgreSQL as one
/// prepared statement, on an SQLite file through the raw batch connection, and in memory
/// (tests) through SQLKit on the one connection.
struct BatchWriter: Sendable {
    let sessions: any Sessions
    let logger: Logger

    /// Each job's result; if the batch as a whole fails, the jobs are retried one by one so a
    /// single bad outcome fails only its own caller.
    func execute(_ jobs: [OutcomeRows], completion: BatchCompletion? = nil) async -> [Result<Void, any Error>] {
        do {
            if let postgres = sessions as? PostgresSessions { return try await writeInOneStatement(jobs, postgres) }
            if let sqlite = sessions as? SQLiteSessions, let connection = sqlite.batchConnection {
                return try await writeOnRawConnection(jobs, sqlite, connection, completion: completion)
            }
            return try await sessions.transaction { db in try await write(jobs, db) }
        } catch {
            guard jobs.count > 1 else { return [.failure(error)] }
            logger.warning("group commit failed, writing one by one", metadata: ["error": "\(error)", "batch": "\(jobs.count)"])
            var results: [Result<Void, any Error>] = []
            for job in jobs { results += await execute([job]) }
            return results
        }
    }

    private func write(_ jobs: [OutcomeRows], _ db: any SQLDatabase) async throws -> [Result<Void, any Error>] {
        var won = [Bool](repeating: false, count: jobs.count)

        let creates = jobs.indices.filter { jobs[$0].isCreate }
        if !creates.isEmpty {
            let rows = try await SQLText.insert(
                db, into: "requests", columns: OutcomeRows.requestColumns, rows: creates.map { jobs[$0].request },
                suffix: " ON CONFLICT (id) DO NOTHING RETURNING id")
            let inserted = Set(try rows.map { try $0.value("id", String.self, table: "requests") })
            for index in creates { won[index] = inserted.contains(jobs[index].requestID.rawValue) }
        }
        for index in jobs.indices where !jobs[index].isCreate {
            won[index] = try await compareAndSwap(jobs[index], db)
        }

        let winners = jobs.indices.filter { won[$0] }.map { jobs[$0] }
        let updated: [Bind] = winners.filter { !$0.isCreate }.map { $0.requestID.rawValue }
        if !updated.isEmpty {
            try await db.raw("DELETE FROM tasks WHERE request_id IN \(SQLText.list(updated))").run()
        }
        let cancelled: [Bind] = winners.flatMap(\.cancelsTimersOf)
        if !cancelled.isEmpty {
            try await db.raw("DELETE FROM timers WHERE request_id IN \(SQLText.list(cancelled))").run()
        }
        let consumed: [Bind] = winners.compactMap(\.consumedTimer)
        if !consumed.isEmpty {
            try await db.raw("DELETE FROM timers WHERE id IN \(SQLText.list(consumed))").run()
        }
        try await SQLText.insert(db, into: "tasks", columns: OutcomeRows.taskColumns, rows: winners.flatMap(\.tasks))
        try await SQLText.insert(db, into: "audit_events", columns: OutcomeRows.auditColumns, rows: winners.flatMap(\.audit))
        try await SQLText.insert(db, into: "outbox", columns: OutcomeRows.outboxColumns, rows: winners.flatMap(\.outbox))
        try await SQLText.insert(db, into: "timers", columns: OutcomeRows.timerColumns, rows: winners.flatMap(\.timers))

        return zip(jobs, won).map { job, won in job.result(written: won) }
    }

    /// SQLite files: the whole batch in one go on the raw connection (see `RawSQLiteConnection`).
    private func writeOnRawConnection(
        _ jobs: [OutcomeRows], _ sessions: SQLiteSessions, _ connection: RawSQLiteConnection,
        completion: BatchCompletion?
    ) async throws -> [Result<Void, any Error>] {
        let prepared = jobs.map { job in (rows: job, values: job.sqliteValues ?? SQLiteValues(job)) }
        return try await sessions.withWriteLock {
            let written = try SQLiteBatchWriter.write(prepared, on: connection)
            let results = zip(jobs, written).map { job, won in job.result(written: won) }
            // Committed: the callers go on now, not after the unlock and the hop back to the queue.
            completion?.resume(results)
            return results
        }
    }

    /// PostgreSQL: the whole batch as one prepared statement (see `PostgresBatchStatement`).
    private func writeInOneStatement(_ jobs: [OutcomeRows], _ sessions: PostgresSessions) async throws -> [Result<Void, any Error>] {
        let document = PostgresBatchDocument.make(jobs)
        let written = Set(try await sessions.writeBatch(document: document, hasCommits: jobs.contains { !$0.isCreate }))
        return jobs.map { job in job.result(written: written.contains(job.requestID.rawValue)) }
    }

    /// `UPDATE ... WHERE id = ? AND version = ?`: false when someone else committed first.
    private func compareAndSwap(_ job: OutcomeRows, _ db: any SQLDatabase) async throws -> Bool {
        guard let expected = job.expectedVersion else { return false }
        // Every column but `id` (first) is rewritten from the new state.
        let assignments = zip(OutcomeRows.requestColumns, job.request).dropFirst().map { column, value in
            SQLQueryString("\(unsafeRaw: column) = \(bind: value)")
        }
        let sql: SQLQueryString = """
            UPDATE requests SET \(SQLList(assignments)) \
            WHERE id = \(bind: job.requestID.rawValue) AND version = \(bind: expected) RETURNING id
            """
        return try await !db.raw(sql).all().isEmpty
    }
}
