import AccessCore
import Foundation
import Logging
import SQLKit

/// The store of requests, outbox, timers and chat bookkeeping, over SQLite or PostgreSQL.
///
/// Open it from a URL (`sqlite:PATH`, `sqlite::memory:`, `postgres://user:pass@host:port/db`),
/// run `migrate()` once (safe from several replicas at once), and `close()` it at shutdown.
/// `create` and `commit` of concurrent callers are group-committed (one transaction on SQLite's
/// single writer, one prepared statement per batch on PostgreSQL): each caller returns only
/// after the transaction holding its outcome committed, with its own result.
public final class SQLStore: RequestStore, OutboxStore, TimerStore, ChatStore {
    /// What the store was opened on.
    public let location: StoreLocation
    let sessions: any Sessions
    let writes: WriteQueue
    let logger: Logger

    private init(location: StoreLocation, sessions: any Sessions, logger: Logger) {
        self.location = location
        self.sessions = sessions
        self.logger = logger
        let writer = BatchWriter(sessions: sessions, logger: logger)
        // SQLite has one writer. PostgreSQL runs two batches at once on pooled connections: on
        // the 2-core benchmark machine two beat four (bigger batches, same parallelism).
        self.writes = WriteQueue(concurrency: sessions.dialect == .sqlite ? 1 : 2) { jobs, completion in
            await writer.execute(jobs, completion: completion)
        }
    }

    /// Opens the database a URL names; throws `SQLStoreError.invalidURL` for a malformed URL,
    /// and the driver's error when the database cannot be reached.
    public static func open(url: String, logger: Logger) async throws -> SQLStore {
        try await open(StoreLocation(url: url), logger: logger)
    }

    /// Opens a parsed location. PostgreSQL is connected to once, so bad credentials fail at start.
    public static func open(_ location: StoreLocation, logger: Logger) async throws -> SQLStore {
        try await open(location, logger: logger, walRestartFrames: SQLiteSessions.walRestartFrames)
    }

    /// `walRestartFrames`: see `SQLiteSessions.checkpointLoop` (tests make it small).
    static func open(_ location: StoreLocation, logger: Logger, walRestartFrames: Int) async throws -> SQLStore {
        let sessions: any Sessions
        switch location {
        case .sqlite(let path, let synchronous):
            sessions = try await SQLiteSessions.open(
                path: path, synchronous: synchronous, walRestartFrames: walRestartFrames, logger: logger)
        case .sqliteMemory:
            sessions = try await SQLiteSessions.openInMemory(logger: logger)
        case .postgres(let postgres):
            sessions = try await PostgresSessions.open(postgres, logger: logger)
        }
        let store = SQLStore(location: location, sessions: sessions, logger: logger)
        if case .postgres = location {
            do {
                try await store.ping()
            } catch {
                try? await sessions.close()
                throw error
            }
        }
        return store
    }

    /// Closes every connection; calls after this throw `SQLStoreError.closed`.
    public func close() async throws {
        try await sessions.close()
    }

    /// One trivial query: the database answers (for `/readyz`).
    public func ping() async throws {
        _ = try await sessions.read { db in try await db.raw("SELECT 1 AS one").all().count }
    }

    /// The Prometheus name of the group-commit duration histogram (its buckets are set by `serve`).
    public static let groupCommitDurationMetric = StoreMetrics.commitDurationLabel

    /// How many group commits ran and how many creates and commits they carried, since open.
    @_spi(Benchmark) public func groupCommitStatistics() async -> (batches: Int, writes: Int) {
        (await writes.batches, await writes.writes)
    }

    // MARK: RequestStore writes

    /// Writes a new request with its tasks, audit events, outbox messages and timers in one
    /// transaction; `StoreError.duplicate` (and nothing written) if the id exists.
    public func create(_ outcome: Outcome) async throws {
        try await write(OutcomeRows(outcome, consumedTimer: nil))
    }

    /// Compare-and-swap on the version: writes the transition, its rows and the deletion of
    /// `consumedTimer` in one transaction, or throws `StoreError.conflict` and writes nothing.
    public func commit(_ outcome: Outcome, consumedTimer: TimerID?) async throws {
        guard outcome.expectedVersion != nil else { throw SQLStoreError.missingExpectedVersion(outcome.request.id.rawValue) }
        try await write(OutcomeRows(outcome, consumedTimer: consumedTimer))
    }

    private func write(_ rows: OutcomeRows) async throws {
        var rows = rows
        // Converted here, in the caller's task, so the single SQLite writer only binds and steps.
        if (sessions as? SQLiteSessions)?.batchConnection != nil { rows.sqliteValues = SQLiteValues(rows) }
        try await writes.submit(rows)
    }
}
