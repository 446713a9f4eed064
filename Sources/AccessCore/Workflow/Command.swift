import Foundation

/// A new request as a requester filled it in, with the directory facts the workflow needs.
public struct Submission: Hashable, Sendable {
    public var id: RequestID
    /// The requester as the directory knows them (manager, active).
    public var requester: DirectoryUser
    public var requestType: RequestTypeID
    public var resources: [ResourceID]
    public var answers: [Answer]
    public var justification: String
    /// What the requester asked for; capped by the resources' maximum.
    public var requestedDuration: TimeSpan?
    public var origin: Origin

    public init(
        id: RequestID, requester: DirectoryUser, requestType: RequestTypeID, resources: [ResourceID], answers: [Answer] = [],
        justification: String = "", requestedDuration: TimeSpan? = nil, origin: Origin
    ) {
        self.id = id
        self.requester = requester
        self.requestType = requestType
        self.resources = resources
        self.answers = answers
        self.justification = justification
        self.requestedDuration = requestedDuration
        self.origin = origin
    }
}

/// Something that happens to an existing request.
public enum Command: Hashable, Sendable {
    case approve(by: UserID, comment: String? = nil)
    case deny(by: UserID, reason: String)
    /// By the requester, an admin, or the server (a deactivated requester).
    case cancel(by: Actor, reason: String?)
    case timerFired(TimerKind)
    /// The grant of one resource worked (Okta answered, or a team member marked it done).
    case grantCompleted(ResourceID, by: Actor)
    /// The grant of one resource failed after its retries.
    case grantFailed(ResourceID, reason: String)
    /// Take access away before it ends by itself.
    case revoke(by: Actor, reason: String?)
    /// Try the grants of a failed request again.
    case retryGrant(by: Actor)
}

/// The result of a command: the request as it is now, what must happen, and what to record.
public struct Outcome: Hashable, Sendable {
    public var request: AccessRequest
    public var effects: [Effect]
    public var audit: [AuditEvent]
    /// The version the store must still find to commit (nil for a new request).
    public var expectedVersion: Int?

    public init(request: AccessRequest, effects: [Effect], audit: [AuditEvent], expectedVersion: Int?) {
        self.request = request
        self.effects = effects
        self.audit = audit
        self.expectedVersion = expectedVersion
    }

    /// Nothing changed (a stale timer, a late duplicate): nothing to write.
    public var isNoOp: Bool { audit.isEmpty && effects.isEmpty }
}
