import AccessTesting
import HTTPTransport
import Testing

@Suite("Failures surface as typed errors")
struct FailureTests {
    @Test func aHangingServerTimesOutQuickly() async throws {
        try await withServer({ _ in .hang }) { server, client in
            let (error, elapsed) = await measure {
                await #expect(throws: HTTPTransportError.timedOut) {
                    try await client.send(HTTPRequest(url: server.baseURL + "/slow", timeout: .milliseconds(300)))
                }
            }
            #expect(error?.isTransient == true)
            // Generous: this checks the 300 ms timeout fires at all, well before the 10 s default,
            // not how fast (the suite and other work share the machine).
            #expect(elapsed < .seconds(9))
        }
    }

    @Test func connectionRefusedIsATransientConnectionFailure() async throws {
        let port = try closedPort()
        try await withClient { client in
            let error = await #expect(throws: HTTPTransportError.self) {
                try await client.send(HTTPRequest(url: "http://127.0.0.1:\(port)/"))
            }
            guard case .connectionFailed = error else {
                Issue.record("expected connectionFailed, got \(String(describing: error))")
                return
            }
            #expect(error?.isTransient == true)
        }
    }

    @Test(arguments: [FakeHTTPAction.reset, .close])
    func aConnectionDroppedWithoutAnswerIsAConnectionFailure(action: FakeHTTPAction) async throws {
        try await withServer({ _ in action }) { server, client in
            let error = await #expect(throws: HTTPTransportError.self) {
                try await client.send(HTTPRequest(method: .post, url: server.baseURL + "/", body: [1, 2, 3]))
            }
            guard case .connectionFailed = error else {
                Issue.record("expected connectionFailed, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func aDeclaredLengthOverTheCapIsRefused() async throws {
        let huge = [UInt8](repeating: 0x61, count: 1024 * 1024)
        try await withServer({ _ in .respond(FakeHTTPResponse(status: 200, body: huge)) }) { server, client in
            await #expect(throws: HTTPTransportError.responseTooLarge(limit: 65536)) {
                try await client.send(HTTPRequest(url: server.baseURL + "/huge", maxResponseBytes: 65536))
            }
        }
    }

    @Test func anUndeclaredBodyIsCutOffAtTheCap() async throws {
        let raw =
            Array("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".utf8)
            + [UInt8](repeating: 0x62, count: 1024 * 1024)
        try await withServer({ _ in .raw(raw) }) { server, client in
            await #expect(throws: HTTPTransportError.responseTooLarge(limit: 1000)) {
                try await client.send(HTTPRequest(url: server.baseURL + "/stream", maxResponseBytes: 1000))
            }
        }
    }

    @Test func aBodyExactlyAtTheCapIsAccepted() async throws {
        try await withServer({ _ in .respond(FakeHTTPResponse(status: 200, body: Array(repeating: 1, count: 1000))) }) {
            server, client in
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/", maxResponseBytes: 1000))
            #expect(response.body.count == 1000)
        }
    }

    @Test(arguments: ["not a url", "ftp://127.0.0.1/file", "file:///etc/passwd", ""])
    func urlsOtherThanHTTPAreRejected(url: String) async throws {
        try await withClient { client in
            await #expect(throws: HTTPTransportError.invalidURL(url)) {
                try await client.send(HTTPRequest(url: url))
            }
        }
    }

    @Test func headerValuesCannotSmuggleLines() async throws {
        try await withServer({ _ in .json("{}") }) { server, client in
            let error = await #expect(throws: HTTPTransportError.self) {
                try await client.send(
                    HTTPRequest(
                        url: server.baseURL + "/", headers: ["X-Note": "a\r\nX-Injected: 1"]))
            }
            guard case .other = error else {
                Issue.record("expected .other, got \(String(describing: error))")
                return
            }
            #expect(server.requests.isEmpty)
        }
    }

    @Test func onlyTimeoutsAndConnectionFailuresAreTransient() {
        #expect(HTTPTransportError.timedOut.isTransient)
        #expect(HTTPTransportError.connectionFailed("refused").isTransient)
        #expect(!HTTPTransportError.invalidURL("x").isTransient)
        #expect(!HTTPTransportError.responseTooLarge(limit: 1).isTransient)
        #expect(!HTTPTransportError.tls("bad certificate").isTransient)
        #expect(!HTTPTransportError.other(code: 1, message: "x").isTransient)
    }
}
