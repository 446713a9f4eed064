import Logging
import Metrics
import SQLiteKit
import Synchronization

/// SQLite: one connection writes, a couple of others read (WAL lets readers see the last
/// commit while a write is in progress). All writes of the process go through the one
/// writer, one task at a time, which is both the simplest and the fastest way to use SQLite.
///
/// Group-commit batches go to a second, raw writing connection (`RawSQLiteConnection`) under
/// the same lock; checkpoints (copying the WAL back into the database file) run in the
/// background on another connection instead of inside whichever commit crosses the threshold.
final class SQLiteSessions: Sessions {
    let dialect = Dialect.sqlite
    private let writer: SQLiteConnection
    /// Empty for an in-memory database, whose data only the writer's connection can see.
    private let readers: [SQLiteConnection]
    /// Writes the group-commit batches (nil in memory, where only `writer` sees the data).
    let batchConnection: RawSQLiteConnection?
    private let checkpoints: SQLiteConnection?
    private let checkpointer: Task<Void, Never>?
    private let lock: AsyncLock
    /// How many times the checkpointer restarted a WAL that had outgrown `walRestartFrames`.
    let walRestarts = WALRestartCount()

    private init(
        writer: SQLiteConnection, readers: [SQLiteConnection], batchConnection: RawSQLiteConnection?,
        checkpoints: SQLiteConnection?, synchronous: SQLiteSynchronous, walRestartFrames: Int, logger: Logger
    ) {
        self.writer = writer
        self.readers = readers
        self.batchConnection = batchConnection
        self.checkpoints = checkpoints
        let lock = AsyncLock()
        self.lock = lock
        let restarts = walRestarts
        self.checkpointer = checkpoints.map {
            Self.checkpointLoop(
                $0, synchronous: synchronous, restartFrames: walRestartFrames, restarts: restarts, writeLock: lock, logger: logger)
        }
    }

    /// WAL pages after which the writer checkpoints by itself: a backstop should the
    /// background checkpoints fall behind (64 MiB of WAL).
    static let autocheckpointPages = 16_384

    /// WAL frames past which a checkpoint also restarts the log (64 MiB at 4 KiB pages).
    static let walRestartFrames = 16_384

    /// What a restarted WAL file is cut back to, so a burst does not leave a large file behind.
    static let journalSizeLimit = 64 << 20

    /// Opens (creating if needed) the database file in WAL mode.
    static func open(
        path: String, synchronous: SQLiteSynchronous, readers count: Int = 2, walRestartFrames: Int = walRestartFrames,
        logger: Logger
    ) async throws -> SQLiteSessions {
        var connections: [SQLiteConnection] = []
        var batch: RawSQLiteConnection?
        do {
            let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            connections.append(writer)
            let db = writer.sql(queryLogLevel: nil)
            try await db.raw("PRAGMA journal_mode = WAL").run()
            // Both writing connections: see `SQLiteSynchronous` for why FULL is the default.
            let pragmas = [
                "PRAGMA busy_timeout = 5000", synchronous == .full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL",
                "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -65536", "PRAGMA wal_autocheckpoint = \(autocheckpointPages)",
                "PRAGMA journal_size_limit = \(journalSizeLimit)",
            ]
            for pragma in pragmas { try await db.raw("\(unsafeRaw: pragma)").run() }
            let batchConnection = try RawSQLiteConnection.open(
                path: path, pragmas: pragmas, bufferWAL: synchronous == .full)
            batch = batchConnection
            var readers: [SQLiteConnection] = []
            for _ in 0..<count {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                connections.append(reader)
                readers.append(reader)
                let rdb = reader.sql(queryLogLevel: nil)
                try await rdb.raw("PRAGMA busy_timeout = 5000").run()
                try await rdb.raw("PRAGMA query_only = 1").run()
            }
            let checkpoints = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            connections.append(checkpoints)
            try await checkpoints.sql(queryLogLevel: nil).raw("PRAGMA busy_timeout = 5000").run()
            return SQLiteSessions(
                writer: writer, readers: readers, batchConnection: batchConnection, checkpoints: checkpoints,
                synchronous: synchronous, walRestartFrames: walRestartFrames, logger: logger)
        } catch {
            batch?.close()
            for connection in connections { try? await connection.close() }
            throw error
        }
    }

