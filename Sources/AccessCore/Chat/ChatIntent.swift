/// What a person asked for in chat, whatever the platform. Adapters turn slash
/// commands, typed messages and button clicks into these; the core never sees a payload.
public enum ChatIntent: Hashable, Sendable {
    /// `request` alone: show the request form.
    case openRequestForm
    /// `request RESOURCE [for DURATION] [because REASON...]`.
    case quickRequest(QuickRequest)
    /// `status` (my open requests) or `status ID`.
    case status(RequestID?)
    /// `pending`: what waits on me.
    case pending
    /// `cancel ID`.
    case cancel(RequestID)
    case help
    /// Anything else: answered with the help text and why.
    case invalid(String)
}

/// A one-line request as typed.
public struct QuickRequest: Hashable, Sendable {
    public var resource: String
    public var duration: TimeSpan?
    public var reason: String?

    public init(resource: String, duration: TimeSpan? = nil, reason: String? = nil) {
        self.resource = resource
        self.duration = duration
        self.reason = reason
    }
}

/// A button or card action on a request.
public enum CardAction: Hashable, Sendable {
    case approve(RequestID)
    /// Deny; the reason is asked for separately (a modal, a card input).
    case deny(RequestID, reason: String?)
    /// A team member granted a manual resource by hand.
    case markGranted(RequestID, ResourceID)

    public var requestID: RequestID {
        switch self {
        case .approve(let id), .deny(let id, _), .markGranted(let id, _): id
        }
    }
}
