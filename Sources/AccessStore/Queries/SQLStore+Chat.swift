import AccessCore
import Foundation
import SQLKit

extension SQLStore {
    /// Idempotency keys older than this are forgotten (platform retries come within minutes).
    static let idempotencyWindow: TimeInterval = 86_400

    /// Recording the same copy twice keeps one row.
    public func recordCardCopy(_ copy: CardCopy) async throws {
        let row: [Bind] = [
            copy.requestID.rawValue, copy.platform.rawValue, copy.conversation, copy.messageID, copy.serviceURL, Date().stored,
        ]
        try await sessions.write { db in
            _ = try await SQLText.insert(
                db, into: "card_copies",
                columns: ["request_id", "platform", "conversation", "message_id", "service_url", "created_at"], rows: [row],
                suffix: " ON CONFLICT (request_id, platform, conversation, message_id) DO NOTHING")
        }
    }

    /// In the order they were posted.
    public func cardCopies(of request: RequestID) async throws -> [CardCopy] {
        let rows = try await sessions.read { db in
            try await db.raw(
                """
                SELECT platform, conversation, message_id, service_url FROM card_copies
                WHERE request_id = \(bind: request.rawValue) ORDER BY id
                """
            ).all()
        }
        return try rows.map { row in
            CardCopy(
                requestID: request, platform: try Self.platform(row, "platform", table: "card_copies"),
                conversation: try row.value("conversation", String.self, table: "card_copies"),
                messageID: try row.value("message_id", String.self, table: "card_copies"),
                serviceURL: try row.optional("service_url", String.self, table: "card_copies"))
        }
    }

    /// Keyed by platform and platform user: a newer reference replaces the older one.
    public func saveConversation(_ reference: ConversationReference) async throws {
        let row: [Bind] = [
            reference.platform.rawValue, reference.platformUserID, reference.user?.rawValue, reference.conversation,
            reference.serviceURL, reference.tenantID, Date().stored,
        ]
        try await sessions.write { db in
            _ = try await SQLText.insert(
                db, into: "conversations",
                columns: ["platform", "platform_user_id", "user_id", "conversation", "service_url", "tenant_id", "updated_at"],
                rows: [row],
                suffix: """
                     ON CONFLICT (platform, platform_user_id) DO UPDATE SET user_id = COALESCE(excluded.user_id, conversations.user_id), \
                    conversation = excluded.conversation, service_url = excluded.service_url, tenant_id = excluded.tenant_id, \
                    updated_at = excluded.updated_at
                    """)
        }
    }

    /// The most recently saved reference of a directory user on a platform.
    public func conversation(platform: Origin.Platform, user: UserID) async throws -> ConversationReference? {
        let row = try await sessions.read { db in
            try await db.raw(
                """
                SELECT platform_user_id, user_id, conversation, service_url, tenant_id FROM conversations
                WHERE platform = \(bind: platform.rawValue) AND user_id = \(bind: user.rawValue)
                ORDER BY updated_at DESC LIMIT 1
                """
            ).first()
        }
        guard let row else { return nil }
        let table = "conversations"
        return ConversationReference(
            platform: platform, platformUserID: try row.value("platform_user_id", String.self, table: table),
            user: try row.optional("user_id", String.self, table: table).map(UserID.init(rawValue:)),
            conversation: try row.value("conversation", String.self, table: table),
            serviceURL: try row.optional("service_url", String.self, table: table),
            tenantID: try row.optional("tenant_id", String.self, table: table))
    }

    public func cacheIdentity(platform: Origin.Platform, platformUserID: String, user: UserID, now: Date) async throws {
        let row: [Bind] = [platform.rawValue, platformUserID, user.rawValue, now.stored]
        try await sessions.write { db in
            _ = try await SQLText.insert(
                db, into: "identities", columns: ["platform", "platform_user_id", "user_id", "cached_at"], rows: [row],
                suffix: " ON CONFLICT (platform, platform_user_id) DO UPDATE SET user_id = excluded.user_id, cached_at = excluded.cached_at"
            )
        }
    }

    public func cachedIdentity(platform: Origin.Platform, platformUserID: String, maxAge: TimeSpan, now: Date) async throws -> UserID? {
        let row = try await sessions.read { db in
            try await db.raw(
                """
                SELECT user_id FROM identities
                WHERE platform = \(bind: platform.rawValue) AND platform_user_id = \(bind: platformUserID)
                  AND cached_at >= \(bind: now.stored - maxAge.timeInterval)
                """
            ).first()
        }
        return try row.map { UserID(rawValue: try $0.value("user_id", String.self, table: "identities")) }
    }

    /// From the identity cache (newest mapping first), else from a saved conversation reference.
    public func platformUserID(platform: Origin.Platform, user: UserID) async throws -> String? {
        try await sessions.read { db in
            let cached = try await db.raw(
                """
                SELECT platform_user_id FROM identities WHERE platform = \(bind: platform.rawValue) AND user_id = \(bind: user.rawValue)
                ORDER BY cached_at DESC LIMIT 1
                """
            ).first()
            if let cached { return try cached.value("platform_user_id", String.self, table: "identities") }
            let saved = try await db.raw(
                """
                SELECT platform_user_id FROM conversations WHERE platform = \(bind: platform.rawValue) AND user_id = \(bind: user.rawValue)
                ORDER BY updated_at DESC LIMIT 1
                """
            ).first()
            return try saved.map { try $0.value("platform_user_id", String.self, table: "conversations") }
        }
    }

    /// `INSERT ... ON CONFLICT DO NOTHING RETURNING key`: a row comes back only for the one
    /// caller whose insert won, however many race. About one call in 512 also prunes old keys.
    public func firstSighting(of key: String, now: Date) async throws -> Bool {
        let prune = Int.random(in: 0..<512) == 0
        return try await sessions.write { db in
            let rows = try await SQLText.insert(
                db, into: "idempotency_keys", columns: ["key", "seen_at"], rows: [[key, now.stored]],
                suffix: " ON CONFLICT (key) DO NOTHING RETURNING key")
            if prune {
                try await db.raw("DELETE FROM idempotency_keys WHERE seen_at < \(bind: now.stored - Self.idempotencyWindow)").run()
            }
            return !rows.isEmpty
        }
    }

    private static func platform(_ row: any SQLRow, _ column: String, table: String) throws -> Origin.Platform {
        let text = try row.value(column, String.self, table: table)
        guard let platform = Origin.Platform(rawValue: text) else {
            throw SQLStoreError.unreadableRow(table: table, key: column, reason: "unknown platform \(text)")
        }
        return platform
    }
}
