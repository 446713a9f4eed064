import CSQLiteWALBuffer
import SQLKit
import VaporCSQLite

// Internal helpers for the store's own tests (reached through `@testable import AccessStore`).
extension SQLStore {
    /// Drops the PostgreSQL schema the URL's `search_path` named, with everything in it.
    func dropSchema() async throws {
        guard let postgres = sessions as? PostgresSessions, let schema = postgres.schema else { return }
        try await sessions.write { db in try await db.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run() }
    }

    /// An SQLite `PRAGMA` value as the writing connection sees it.
    func pragma(_ name: String) async throws -> String? {
        let row = try await sessions.write { db in try await db.raw("PRAGMA \(unsafeRaw: name)").first() }
        guard let row, let column = row.allColumns.first else { return nil }
        if let text = try? row.decode(column: column, as: String.self) { return text }
        return try? row.decode(column: column, as: Int.self).description
    }

    /// How many requests are stored.
    func requestCount() async throws -> Int {
        let row = try await sessions.read { db in try await db.raw("SELECT COUNT(*) AS n FROM requests").first() }
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The VFS stack of the raw connection that writes group-commit batches (nil in memory).
    func batchConnectionVFS() async throws -> String? {
        guard let sqlite = sessions as? SQLiteSessions, let connection = sqlite.batchConnection else { return nil }
        return try await sqlite.withWriteLock { connection.vfsName() }
    }

    /// Makes the next `count` writes of buffered WAL frames of this SQLite file fail with an
    /// I/O error, as a full disk would (0 ends it).
    func failWALWrites(count: Int) {
        guard case .sqlite(let path, _) = location else { return }
        accessbot_wal_buffer_fail_flushes(path + "-wal", Int32(count), SQLITE_IOERR | (3 << 8))  // SQLITE_IOERR_WRITE
    }
}
