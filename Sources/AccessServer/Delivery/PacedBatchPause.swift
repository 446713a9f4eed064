import AccessCore
import Foundation

/// How long the delivery worker waits before its next claim when a whole batch only waited
/// for its channels' next slots.
///
/// Slack and Teams take about one message a second per channel. When cards pile up for a
/// few busy approvers, every claim leases messages that can only be put back with their slot
/// (two write transactions a batch), and new cards keep arriving, so the worker claimed
/// again at once, hundreds of times a second, holding the store's one writer away from the
/// commands being acknowledged (in the Slack benchmark, 1.7 ms of every 4.4 ms group
/// commit). Nothing in such a batch can leave before its slot anyway; other channels'
/// messages wait at most `cap` longer.
enum PacedBatchPause {
    static let cap: Duration = .milliseconds(250)

    /// Nil when anything in the batch was sent, failed, or waits for another reason (claim
    /// again at once); else the time to the earliest slot, at most `cap`.
    static func pause(after deliveries: [OutboxDelivery], now: Date, cap: Duration = cap) -> Duration? {
        var earliest: Date?
        for delivery in deliveries {
            guard case .retry(let notBefore, let reason) = delivery.outcome, reason == DeliveryResult.pacedReason else { return nil }
            earliest = min(earliest ?? notBefore, notBefore)
        }
        guard let earliest else { return nil }
        let wait = Duration.milliseconds(Int64((max(0, earliest.timeIntervalSince(now)) * 1000).rounded()))
        return min(wait, cap)
    }
}
