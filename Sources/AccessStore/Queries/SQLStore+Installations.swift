import AccessCore
import Foundation
import SQLKit

extension SQLStore: InstallationStore {
    public func saveInstallation(_ installation: ChatInstallation) async throws {
        let row: [Bind] = [
            installation.platform.rawValue, installation.conversation, installation.scope.rawValue, installation.serviceURL,
            installation.tenantID, installation.teamID, Date().stored,
        ]
        try await sessions.write { db in
            _ = try await SQLText.insert(
                db, into: "chat_installations",
                columns: ["platform", "conversation", "scope", "service_url", "tenant_id", "team_id", "updated_at"], rows: [row],
                suffix: """
                     ON CONFLICT (platform, conversation) DO UPDATE SET scope = excluded.scope, service_url = excluded.service_url, \
                    tenant_id = excluded.tenant_id, team_id = excluded.team_id, updated_at = excluded.updated_at
                    """)
        }
    }

    public func removeInstallation(platform: Origin.Platform, conversation: String) async throws {
        try await sessions.write { db in
            try await db.raw(
                "DELETE FROM chat_installations WHERE platform = \(bind: platform.rawValue) AND conversation = \(bind: conversation)"
            ).run()
        }
    }

    public func installations(platform: Origin.Platform) async throws -> [ChatInstallation] {
        let rows = try await sessions.read { db in
            try await db.raw(
                """
                SELECT conversation, scope, service_url, tenant_id, team_id FROM chat_installations
                WHERE platform = \(bind: platform.rawValue) ORDER BY updated_at DESC
                """
            ).all()
        }
        let table = "chat_installations"
        return try rows.map { row in
            let scope = try row.value("scope", String.self, table: table)
            return ChatInstallation(
                platform: platform, conversation: try row.value("conversation", String.self, table: table),
                scope: ChatInstallation.Scope(rawValue: scope) ?? .groupChat,
                serviceURL: try row.optional("service_url", String.self, table: table),
                tenantID: try row.optional("tenant_id", String.self, table: table),
                teamID: try row.optional("team_id", String.self, table: table))
        }
    }
}