    /// A private database in memory: gone when the store closes.
    static func openInMemory(logger: Logger) async throws -> SQLiteSessions {
        let writer = try await SQLiteConnection.open(storage: .memory, logger: logger)
        return SQLiteSessions(
            writer: writer, readers: [], batchConnection: nil, checkpoints: nil, synchronous: .full,
            walRestartFrames: walRestartFrames, logger: logger)
    }

    /// Every 200 ms copies committed WAL pages back into the database file (`PASSIVE`: it
    /// never blocks the writer or readers), until cancelled.
    ///
    /// While writes never pause, a passive checkpoint never catches up with the last frame, so
    /// SQLite never starts the log over and the WAL grows for as long as the load lasts (68 MB
    /// after the Slack benchmark). Past `restartFrames` the checkpoint is a `RESTART`: it copies
    /// the few frames the passive one left, holds new writers back while it does, and lets the
    /// next commit write from the start of the file again.
    private static func checkpointLoop(
        _ connection: SQLiteConnection, synchronous: SQLiteSynchronous, restartFrames: Int, restarts: WALRestartCount,
        writeLock: AsyncLock, logger: Logger
    ) -> Task<Void, Never> {
        Task.detached(priority: .utility) {
            let db = connection.sql(queryLogLevel: nil)
            if synchronous == .normal { try? await db.raw("PRAGMA synchronous = NORMAL").run() }
            while true {
                try? await Task.sleep(for: .milliseconds(200))
                if Task.isCancelled { return }
                do {
                    let passive = try await db.raw("PRAGMA wal_checkpoint(PASSIVE)").first()
                    let frames = try passive?.decode(column: "log", as: Int.self) ?? 0
                    if frames >= restartFrames {
                        // Under the write lock: a RESTART holds writers back while it runs, and the
                        // batch writer would otherwise wait for it inside SQLite, holding a thread
                        // of the cooperative pool (see `RawSQLiteConnection`).
                        let busy = try await writeLock.withLock {
                            try await db.raw("PRAGMA wal_checkpoint(RESTART)").first()?.decode(column: "busy", as: Int.self)
                        }
                        // `busy` is 1 when readers or the writer kept it from finishing; the next tick tries again.
                        if busy == 0 { restarts.increment() }
                    }
                } catch is CancellationError {
                    return
                } catch {
                    // The store closed while the loop waited for the write lock.
                    if let error = error as? SQLStoreError, case .closed = error { return }
                    logger.warning("SQLite checkpoint failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    func write<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        let writer = self.writer
        return try await withWriteLock { try await body(writer.sql(queryLogLevel: nil)) }
    }

    /// Runs `body` as the only writer of this process.
    func withWriteLock<R: Sendable>(_ body: () async throws -> R) async throws -> R {
        try await lock.withLock(body)
    }

    func read<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        if writer.isClosed { throw SQLStoreError.closed }
        guard let reader = readers.randomElement() else { return try await write(body) }
        return try await body(reader.sql(queryLogLevel: nil))
    }

    func close() async throws {
        try await lock.lock()
        await lock.close()
        checkpointer?.cancel()
        await checkpointer?.value
        try await checkpoints?.close()
        batchConnection?.close()
        for reader in readers { try await reader.close() }
        try await writer.close()
    }
}

/// A counter the checkpointer bumps and tests read; also `accessbot_sqlite_wal_restarts_total`.
final class WALRestartCount: Sendable {
    private let count = Mutex(0)
    private let exported = Counter(label: "accessbot_sqlite_wal_restarts_total")
    func increment() {
        count.withLock { $0 += 1 }
        exported.increment()
    }
    var value: Int { count.withLock { $0 } }
}
