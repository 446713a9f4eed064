import Foundation

/// One transition of one request: who, when, what and why. Never changed once written.
public struct AuditEvent: Hashable, Sendable, Codable {
    public enum Action: String, Hashable, Sendable, Codable {
        case submitted
        case stepApproved = "step_approved"
        case approved
        case denied
        case cancelled
        case reminded
        case escalated
        case timedOut = "timed_out"
        case granted
        case grantFailed = "grant_failed"
        case fulfilled
        case expiryWarned = "expiry_warned"
        case expired
        case revoked
    }

    public var requestID: RequestID
    public var at: Date
    public var actor: Actor
    public var action: Action
    public var fromStatus: RequestStatus?
    public var toStatus: RequestStatus
    public var step: Int?
    public var reason: String?

    public init(
        requestID: RequestID, at: Date, actor: Actor, action: Action, fromStatus: RequestStatus?, toStatus: RequestStatus,
        step: Int? = nil, reason: String? = nil
    ) {
        self.requestID = requestID
        self.at = at
        self.actor = actor
        self.action = action
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.step = step
        self.reason = reason
    }
}
