import AccessCore
import AccessStore
import Foundation
import Synchronization

/// The parts of the server that exist only once the database is reachable and migrated.
public struct ReadyState: Sendable {
    public typealias Service = AccessService<SignallingStore<SQLStore>, DirectoryChoice>

    public let store: SQLStore
    public let service: Service
}

/// Shared between the HTTP handlers and the background services: the store once it is
/// ready (nil while the database is down at start), and a way to wait for it.
public final class AppState: Sendable {
    private struct Inner {
        var ready: ReadyState?
        var waiters: [(UInt64, CheckedContinuation<ReadyState?, Never>)] = []
    }

    private let inner = Mutex(Inner())
    /// Wakes the delivery service when a commit wrote outbox rows, so cards leave at once.
    public let outboxSignal = WakeSignal()
    /// Wakes the timer service when a commit scheduled a timer due before its next look.
    public let timerAlarm = TimerAlarm()

    public init() {}

    public var ready: ReadyState? { inner.withLock { $0.ready } }

    func becomeReady(_ state: ReadyState) {
        let waiters = inner.withLock { inner -> [(UInt64, CheckedContinuation<ReadyState?, Never>)] in
            inner.ready = state
            defer { inner.waiters = [] }
            return inner.waiters
        }
        for (_, waiter) in waiters { waiter.resume(returning: state) }
    }

    /// Returns the ready state, waiting for the database if needed; nil if the task is cancelled first.
    public func waitUntilReady() async -> ReadyState? {
        let id = UInt64.random(in: 0 ... .max)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ReadyState?, Never>) in
                let now = inner.withLock { inner -> ReadyState?? in
                    if let ready = inner.ready { return .some(ready) }
                    if Task.isCancelled { return .some(nil) }
                    inner.waiters.append((id, continuation))
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let waiter = inner.withLock { inner -> CheckedContinuation<ReadyState?, Never>? in
                guard let index = inner.waiters.firstIndex(where: { $0.0 == id }) else { return nil }
                return inner.waiters.remove(at: index).1
            }
            waiter?.resume(returning: nil)
        }
    }
}

/// A level-triggered wake-up: `signal()` makes the next (or current) `wait` return at once;
/// `wait` also returns after its timeout, so workers poll for work other replicas wrote.
public final class WakeSignal: Sendable {
    private struct Inner {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let inner = Mutex(Inner())

    public init() {}

    public func signal() {
        let waiter = inner.withLock { inner -> CheckedContinuation<Void, Never>? in
            if let waiter = inner.waiter {
                inner.waiter = nil
                return waiter
            }
            inner.pending = true
            return nil
        }
        waiter?.resume()
    }

    /// Waits for a signal or the timeout, whichever comes first. One waiter at a time.
    public func wait(timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let fireNow = self.inner.withLock { inner -> Bool in
                        if inner.pending {
                            inner.pending = false
                            return true
                        }
                        inner.waiter = continuation
                        return false
                    }
                    if fireNow { continuation.resume() }
                }
            }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            // Whichever finished first, release the other one.
            self.signal()
            group.cancelAll()
            await group.waitForAll()
            self.inner.withLock { $0.pending = false }
        }
    }
}
