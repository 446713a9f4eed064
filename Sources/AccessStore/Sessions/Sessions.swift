import SQLKit
import Synchronization

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
///
/// Not an actor: taking a free lock is a mutex and no suspension. Under load every hop to an
/// actor waited behind the request handlers queued on the same two threads, about 0.5 ms per
/// group commit in the Slack benchmark; only a caller that must wait suspends now.
final class AsyncLock: Sendable {
    private struct State {
        var held = false
        var closed = false
        var waiters: [CheckedContinuation<Bool, Never>] = []
    }

    private let state = Mutex(State())

    /// Waits for the lock; throws `SQLStoreError.closed` once the store is closed.
    func lock() async throws(SQLStoreError) {
        let taken: Bool? = state.withLock { state in Self.take(&state) }
        if let taken {
            guard taken else { throw .closed }
            return
        }
        let granted = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            // Taken again under the mutex: the holder may have let go since the first look.
            let now = state.withLock { state in
                let taken = Self.take(&state)
                if taken == nil { state.waiters.append(continuation) }
                return taken
            }
            if let now { continuation.resume(returning: now) }
        }
        if !granted { throw .closed }
    }

    /// True: taken; false: closed; nil: held by someone else.
    private static func take(_ state: inout State) -> Bool? {
        if state.closed { return false }
        if state.held { return nil }
        state.held = true
        return true
    }

    func unlock() {
        // Ownership passes straight to the next waiter; `held` stays true.
        let next = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            if state.waiters.isEmpty {
                state.held = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume(returning: true)
    }

    /// Called by the holder: every waiter and every later caller gets `SQLStoreError.closed`.
    func close() {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: false) }
    }
}
