import HTTPTransport

/// A failed call to the Bot Connector or the token endpoint, classified for the outbox:
/// retry later, retry after a wait, or give up.
public enum TeamsAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 429 (or 412/502/503/504 with `Retry-After`): wait that long.
    case throttled(retryAfter: Int?)
    /// 5xx, timeouts, broken connections: try again with backoff.
    case transient(String)
    /// The user blocked or removed the bot (403 `MessageWritesBlocked`): permanent for them.
    case blocked
    /// The conversation, activity or member does not exist.
    case notFound(String)
    /// Anything else the service refused; trying again will not help.
    case permanent(status: Int, code: String)
    /// The token endpoint refused our credentials.
    case credentialsRejected(String)
    case cancelled

    public var description: String {
        switch self {
        case .throttled(let after): "throttled (retry after \(after.map { "\($0) s" } ?? "backoff"))"
        case .transient(let reason): "transient: \(reason)"
        case .blocked: "the user blocked the bot"
        case .notFound(let code): "not found: \(code)"
        case .permanent(let status, let code): "HTTP \(status) \(code)"
        case .credentialsRejected(let reason): "token endpoint refused the credentials: \(reason)"
        case .cancelled: "cancelled"
        }
    }

    /// Transport failures, classified.
    static func transport(_ error: any Error) -> TeamsAPIError {
        switch error {
        case is CancellationError: return .cancelled
        case let error as HTTPTransportError:
            switch error {
            case .invalidURL(let url): return .permanent(status: 0, code: "invalid_url \(url.prefix(80))")
            case .responseTooLarge: return .permanent(status: 0, code: "response_too_large")
            case .timedOut, .connectionFailed, .tls, .other: return .transient("\(error)")
            }
        default: return .transient("\(type(of: error))")
        }
    }
}
