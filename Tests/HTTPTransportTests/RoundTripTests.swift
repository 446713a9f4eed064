import AccessTesting
import HTTPTransport
import Testing

@Suite("Round trips over loopback")
struct RoundTripTests {
    @Test func postSendsHeadersAndBodyAndReturnsTheResponse() async throws {
        let payload = Array(#"{"channel":"C1","text":"hello"}"#.utf8)
        try await withServer({ request in
            .respond(
                FakeHTTPResponse(
                    status: 201, headers: [(name: "X-Echo-Method", value: request.method)], body: request.body))
        }) { server, client in
            let response = try await client.send(
                HTTPRequest(
                    method: .post, url: server.baseURL + "/api/chat.postMessage",
                    headers: ["Authorization": "Bearer xoxb-test", "Content-Type": "application/json; charset=utf-8"],
                    body: payload))

            #expect(response.status == 201)
            #expect(response.body == payload)
            #expect(response.headers["x-echo-method"] == "POST")
            #expect(response.headers["X-Echo-Method"] == "POST")
            #expect(response.headers.fields.map(\.name).contains("x-echo-method"))
            #expect(response.headers.fields.allSatisfy { $0.name == $0.name.lowercased() })

            let seen = try #require(server.requests.first)
            #expect(seen.method == "POST")
            #expect(seen.target == "/api/chat.postMessage")
            #expect(seen.header("authorization") == "Bearer xoxb-test")
            #expect(seen.header("content-type") == "application/json; charset=utf-8")
            #expect(seen.header("user-agent") == "AccessBot/0.1")
            #expect(seen.header("content-length") == String(payload.count))
            #expect(seen.header("expect") == nil)
            #expect(seen.body == payload)
        }
    }

    @Test func getSendsNoBody() async throws {
        try await withServer({ _ in .json(#"{"ok":true}"#) }) { server, client in
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/api/auth.test?x=1"))
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.body.text == #"{"ok":true}"#)
            let seen = try #require(server.requests.first)
            #expect(seen.method == "GET")
            #expect(seen.path == "/api/auth.test")
            #expect(seen.header("content-length") == nil)
            #expect(seen.header("content-type") == nil)
            #expect(seen.body.isEmpty)
        }
    }

    @Test(arguments: [HTTPMethod.put, .patch, .delete, .post])
    func everyMethodIsSentAsItsName(method: HTTPMethod) async throws {
        try await withServer({ _ in .respond(FakeHTTPResponse(status: 204)) }) { server, client in
            let response = try await client.send(HTTPRequest(method: method, url: server.baseURL + "/thing"))
            #expect(response.status == 204)
            let seen = try #require(server.requests.first)
            #expect(seen.method == method.rawValue)
            #expect(seen.header("content-length") == (method == .delete ? nil : "0"))
        }
    }

    @Test func errorStatusesAreResponsesNotErrors() async throws {
        try await withServer({ request in
            request.path == "/limited" ? .respond(.tooManyRequests(retryAfter: 30)) : .json("{}", status: 500)
        }) { server, client in
            let limited = try await client.send(HTTPRequest(method: .post, url: server.baseURL + "/limited"))
            #expect(limited.status == 429)
            #expect(limited.headers["retry-after"] == "30")
            #expect(limited.headers["Retry-After"] == "30")

            let failed = try await client.send(HTTPRequest(url: server.baseURL + "/boom"))
            #expect(failed.status == 500)
        }
    }

    @Test func aRequestUserAgentAndEmptyHeaderAreSentAsGiven() async throws {
        try await withServer({ _ in .json("{}") }) { server, client in
            _ = try await client.send(
                HTTPRequest(
                    url: server.baseURL + "/", headers: ["User-Agent": "custom/1", "X-Empty": ""]))
            let seen = try #require(server.requests.first)
            #expect(seen.header("user-agent") == "custom/1")
            #expect(seen.header("x-empty") == "")
        }
    }

    @Test func largeBodiesUnderTheCapArriveWhole() async throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 3 * 1024 * 1024)
        try await withServer({ _ in .respond(FakeHTTPResponse(status: 200, body: big)) }) { server, client in
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/big"))
            #expect(response.body.count == big.count)
        }
    }
}
