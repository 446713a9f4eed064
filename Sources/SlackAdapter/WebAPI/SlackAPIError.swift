import HTTPTransport

/// Why a Slack Web API call failed, classified for the delivery service: wait and retry,
/// retry with backoff, or give up (and alert when it is the token).
public enum SlackAPIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// HTTP 429: wait at least `retryAfter` seconds before calling this method again.
    case rateLimited(retryAfter: Int)
    /// Retrying the same call will not help.
    case permanent(SlackErrorCode)
    /// May work later: retry with backoff.
    case transient(SlackTransientFailure)
    /// The calling task was cancelled.
    case cancelled

    /// Whether the same call may succeed later.
    public var isRetryable: Bool {
        switch self {
        case .rateLimited, .transient: true
        case .permanent, .cancelled: false
        }
    }

    /// The token or the app's scopes are wrong: a person must act.
    public var needsAttention: Bool {
        if case .permanent(let code) = self { return code.category == .auth }
        return false
    }

    /// The Slack error code, when Slack gave one.
    public var code: SlackErrorCode? {
        switch self {
        case .permanent(let code): code
        case .transient(.slack(let code)): code
        case .rateLimited: .ratelimited
        case .transient, .cancelled: nil
        }
    }

    public var description: String {
        switch self {
        case .rateLimited(let seconds): "rate limited (retry after \(seconds)s)"
        case .permanent(let code): "slack error \(code)"
        case .transient(let failure): "transient failure: \(failure)"
        case .cancelled: "cancelled"
        }
    }
}

/// What went wrong in a failure worth retrying.
public enum SlackTransientFailure: Equatable, Sendable, CustomStringConvertible {
    /// A 5xx (or other unexpected) HTTP status.
    case httpStatus(Int)
    /// No response: timeout, connection failure, TLS trouble.
    case transport(HTTPTransportError)
    /// Slack answered `ok: false` with a transient code (`internal_error`, `fatal_error`, ...).
    case slack(SlackErrorCode)
    /// A 2xx response whose body is not Slack's JSON envelope.
    case invalidResponse

    public var description: String {
        switch self {
        case .httpStatus(let status): "HTTP \(status)"
        case .transport(let error): "\(error)"
        case .slack(let code): "\(code)"
        case .invalidResponse: "invalid response body"
        }
    }
}
