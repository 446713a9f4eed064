import AccessCore
import SQLKit

extension SQLStore {
    /// Writes many requests at once: each outcome's request, tasks and audit events, as
    /// multi-row INSERTs in one transaction, with no outbox messages and no timers.
    ///
    /// For seeding benchmarks and test databases, not for live traffic: it bypasses the
    /// group-commit queue and the version check, and fails (writing nothing) on an existing id.
    @_spi(Seeding) public func bulkInsert(_ outcomes: [Outcome]) async throws {
        let rows = try outcomes.map { try OutcomeRows($0, consumedTimer: nil) }
        try await sessions.transaction { db in
            try await SQLText.insert(db, into: "requests", columns: OutcomeRows.requestColumns, rows: rows.map(\.request))
            try await SQLText.insert(db, into: "tasks", columns: OutcomeRows.taskColumns, rows: rows.flatMap(\.tasks))
            try await SQLText.insert(db, into: "audit_events", columns: OutcomeRows.auditColumns, rows: rows.flatMap(\.audit))
        }
    }
}
