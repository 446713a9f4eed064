import HTTPTransport
import ServiceLifecycle

/// Owns the libcurl client's lifetime: it stops its thread after the other services stopped.
struct HTTPClientService: Service {
    let client: CurlHTTPClient

    func run() async throws {
        try? await gracefulShutdown()
        await client.shutdown()
    }
}
