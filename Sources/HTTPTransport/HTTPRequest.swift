/// One outbound HTTP request, with its limits.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The absolute `http` or `https` URL.
    public var url: String
    /// Header fields to send. `Content-Length` and `Host` are set by the client.
    public var headers: HTTPHeaders
    /// The body to send; empty means none (a `POST` then sends `Content-Length: 0`).
    public var body: [UInt8]
    /// The most the whole exchange may take, connecting included.
    public var timeout: Duration
    /// The most connecting (DNS, TCP, TLS) may take.
    public var connectTimeout: Duration
    /// Whether to follow `3xx` redirects (at most five); off by default.
    public var followRedirects: Bool
    /// The largest response body accepted; a larger one fails with
    /// ``HTTPTransportError/responseTooLarge(limit:)``.
    public var maxResponseBytes: Int

    /// The default cap on a response body: 4 MiB.
    public static let defaultMaxResponseBytes = 4 * 1024 * 1024

    /// Creates a request; only the URL is required.
    public init(
        method: HTTPMethod = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        timeout: Duration = .seconds(10),
        connectTimeout: Duration = .seconds(3),
        followRedirects: Bool = false,
        maxResponseBytes: Int = HTTPRequest.defaultMaxResponseBytes
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.followRedirects = followRedirects
        self.maxResponseBytes = maxResponseBytes
    }
}
