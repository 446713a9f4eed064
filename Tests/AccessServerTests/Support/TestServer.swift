import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import Hummingbird
import Logging
import ServiceLifecycle

/// A real AccessBot server on a loopback port, for tests: started with `withServer`,
/// stopped when the body returns.
struct TestServer: Sendable {
    let baseURL: String
    let state: AppState
    let client: CurlHTTPClient
    let configuration: ServerConfiguration

    /// Starts a server with the given configuration (port 0: any free port), runs `body`, stops it.
    static func withServer<T: Sendable>(
        _ configuration: ServerConfiguration, _ body: @Sendable (TestServer) async throws -> T
    ) async throws -> T {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let state = AppState()
        var logger = Logger(label: "test-server")
        logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(configuration: configuration, state: state, logger: logger) { port in
            portContinuation.yield(port)
        }
        let client = CurlHTTPClient()
        let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await services.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestServerError.didNotStart }
            let server = TestServer(baseURL: "http://127.0.0.1:\(port)", state: state, client: client, configuration: configuration)
            let result: Result<T, any Error>
            do {
                result = .success(try await body(server))
            } catch {
                result = .failure(error)
            }
            // Stop as SIGTERM would: gracefully, so the store closes its connections.
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            await client.shutdown()
            return try result.get()
        }
    }

    /// Waits until the database is connected and migrated.
    func waitUntilReady(timeout: Duration = .seconds(10)) async throws -> ReadyState {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let ready = state.ready { return ready }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestServerError.notReady
    }

    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> HTTPTransport.HTTPResponse {
        try await client.send(HTTPTransport.HTTPRequest(method: .get, url: baseURL + path, headers: headers))
    }

    func post(_ path: String, body: [UInt8], headers: HTTPHeaders = [:]) async throws -> HTTPTransport.HTTPResponse {
        try await client.send(HTTPTransport.HTTPRequest(method: .post, url: baseURL + path, headers: headers, body: body))
    }
}

enum TestServerError: Error {
    case didNotStart
    case notReady
    case timedOut(String)
}

/// Polls a condition until it holds or the time runs out.
func eventually(
    _ what: String, timeout: Duration = .seconds(10), _ condition: @Sendable () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(25))
    }
    throw TestServerError.timedOut(what)
}

/// A fresh SQLite file in this process's test folder.
func temporarySQLiteURL() -> String {
    "sqlite:" + testDatabaseFolder.appendingPathComponent("\(UUID().uuidString).sqlite").path
}

/// One folder for every database the server tests create, removed when the test process exits
/// (one folder per test used to stay behind: thousands after a day of runs).
private let testDatabaseFolder: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: testDatabaseFolder) }
    return folder
}()
