import AccessCore

/// What happened when one outbox message was carried out.
enum DeliveryResult: Sendable, Equatable {
    /// Done; the message leaves the outbox.
    case delivered
    /// Done, and a card was posted: its copy is recorded with the delivery, in the same write.
    case posted(CardCopy)
    /// Failed for now (429, 5xx, timeout, pacing): try again, no sooner than `after` when given.
    case retry(after: Duration?, reason: String)
    /// Failed for good (bad token, unknown channel): kept as dead, people told once.
    case dead(reason: String)

    /// The reason given when a message waits for its channel's next slot.
    static let pacedReason = "paced"

    /// Wait for the channel's slot.
    static func paced(_ wait: Duration) -> DeliveryResult { .retry(after: wait, reason: pacedReason) }
}

/// Carries out the effects of one kind (chat messages, grants) for the delivery service.
protocol EffectExecutor: Sendable {
    /// The chat platform this executor speaks for; nil for grants and revokes. A chat effect
    /// that several platforms handle is split into one outbox copy per platform.
    var platform: Origin.Platform? { get }
    /// True when this executor handles the effect.
    func handles(_ effect: Effect) -> Bool
    func execute(_ message: OutboxMessage, ready: ReadyState) async -> DeliveryResult
}

extension EffectExecutor {
    var platform: Origin.Platform? { nil }
}

extension Effect {
    /// Cards, card updates and notices: what the chat platforms' executors carry out.
    var isChatMessage: Bool {
        switch self {
        case .card, .updateCards, .notify: true
        case .grant, .revoke, .schedule, .cancelTimers: false
        }
    }
}
