/// The program's one outbound HTTP client, over libcurl's multi interface.
///
/// All transfers run on one dedicated thread that owns a single multi handle,
/// so connections (and HTTP/2 sessions, where a server offers them over TLS)
/// are reused across calls. Swift's cooperative pool only enqueues work and
/// is resumed when a transfer completes; it never runs libcurl.
///
/// TLS peer and host verification are always on. Redirects are followed only
/// when a request asks. Proxies come from the environment unless
/// ``Configuration/proxy`` says otherwise.
///
/// Call ``shutdown()`` before dropping the last reference to wait for the
/// thread to finish; dropping it without that stops the thread in the
/// background.
public final class CurlHTTPClient: HTTPClient {
    private let loop: CurlMultiLoop

    /// Starts the client's thread.
    public init(configuration: Configuration = Configuration()) {
        self.loop = CurlMultiLoop(configuration: configuration)
    }

    deinit {
        loop.requestShutdown()
    }

    /// Sends the request on the client's thread and waits for the response.
    ///
    /// Cancelling the calling task aborts the transfer (its connection is
    /// closed) and throws `CancellationError`, as does a call after
    /// ``shutdown()``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transfer = CurlTransfer(request: request)
        let loop = self.loop
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                loop.submit(transfer, continuation: continuation)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    /// Fails the requests in flight with `CancellationError`, closes every
    /// connection and waits for the client's thread to end.
    public func shutdown() async {
        loop.requestShutdown()
        await loop.waitUntilStopped()
    }
}
