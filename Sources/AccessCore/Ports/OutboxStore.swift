import Foundation

/// One effect waiting to be carried out by the delivery service.
public struct OutboxMessage: Hashable, Sendable {
    public var id: Int64
    public var effect: Effect
    /// Messages with the same key are delivered in id order (a card's update never overtakes its post).
    public var orderingKey: String
    public var attempts: Int
    public var createdAt: Date
    /// The one platform this copy of a chat effect is for, once split; nil: every platform.
    public var platform: Origin.Platform?

    public init(id: Int64, effect: Effect, orderingKey: String, attempts: Int, createdAt: Date, platform: Origin.Platform? = nil) {
        self.id = id
        self.effect = effect
        self.orderingKey = orderingKey
        self.attempts = attempts
        self.createdAt = createdAt
        self.platform = platform
    }
}

/// How one claimed outbox message ended, for `recordDeliveries`.
public struct OutboxDelivery: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        /// Delivered: the message leaves the outbox.
        case completed
        /// Try again at `notBefore`.
        case retry(notBefore: Date, error: String)
        /// Failed for good.
        case dead(error: String)
    }

    public var id: Int64
    public var outcome: Outcome
    /// Cards this delivery posted, recorded with it (so later updates find them).
    public var cardCopies: [CardCopy]

    public init(id: Int64, outcome: Outcome, cardCopies: [CardCopy] = []) {
        self.id = id
        self.outcome = outcome
        self.cardCopies = cardCopies
    }
}

/// The outbox side of the store, used by the delivery service.
public protocol OutboxStore: Sendable {
    /// Leases up to `limit` due messages (not before their retry time, not leased by another
    /// worker, oldest first, at most one per ordering key) until `now + lease`.
    func claimOutbox(now: Date, limit: Int, lease: TimeSpan, worker: String) async throws -> [OutboxMessage]
    /// Replaces a leased message by one copy per platform, in one transaction: each copy is then
    /// delivered, retried and dead-lettered on its own (a Teams outage never re-sends to Slack).
    /// Copies keep the message's order among themselves per platform.
    func splitOutbox(_ id: Int64, platforms: [Origin.Platform]) async throws
    /// Records how a claimed batch ended, all in one transaction (one sync for the batch).
    func recordDeliveries(_ deliveries: [OutboxDelivery]) async throws
    /// Delivered: removes the message.
    func completeOutbox(_ id: Int64) async throws
    /// Failed for now: try again at `notBefore`.
    func retryOutbox(_ id: Int64, notBefore: Date, error: String) async throws
    /// Failed for good: kept for people to look at, never tried again.
    func killOutbox(_ id: Int64, error: String) async throws
    /// How many messages wait, and how many are dead (for metrics and readiness).
    func outboxCounts() async throws -> (pending: Int, dead: Int)
}

/// A timer as stored.
public struct StoredTimer: Hashable, Sendable {
    public var id: TimerID
    public var timer: ScheduledTimer

    public init(id: TimerID, timer: ScheduledTimer) {
        self.id = id
        self.timer = timer
    }
}

/// The timers side of the store, used by the timer service.
public protocol TimerStore: Sendable {
    /// Leases up to `limit` timers due by `now`, earliest first, that no other worker holds.
    /// The cost follows the number due, not the number stored (an index on the due time).
    func claimDueTimers(now: Date, limit: Int, lease: TimeSpan, worker: String) async throws -> [StoredTimer]
    /// Removes a timer that needs no transition (stale or a no-op).
    func deleteTimer(_ id: TimerID) async throws
    /// The earliest due time of any timer, to sleep until then.
    func nextTimerDue() async throws -> Date?
}
