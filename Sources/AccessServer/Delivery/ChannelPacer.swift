import Foundation
import Synchronization

/// Keeps Slack's pace of about one message a second per channel without stalling other
/// channels. Each message to a channel takes the channel's next free slot; a message whose
/// slot is in the future is put back in the outbox until then, once (not polled), so a
/// flooded channel costs one write per message, not one per attempt.
/// A `Retry-After` holds the channel for the time asked.
final class ChannelPacer: Sendable {
    private struct Slots {
        /// The next free slot of each channel.
        var next: [String: ContinuousClock.Instant] = [:]
        /// Slots already promised to messages that were put back until then.
        var promised: [Int64: ContinuousClock.Instant] = [:]
    }

    private let state = Mutex(Slots())
    let interval: Duration

    init(interval: Duration = .seconds(1)) { self.interval = interval }

    /// Takes a slot on the channel for a message: nil when it may go now, else how long
    /// until its slot. A message that comes back for a slot it was promised goes at once.
    func reserve(_ channel: String, for message: Int64) -> Duration? {
        let now = ContinuousClock.now
        return state.withLock { slots in
            if let promised = slots.promised[message] {
                // Early by less than a poll: close enough; the channel's own pointer moved on already.
                if promised - now <= .milliseconds(50) {
                    slots.promised[message] = nil
                    return nil
                }
                return promised - now
            }
            let slot = max(slots.next[channel] ?? now, now)
            slots.next[channel] = slot + interval
            if slots.next.count > 10_000 { slots.next = slots.next.filter { $0.value > now } }
            if slots.promised.count > 100_000 { slots.promised = slots.promised.filter { $0.value > now } }
            guard slot > now else { return nil }
            slots.promised[message] = slot
            return slot - now
        }
    }

    /// Holds a channel for a platform's `Retry-After`.
    func hold(_ channel: String, for duration: Duration) {
        let until = ContinuousClock.now + duration
        state.withLock { slots in slots.next[channel] = max(slots.next[channel] ?? until, until) }
    }
}
