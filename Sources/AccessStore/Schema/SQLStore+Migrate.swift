import Foundation
import SQLKit

extension SQLStore {
    /// Creates or upgrades the schema: applies, in one transaction, every migration not yet
    /// recorded in `schema_migrations`. On PostgreSQL it holds an advisory lock for the
    /// transaction, so replicas starting together apply each step once; on SQLite the write
    /// transaction is the lock.
    public func migrate() async throws {
        let dialect = sessions.dialect
        let schema = (sessions as? PostgresSessions)?.schema
        let applied = try await sessions.transaction { db -> [Int] in
            if dialect == .postgres {
                // Key: "AccessBt" in ASCII. Held until COMMIT/ROLLBACK.
                try await db.raw("SELECT pg_advisory_xact_lock(4711732853458658420)").run()
                if let schema { try await db.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run() }
            }
            let time = ColumnTypes(dialect).time
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at \(unsafeRaw: time) NOT NULL)"
            ).run()
            let done = Set(
                try await db.raw("SELECT version FROM schema_migrations").all().map {
                    try $0.value("version", Int.self, table: "schema_migrations")
                })
            if let newest = done.max(), newest > Migration.latestVersion {
                throw SQLStoreError.schemaTooNew(found: newest, known: Migration.latestVersion)
            }
            var applied: [Int] = []
            for migration in Migration.all where !done.contains(migration.version) {
                for statement in migration.statements(dialect) { try await db.raw("\(unsafeRaw: statement)").run() }
                try await db.raw(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Date().stored))"
                ).run()
                applied.append(migration.version)
            }
            return applied
        }
        if !applied.isEmpty { logger.info("database schema migrated", metadata: ["versions": "\(applied)"]) }
    }

    /// True when every migration this build knows has been applied.
    public func isMigrated() async throws -> Bool {
        let dialect = sessions.dialect
        return try await sessions.read { db in
            let exists: Bool
            switch dialect {
            case .sqlite:
                exists = try await !db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").all()
                    .isEmpty
            case .postgres:
                let row = try await db.raw("SELECT to_regclass('schema_migrations') IS NOT NULL AS present").first()
                exists = try row?.value("present", Bool.self, table: "pg_class") ?? false
            }
            guard exists else { return false }
            let row = try await db.raw("SELECT MAX(version) AS version FROM schema_migrations").first()
            let version = try row?.optional("version", Int.self, table: "schema_migrations") ?? 0
            return version >= Migration.latestVersion
        }
    }
}
