import SQLKit

/// The two SQL dialects the store speaks; most statements are shared, a few differ.
enum Dialect: Sendable {
    case sqlite
    case postgres
}

/// How the store reaches its database: which connection writes, which reads, and how to stop.
protocol Sessions: Sendable {
    var dialect: Dialect { get }
    /// Runs `body` on a connection that may write. SQLite has exactly one, used by one caller at a
    /// time; PostgreSQL lends any pooled connection (row locks do the rest).
    func write<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R
    /// Runs `body` on a connection that only reads committed data.
    func read<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R
    func close() async throws
}

extension Sessions {
    /// Runs `body` inside one transaction on the writing connection: all of it commits or none of it.
    func transaction<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        let dialect = self.dialect
        return try await write { db in
            // IMMEDIATE takes SQLite's write lock up front, so a second process waits (busy_timeout)
            // at BEGIN instead of failing halfway through.
            try await db.raw(dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

/// A first-come, first-served lock for async code: SQLite's one writing connection is used
/// by one task at a time, and a transaction never interleaves with another caller's statements.
actor AsyncLock {
    private var held = false
    private var closed = false
    private var waiters: [CheckedContinuation<Bool, Never>] = []

    /// Waits for the lock; throws `SQLStoreError.closed` once the store is closed.
    func lock() async throws(SQLStoreError) {
        if closed { throw .closed }
        guard held else {
            held = true
            return
        }
        let granted = await withCheckedContinuation { waiters.append($0) }
        if !granted { throw .closed }
    }

    func unlock() {
        if waiters.isEmpty {
            held = false
        } else {
            // Ownership passes straight to the next waiter; `held` stays true.
            waiters.removeFirst().resume(returning: true)
        }
    }

    /// Called by the holder: every waiter and every later caller gets `SQLStoreError.closed`.
    func close() {
        closed = true
        for waiter in waiters { waiter.resume(returning: false) }
        waiters = []
    }

    /// Runs `body` holding the lock, and releases it however `body` ends.
    nonisolated func withLock<R: Sendable>(_ body: () async throws -> R) async throws -> R {
        try await lock()
        do {
            let result = try await body()
            await unlock()
            return result
        } catch {
            await unlock()
            throw error
        }
    }
}
