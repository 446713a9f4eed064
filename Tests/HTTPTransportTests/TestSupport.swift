import AccessTesting
import HTTPTransport

/// Runs `body` with a fake server and a client that never uses a proxy, then
/// shuts both down, whether `body` throws or not.
@discardableResult
func withServer<T>(
    configuration: CurlHTTPClient.Configuration = CurlHTTPClient.Configuration(proxy: .disabled),
    _ handler: @escaping FakeHTTPServer.Handler,
    _ body: (FakeHTTPServer, CurlHTTPClient) async throws -> T
) async throws -> T {
    let server = try FakeHTTPServer(handler: handler)
    defer { server.stop() }
    return try await withClient(configuration: configuration) { try await body(server, $0) }
}

/// Runs `body` with a client and always shuts it down.
@discardableResult
func withClient<T>(
    configuration: CurlHTTPClient.Configuration = CurlHTTPClient.Configuration(proxy: .disabled),
    _ body: (CurlHTTPClient) async throws -> T
) async throws -> T {
    let client = CurlHTTPClient(configuration: configuration)
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}

/// How long `body` took.
func measure<T>(_ body: () async throws -> T) async rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try await body()
    return (result, clock.now - start)
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(3), _ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// A loopback port nothing listens on: a fake's, after it stopped.
func closedPort() throws -> Int {
    let server = try FakeHTTPServer { _ in .close }
    server.stop()
    return server.port
}

extension [UInt8] {
    /// The bytes as UTF-8 text.
    var text: String { String(decoding: self, as: UTF8.self) }
}
