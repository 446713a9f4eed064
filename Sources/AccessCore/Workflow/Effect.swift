import Foundation

/// Something the world must do because of a transition. The core only names it;
/// the store saves it in the same transaction as the new state (the outbox), and
/// background services carry it out.
public enum Effect: Hashable, Sendable, Codable {
    /// Post a card about a request to a person or a channel.
    case card(CardDelivery)
    /// Refresh every copy of the request's cards already posted, on every platform.
    case updateCards(RequestID)
    /// Tell a person or a channel something in plain words.
    case notify(Notification)
    /// Give access in the system that holds it.
    case grant(GrantOrder)
    /// Take access away again.
    case revoke(GrantOrder)
    /// Wake the workflow at a time.
    case schedule(ScheduledTimer)
    /// Timers of this request are no longer needed.
    case cancelTimers(RequestID)

    /// The request this effect is about.
    public var requestID: RequestID {
        switch self {
        case .card(let delivery): delivery.requestID
        case .updateCards(let id), .cancelTimers(let id): id
        case .notify(let notification): notification.requestID
        case .grant(let order), .revoke(let order): order.requestID
        case .schedule(let timer): timer.requestID
        }
    }
}

/// A person (by directory id) or a channel.
public enum Audience: Hashable, Sendable, Codable {
    case user(UserID)
    case channel(ChannelRef)
}

/// A card about a request for someone who must act on it.
public struct CardDelivery: Hashable, Sendable, Codable {
    public enum Purpose: Hashable, Sendable, Codable {
        /// Approve or deny the current step.
        case approval
        /// The same, again, because nobody decided yet.
        case reminder
        /// For the escalation channel: the request stalled.
        case escalation
        /// A manual resource: the owning team grants it by hand and marks it done.
        case confirmManualGrant(ResourceID)
    }

    public var requestID: RequestID
    public var audience: Audience
    public var purpose: Purpose

    public init(requestID: RequestID, audience: Audience, purpose: Purpose) {
        self.requestID = requestID
        self.audience = audience
        self.purpose = purpose
    }
}

/// A plain message about a request.
public struct Notification: Hashable, Sendable, Codable {
    public var requestID: RequestID
    public var audience: Audience
    public var notice: Notice

    public init(requestID: RequestID, audience: Audience, notice: Notice) {
        self.requestID = requestID
        self.audience = audience
        self.notice = notice
    }
}

/// What happened, for the adapters to put in words.
public enum Notice: Hashable, Sendable, Codable {
    case submitted
    case durationCapped(to: TimeSpan)
    case stepApproved(step: Int, of: Int, by: UserID)
    case approved(by: [UserID])
    case denied(by: UserID, reason: String)
    case cancelled(by: Actor, reason: String?)
    case timedOut
    case granted(until: Date?)
    case grantFailed(reason: String)
    case expiringSoon(at: Date)
    case expired
    case revoked(by: Actor, reason: String?)
}

/// One grant or revoke of one resource for one person.
public struct GrantOrder: Hashable, Sendable, Codable {
    public var requestID: RequestID
    public var resource: ResourceID
    public var user: UserID
    public var method: GrantMethod

    public init(requestID: RequestID, resource: ResourceID, user: UserID, method: GrantMethod) {
        self.requestID = requestID
        self.resource = resource
        self.user = user
        self.method = method
    }
}

/// A durable wake-up call for one request.
public struct ScheduledTimer: Hashable, Sendable, Codable {
    public var requestID: RequestID
    public var kind: TimerKind
    public var due: Date

    public init(requestID: RequestID, kind: TimerKind, due: Date) {
        self.requestID = requestID
        self.kind = kind
        self.due = due
    }
}

public enum TimerKind: String, Hashable, Sendable, Codable, CaseIterable {
    case remind
    case escalate
    case expire
    case expiryWarning = "expiry_warning"
    case accessExpiry = "access_expiry"
}
