/// The one seam for outbound HTTP: adapters and integrations take `some HTTPClient`.
///
/// ``CurlHTTPClient`` is the live implementation; tests may pass a fake.
public protocol HTTPClient: Sendable {
    /// Sends the request and returns the response, whatever its status.
    ///
    /// Throws ``HTTPTransportError`` when no response could be had, and
    /// `CancellationError` when the calling task is cancelled.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
