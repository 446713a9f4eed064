import AccessCore
import Foundation
import SQLKit

extension SQLStore {
    /// Leases the head of each ordering key when it is due and not leased, earliest due first
    /// (the `outbox_due` index: only due rows are walked): the oldest pending
    /// message of a key blocks the younger ones (a card's update never overtakes its post),
    /// even while it waits for its retry time. On PostgreSQL the candidates are locked with
    /// `FOR UPDATE SKIP LOCKED`, so replicas claiming at once never get the same message.
    public func claimOutbox(now: Date, limit: Int, lease: TimeSpan, worker: String) async throws -> [OutboxMessage] {
        guard limit > 0 else { return [] }
        let lock: SQLQueryString = sessions.dialect == .postgres ? " FOR UPDATE OF o SKIP LOCKED" : ""
        let sql: SQLQueryString = """
            WITH heads AS MATERIALIZED (
                SELECT o.id FROM outbox o
                WHERE o.state = 'pending' AND o.not_before <= \(bind: now.stored)
                  AND (o.lease_until IS NULL OR o.lease_until <= \(bind: now.stored))
                  AND NOT EXISTS (
                    SELECT 1 FROM outbox older
                    WHERE older.ordering_key = o.ordering_key AND older.state = 'pending' AND older.id < o.id)
                ORDER BY o.not_before, o.id
                LIMIT \(bind: limit)\(lock)
            )
            UPDATE outbox SET lease_until = \(bind: now.adding(lease).stored), leased_by = \(bind: worker)
            WHERE id IN (SELECT id FROM heads)
            RETURNING id, ordering_key, payload, attempts, created_at, platform
            """
        let rows = try await sessions.write { db in try await db.raw(sql).all() }
        return try rows.map(Self.decodeOutbox).sorted { $0.id < $1.id }
    }

    public func splitOutbox(_ id: Int64, platforms: [Origin.Platform]) async throws {
        try await sessions.write { db in
            for platform in platforms {
                try await db.raw(
                    """
                    INSERT INTO outbox (ordering_key, kind, payload, attempts, not_before, state, created_at, platform)
                    SELECT ordering_key || \(bind: "#" + platform.rawValue), kind, payload, 0, not_before, 'pending', created_at,
                        \(bind: platform.rawValue)
                    FROM outbox WHERE id = \(bind: id) AND state = 'pending' AND platform IS NULL
                    """
                ).run()
            }
            try await db.raw("DELETE FROM outbox WHERE id = \(bind: id) AND platform IS NULL").run()
        }
    }

    public func recordDeliveries(_ deliveries: [OutboxDelivery]) async throws {
        guard !deliveries.isEmpty else { return }
        try await sessions.transaction { db in
            let completed: [Bind] = deliveries.compactMap { $0.outcome == .completed ? $0.id : nil }
            if !completed.isEmpty {
                try await db.raw("DELETE FROM outbox WHERE id IN \(SQLText.list(completed))").run()
            }
            for delivery in deliveries {
                switch delivery.outcome {
                case .completed:
                    break
                case .retry(let notBefore, let error):
                    try await db.raw(Self.retrySQL(delivery.id, notBefore: notBefore, error: error)).run()
                case .dead(let error):
                    try await db.raw(Self.killSQL(delivery.id, error: error)).run()
                }
            }
            let copies = deliveries.flatMap(\.cardCopies)
            if !copies.isEmpty {
                let now = Date().stored
                let rows: [[Bind]] = copies.map { copy in
                    [copy.requestID.rawValue, copy.platform.rawValue, copy.conversation, copy.messageID, copy.serviceURL, now]
                }
                _ = try await SQLText.insert(
                    db, into: "card_copies",
                    columns: ["request_id", "platform", "conversation", "message_id", "service_url", "created_at"], rows: rows,
                    suffix: " ON CONFLICT (request_id, platform, conversation, message_id) DO NOTHING")
            }
        }
    }

    public func completeOutbox(_ id: Int64) async throws {
        try await sessions.write { db in try await db.raw("DELETE FROM outbox WHERE id = \(bind: id)").run() }
    }

    public func retryOutbox(_ id: Int64, notBefore: Date, error: String) async throws {
        try await sessions.write { db in try await db.raw(Self.retrySQL(id, notBefore: notBefore, error: error)).run() }
    }

    public func killOutbox(_ id: Int64, error: String) async throws {
        try await sessions.write { db in try await db.raw(Self.killSQL(id, error: error)).run() }
    }

    static func retrySQL(_ id: Int64, notBefore: Date, error: String) -> SQLQueryString {
        """
        UPDATE outbox SET attempts = attempts + 1, not_before = \(bind: notBefore.stored),
            last_error = \(bind: String(error.prefix(2000))), lease_until = NULL, leased_by = NULL
        WHERE id = \(bind: id)
        """
    }

    static func killSQL(_ id: Int64, error: String) -> SQLQueryString {
        """
        UPDATE outbox SET state = 'dead', attempts = attempts + 1,
            last_error = \(bind: String(error.prefix(2000))), lease_until = NULL, leased_by = NULL
        WHERE id = \(bind: id)
        """
    }

    public func outboxCounts() async throws -> (pending: Int, dead: Int) {
        let rows = try await sessions.read { db in
            try await db.raw("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state").all()
        }
        var pending = 0
        var dead = 0
        for row in rows {
            let count = try row.value("n", Int.self, table: "outbox")
            switch try row.value("state", String.self, table: "outbox") {
            case "dead": dead += count
            default: pending += count
            }
        }
        return (pending, dead)
    }

    static func decodeOutbox(_ row: any SQLRow) throws -> OutboxMessage {
        let id = try row.value("id", Int64.self, table: "outbox")
        let payload = try row.value("payload", String.self, table: "outbox")
        return OutboxMessage(
            id: id, effect: try StoredJSON.decode(Effect.self, from: payload, table: "outbox", key: "\(id)"),
            orderingKey: try row.value("ordering_key", String.self, table: "outbox"),
            attempts: try row.value("attempts", Int.self, table: "outbox"),
            createdAt: Date(stored: try row.value("created_at", Double.self, table: "outbox")),
            platform: try row.optional("platform", String.self, table: "outbox").flatMap(Origin.Platform.init(rawValue:)))
    }
}
