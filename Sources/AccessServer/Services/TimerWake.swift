import Foundation

/// When the timer loop claims, and how long it sleeps: pure, so the rule is tested alone.
enum TimerWake {
    /// What the store said about the next timer.
    enum Next: Equatable {
        /// The earliest due time (or lease expiry) of any stored timer.
        case at(Date)
        /// No timers stored.
        case none
        /// The read failed.
        case unknown
    }

    /// Claim when something is due now, or when the store could not tell (claiming is what
    /// reports the error, and a due timer must not wait on a failed read).
    static func shouldClaim(next: Next, now: Date) -> Bool {
        switch next {
        case .at(let due): due <= now
        case .none: false
        case .unknown: true
        }
    }

    /// Until the next due time, at most `poll` (a commit's signal wakes the loop sooner).
    static func wait(next: Next, now: Date, poll: Duration) -> Duration {
        guard case .at(let due) = next else { return poll }
        return min(poll, .milliseconds(Int64(max(0, due.timeIntervalSince(now)) * 1000) + 1))
    }
}
