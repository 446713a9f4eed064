import HTTPTransport

/// Okta's `errorCode` (`E0000007`). Branch on it and the status, never on `errorSummary`.
public struct OktaErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// 400: API validation failed.
    public static let validationFailed = OktaErrorCode("E0000001")
    /// 400: the body is not well-formed JSON.
    public static let malformedBody = OktaErrorCode("E0000003")
    /// 403: no API credentials were sent.
    public static let invalidSession = OktaErrorCode("E0000005")
    /// 403: the token's admin role does not allow this.
    public static let forbidden = OktaErrorCode("E0000006")
    /// 404: the user, group or app does not exist.
    public static let notFound = OktaErrorCode("E0000007")
    /// 500: Okta's internal error.
    public static let internalError = OktaErrorCode("E0000009")
    /// 401: the token is wrong, revoked or expired.
    public static let invalidToken = OktaErrorCode("E0000011")
    /// 405: the method is not supported on this path.
    public static let methodNotAllowed = OktaErrorCode("E0000022")
    /// 400: a bad `search` or `filter` expression.
    public static let invalidSearch = OktaErrorCode("E0000031")
    /// 403: not allowed in the user's current status.
    public static let userStatusForbids = OktaErrorCode("E0000038")
    /// 403: the app cannot be unassigned because a group grants it.
    public static let groupGrantsApp = OktaErrorCode("E0000046")
    /// 429: rate limited.
    public static let rateLimited = OktaErrorCode("E0000047")
    /// 409: the user is already assigned to the app.
    public static let alreadyAssigned = OktaErrorCode("E0000062")
    /// 403: an app profile attribute is mapped or pushed.
    public static let mappedAttribute = OktaErrorCode("E0000075")
    /// 403: apps cannot be assigned to an inactive user.
    public static let inactiveUser = OktaErrorCode("E0000117")

    public var description: String { rawValue }
}

/// An error answer from Okta: its status, code and the `X-Okta-Request-Id` to find it in the System Log.
public struct OktaAPIError: Hashable, Sendable, CustomStringConvertible {
    public var status: Int
    /// Nil when the body was not Okta's error object (a proxy's page, an empty 5xx).
    public var code: OktaErrorCode?
    /// Okta's words; may echo user input: escape before showing it.
    public var summary: String?
    public var requestID: String?

    public init(status: Int, code: OktaErrorCode?, summary: String? = nil, requestID: String? = nil) {
        self.status = status
        self.code = code
        self.summary = summary
        self.requestID = requestID
    }

    public var description: String {
        "HTTP \(status)" + (code.map { " \($0)" } ?? "") + (requestID.map { " (okta request \($0))" } ?? "")
    }
}

/// Why an Okta call failed, typed so callers decide: wait for the reset, back off, or stop.
public enum OktaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// HTTP 429: call again no sooner than `wait` (until `X-Rate-Limit-Reset`; Okta sends no `Retry-After`).
    case rateLimited(wait: Duration, requestID: String?)
    /// Okta answered with an error status.
    case api(OktaAPIError)
    /// No response: timeout, connection failure, bad URL, TLS.
    case transport(HTTPTransportError)
    /// A success status whose body is not what the API documents.
    case unexpectedResponse(status: Int, requestID: String?)
    /// The calling task was cancelled.
    case cancelled

    /// Whether the same call may work later (429, 5xx, timeouts and dropped connections).
    public var isTransient: Bool {
        switch self {
        case .rateLimited, .cancelled, .unexpectedResponse: true
        case .api(let error): error.status >= 500 || error.status == 408
        case .transport(let error): error.isTransient
        }
    }

    /// The Okta error code, when Okta gave one.
    public var code: OktaErrorCode? {
        if case .api(let error) = self { return error.code }
        if case .rateLimited = self { return .rateLimited }
        return nil
    }

    /// The HTTP status, when there was a response.
    public var status: Int? {
        switch self {
        case .rateLimited: 429
        case .api(let error): error.status
        case .unexpectedResponse(let status, _): status
        case .transport, .cancelled: nil
        }
    }

    public var description: String {
        switch self {
        case .rateLimited(let wait, _): "Okta rate limit reached; retry in \(wait)"
        case .api(let error): "Okta answered \(error)"
        case .transport(let error): "Okta could not be reached: \(error)"
        case .unexpectedResponse(let status, _): "Okta answered \(status) with an unexpected body"
        case .cancelled: "the Okta call was cancelled"
        }
    }
}
