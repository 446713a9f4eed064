import Foundation
import Synchronization

/// Wakes the timer service when a commit schedules a timer due before the service's next
/// look at the store, and only then.
///
/// Every submission schedules timers (reminder, escalation, expiry) hours ahead. Waking the
/// service for each of them made it read the store on every commit, hundreds of times a
/// second under load, to learn that nothing was due yet.
public final class TimerAlarm: Sendable {
    private let signal = WakeSignal()
    /// When the service will look next; nil while it is looking (any new timer then wakes it).
    private let nextLook = Mutex<Date?>(nil)

    public init() {}

    /// A commit scheduled timers, the earliest due at `due`.
    func scheduled(due: Date) {
        let wake = nextLook.withLock { next -> Bool in
            guard let planned = next else { return true }
            guard due < planned else { return false }
            next = due
            return true
        }
        if wake { signal.signal() }
    }

    /// The service is about to read the store: a timer scheduled from now on wakes it again.
    func looking() { nextLook.withLock { $0 = nil } }

    /// Sleeps until `next` (what the store said, nil for no timers), at most `timeout`, or
    /// until an earlier timer is scheduled.
    func sleep(until next: Date?, timeout: Duration) async {
        let timeoutEnd = Date().addingTimeInterval(Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
        nextLook.withLock { $0 = min(next ?? timeoutEnd, timeoutEnd) }
        await signal.wait(timeout: timeout)
    }
}
