import Logging
import SQLiteKit

/// SQLite: one connection writes, a couple of others read (WAL lets readers see the last
/// commit while a write is in progress). All writes of the process go through the one
/// writer, one task at a time, which is both the simplest and the fastest way to use SQLite.
final class SQLiteSessions: Sessions {
    let dialect = Dialect.sqlite
    private let writer: SQLiteConnection
    /// Empty for an in-memory database, whose data only the writer's connection can see.
    private let readers: [SQLiteConnection]
    private let lock = AsyncLock()

    private init(writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.writer = writer
        self.readers = readers
    }

    /// Opens (creating if needed) the database file in WAL mode.
    static func open(path: String, synchronous: SQLiteSynchronous, readers count: Int = 2, logger: Logger) async throws -> SQLiteSessions {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        var readers: [SQLiteConnection] = []
        do {
            let db = writer.sql(queryLogLevel: nil)
            try await db.raw("PRAGMA busy_timeout = 5000").run()
            try await db.raw("PRAGMA journal_mode = WAL").run()
            // See `SQLiteSynchronous` for why FULL is the default.
            try await db.raw(synchronous == .full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL").run()
            try await db.raw("PRAGMA temp_store = MEMORY").run()
            try await db.raw("PRAGMA cache_size = -65536").run()
            try await db.raw("PRAGMA wal_autocheckpoint = 0").run()
            for _ in 0..<count {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                readers.append(reader)
                let rdb = reader.sql(queryLogLevel: nil)
                try await rdb.raw("PRAGMA busy_timeout = 5000").run()
                try await rdb.raw("PRAGMA query_only = 1").run()
            }
        } catch {
            for reader in readers { try? await reader.close() }
            try? await writer.close()
            throw error
        }
        return SQLiteSessions(writer: writer, readers: readers)
    }

    /// A private database in memory: gone when the store closes.
    static func openInMemory(logger: Logger) async throws -> SQLiteSessions {
        let writer = try await SQLiteConnection.open(storage: .memory, logger: logger)
        return SQLiteSessions(writer: writer, readers: [])
    }

    func write<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await lock.lock()
        do {
            let result = try await body(writer.sql(queryLogLevel: nil))
            await lock.unlock()
            return result
        } catch {
            await lock.unlock()
            throw error
        }
    }

    func read<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        if writer.isClosed { throw SQLStoreError.closed }
        guard let reader = readers.randomElement() else { return try await write(body) }
        return try await body(reader.sql(queryLogLevel: nil))
    }

    func close() async throws {
        try await lock.lock()
        await lock.close()
        for reader in readers { try await reader.close() }
        try await writer.close()
    }
}
