import AccessCore
import Foundation
import SQLKit

extension SQLStore {
    /// Walks the `(due, id)` index from the earliest timer, so the cost follows the number
    /// due; `FOR UPDATE SKIP LOCKED` on PostgreSQL lets replicas share the work.
    public func claimDueTimers(now: Date, limit: Int, lease: TimeSpan, worker: String) async throws -> [StoredTimer] {
        guard limit > 0 else { return [] }
        let lock: SQLQueryString = sessions.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let sql: SQLQueryString = """
            WITH due_now AS MATERIALIZED (
                SELECT id FROM timers
                WHERE due <= \(bind: now.stored) AND (lease_until IS NULL OR lease_until <= \(bind: now.stored))
                ORDER BY due, id
                LIMIT \(bind: limit)\(lock)
            )
            UPDATE timers SET lease_until = \(bind: now.adding(lease).stored), leased_by = \(bind: worker)
            WHERE id IN (SELECT id FROM due_now)
            RETURNING id, request_id, kind, due
            """
        let rows = try await sessions.write { db in try await db.raw(sql).all() }
        return try rows.map(Self.decodeTimer).sorted { ($0.timer.due, $0.id) < ($1.timer.due, $1.id) }
    }

    public func deleteTimer(_ id: TimerID) async throws {
        try await sessions.write { db in try await db.raw("DELETE FROM timers WHERE id = \(bind: id)").run() }
    }

    /// The earliest moment a claim could return something: the first unleased due time, or
    /// the end of the first lease (a worker that died leaves its timers to others then).
    public func nextTimerDue() async throws -> Date? {
        let (free, leased) = try await sessions.read { db in
            let free = try await db.raw("SELECT due FROM timers WHERE lease_until IS NULL ORDER BY due LIMIT 1").first()
            let leased = try await db.raw(
                "SELECT lease_until FROM timers WHERE lease_until IS NOT NULL ORDER BY lease_until LIMIT 1"
            ).first()
            return (
                try free.map { try $0.value("due", Double.self, table: "timers") },
                try leased.map { try $0.value("lease_until", Double.self, table: "timers") }
            )
        }
        return [free, leased].compactMap { $0 }.min().map(Date.init(stored:))
    }

    static func decodeTimer(_ row: any SQLRow) throws -> StoredTimer {
        let id = try row.value("id", Int64.self, table: "timers")
        let kindText = try row.value("kind", String.self, table: "timers")
        guard let kind = TimerKind(rawValue: kindText) else {
            throw SQLStoreError.unreadableRow(table: "timers", key: "\(id)", reason: "unknown kind \(kindText)")
        }
        let timer = ScheduledTimer(
            requestID: RequestID(rawValue: try row.value("request_id", String.self, table: "timers")), kind: kind,
            due: Date(stored: try row.value("due", Double.self, table: "timers")))
        return StoredTimer(id: id, timer: timer)
    }
}
