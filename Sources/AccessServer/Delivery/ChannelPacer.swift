import Foundation
import Synchronization

/// Keeps Slack's pace of about one message a second per channel without stalling other
/// channels: a message that comes too soon is put back with a short wait, not slept on.
/// A `Retry-After` for a channel holds that channel for the time asked.
final class ChannelPacer: Sendable {
    private let state = Mutex<[String: ContinuousClock.Instant]>([:])
    let interval: Duration

    init(interval: Duration = .seconds(1)) { self.interval = interval }

    /// Takes the channel's next slot; returns how long to wait instead when it is too soon.
    func reserve(_ channel: String) -> Duration? {
        let now = ContinuousClock.now
        return state.withLock { slots in
            if let next = slots[channel], next > now { return next - now }
            slots[channel] = now + interval
            if slots.count > 10_000 { slots = slots.filter { $0.value > now } }
            return nil
        }
    }

    /// Holds a channel for a platform's `Retry-After`.
    func hold(_ channel: String, for duration: Duration) {
        let until = ContinuousClock.now + duration
        state.withLock { slots in slots[channel] = max(slots[channel] ?? until, until) }
    }
}
