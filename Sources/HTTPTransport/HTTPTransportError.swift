/// Why a request got no response.
public enum HTTPTransportError: Error, Sendable, Equatable {
    /// The URL is malformed or not `http`/`https`.
    case invalidURL(String)
    /// The connect or total timeout passed.
    case timedOut
    /// The host could not be resolved or reached, or the connection broke
    /// before a whole response arrived. The request may have been received.
    case connectionFailed(String)
    /// The response body was larger than the request allowed.
    case responseTooLarge(limit: Int)
    /// The TLS handshake or certificate verification failed.
    case tls(String)
    /// Anything else libcurl reported, with its `CURLcode`.
    case other(code: Int, message: String)

    /// Whether trying again later may succeed.
    ///
    /// True for timeouts and connection failures. A retry of a request that
    /// is not idempotent may repeat it: the caller decides.
    public var isTransient: Bool {
        switch self {
        case .timedOut, .connectionFailed: true
        case .invalidURL, .responseTooLarge, .tls, .other: false
        }
    }
}
