import AccessCore

extension Command {
    /// A stable word for logs (`approve`, `deny`, …): never the reasons people typed.
    var logName: String {
        switch self {
        case .approve: "approve"
        case .deny: "deny"
        case .cancel: "cancel"
        case .timerFired(let kind): "timer_\(kind.rawValue)"
        case .grantCompleted: "grant_completed"
        case .grantFailed: "grant_failed"
        case .revoke: "revoke"
        case .retryGrant: "retry_grant"
        }
    }
}
