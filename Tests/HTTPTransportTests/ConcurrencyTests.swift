import AccessTesting
import Foundation
import HTTPTransport
import Synchronization
import Testing

@Suite("Concurrency, reuse, cancellation")
struct ConcurrencyTests {
    @Test func sixteenConcurrentRequestsAllComplete() async throws {
        // The fake holds every answer until all sixteen requests have arrived: only a client
        // with all sixteen in flight at once gets answers (no timing involved; a client that
        // sent them one after another would see the barrier give up after ten seconds).
        let arrived = Mutex(0)
        try await withServer({ request in
            arrived.withLock { $0 += 1 }
            let deadline = ContinuousClock.now + .seconds(10)
            while arrived.withLock({ $0 }) < 16 && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.002) }
            let seen = arrived.withLock { $0 }
            return .json(#"{"n":"\#(request.path.dropFirst())","seen":\#(seen)}"#)
        }) { server, client in
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<16 {
                    group.addTask {
                        try await client.send(HTTPRequest(url: server.baseURL + "/\(index)", timeout: .seconds(30))).body.text
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(bodies == Set((0..<16).map { #"{"n":"\#($0)","seen":16}"# }), "all sixteen were in flight together")
        }
    }

    @Test func sequentialRequestsReuseOneConnection() async throws {
        try await withServer({ _ in .json(#"{"ok":true}"#) }) { server, client in
            for index in 0..<30 {
                let method: HTTPMethod = index.isMultiple(of: 2) ? .get : .post
                let response = try await client.send(
                    HTTPRequest(
                        method: method, url: server.baseURL + "/api/x", body: method == .post ? [1, 2] : []))
                #expect(response.status == 200)
            }
            #expect(server.requests.count == 30)
            #expect(server.connectionCount <= 2)
        }
    }

    @Test func cancellingTheTaskAbortsTheTransferAndClosesItsConnection() async throws {
        try await withServer({ _ in .hang }) { server, client in
            let task = Task { try await client.send(HTTPRequest(url: server.baseURL + "/hang", timeout: .seconds(30))) }
            let started = try await eventually { server.requests.count == 1 }
            #expect(started)
            let (result, elapsed) = await measure { () -> Result<HTTPResponse, any Error> in
                task.cancel()
                return await task.result
            }
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(elapsed < .seconds(2))
            let closed = try await eventually { server.openConnectionCount == 0 }
            #expect(closed, "the aborted transfer's connection is still open")
        }
    }

    @Test func aTaskCancelledBeforeSendingNeverReachesTheServer() async throws {
        try await withServer({ _ in .json("{}") }) { server, client in
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.send(HTTPRequest(url: server.baseURL + "/"))
            }
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(server.requests.isEmpty)
        }
    }

    @Test func shutdownFailsRequestsInFlightAndLaterOnes() async throws {
        let server = try FakeHTTPServer { _ in .hang }
        defer { server.stop() }
        let client = CurlHTTPClient(configuration: .init(proxy: .disabled))
        let inFlight = Task { try await client.send(HTTPRequest(url: server.baseURL + "/", timeout: .seconds(30))) }
        #expect(try await eventually { server.requests.count == 1 })
        await client.shutdown()
        await #expect(throws: CancellationError.self) { try await inFlight.value }
        await #expect(throws: CancellationError.self) {
            try await client.send(HTTPRequest(url: server.baseURL + "/"))
        }
        await client.shutdown()
    }

    @Test func manyClientsCanComeAndGo() async throws {
        try await withServer({ _ in .json("{}") }) { server, _ in
            for _ in 0..<20 {
                try await withClient { client in
                    let response = try await client.send(HTTPRequest(url: server.baseURL + "/"))
                    #expect(response.status == 200)
                }
            }
        }
    }
}
