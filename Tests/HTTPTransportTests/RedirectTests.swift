import AccessTesting
import HTTPTransport
import Testing

@Suite("Redirects")
struct RedirectTests {
    private static func redirecting(_ request: FakeHTTPRequest) -> FakeHTTPAction {
        request.path == "/start"
            ? .respond(FakeHTTPResponse(status: 302, headers: [(name: "Location", value: "/end")]))
            : .json(#"{"done":true}"#)
    }

    @Test func aRedirectIsReturnedAsIsByDefault() async throws {
        try await withServer(Self.redirecting) { server, client in
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/start"))
            #expect(response.status == 302)
            #expect(response.headers["location"] == "/end")
            #expect(server.requests.map(\.target) == ["/start"])
        }
    }

    @Test func aRedirectIsFollowedWhenAsked() async throws {
        try await withServer(Self.redirecting) { server, client in
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/start", followRedirects: true))
            #expect(response.status == 200)
            #expect(response.body.text == #"{"done":true}"#)
            #expect(response.headers["location"] == nil)
            #expect(server.requests.map(\.target) == ["/start", "/end"])
        }
    }
}
