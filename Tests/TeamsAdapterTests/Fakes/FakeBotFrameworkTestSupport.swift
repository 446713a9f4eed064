import AccessTesting
import Foundation
import HTTPTransport
import SlackAdapter

/// Runs `body` with a fake Bot Framework and a libcurl client; stops both after.
func withFakeBotFramework<T>(
    tenantID: String? = nil, _ body: (FakeBotFramework, FakeBotFrameworkWire) async throws -> T
) async throws -> T {
    let fake = try await FakeBotFramework.start(tenantID: tenantID)
    let http = CurlHTTPClient(configuration: .init(proxy: .disabled))
    do {
        let result = try await body(fake, FakeBotFrameworkWire(http: http, fake: fake))
        await http.shutdown()
        fake.stop()
        return result
    } catch {
        await http.shutdown()
        fake.stop()
        throw error
    }
}

/// Plain HTTP calls to the fake, as a Bot Framework client would make them.
struct FakeBotFrameworkWire {
    let http: CurlHTTPClient
    let fake: FakeBotFramework

    func get(_ url: String, token: String? = nil) async throws -> HTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.add(name: "Authorization", value: "Bearer " + token) }
        return try await http.send(HTTPRequest(method: .get, url: url, headers: headers))
    }

    func send(_ method: HTTPMethod, _ path: String, json: SlackJSONValue, token: String?) async throws -> HTTPResponse {
        try await send(method, path, body: json.bytes, token: token)
    }

    /// `path` is appended to the service URL as it is (encode ids first).
    func send(_ method: HTTPMethod, _ path: String, body: [UInt8], token: String?) async throws -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
        if let token { headers.add(name: "Authorization", value: "Bearer " + token) }
        return try await http.send(HTTPRequest(method: method, url: fake.serviceURL + path, headers: headers, body: body))
    }

    /// The client-credentials grant against the fake's token endpoint.
    func requestToken(
        tenant: String = "botframework.com", clientID: String = TeamsActivityFixtures.botAppID,
        secret: String = FakeBotFramework.defaultAppPassword, scope: String = FakeBotFramework.scope
    ) async throws -> HTTPResponse {
        let form = FormURLEncoder.encode([
            ("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", secret), ("scope", scope),
        ])
        return try await http.send(
            HTTPRequest(
                method: .post, url: fake.tokenURL(tenant: tenant), headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: form))
    }

    /// A token fetched over the wire.
    func token() async throws -> String {
        let response = try await requestToken()
        guard let token = SlackJSONValue.parse(response.body)?["access_token"]?.string else { throw FakeWireError.noToken(response.status) }
        return token
    }

    /// Posts a card activity to a conversation; the response.
    func postCard(_ card: SlackJSONValue, to conversation: String, token: String) async throws -> HTTPResponse {
        try await send(.post, "v3/conversations/\(fakePathSegment(conversation))/activities", json: fakeCardActivity(card), token: token)
    }
}

enum FakeWireError: Error {
    case noToken(Int)
}

/// An id percent-encoded as one path segment (`:`, `;`, `@`, `=` included).
func fakePathSegment(_ id: String) -> String {
    id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? id
}

/// `{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":card}]}`.
func fakeCardActivity(_ card: SlackJSONValue, text: String? = nil) -> SlackJSONValue {
    var activity: [String: SlackJSONValue] = [
        "type": .string("message"),
        "attachments": .array([.object(["contentType": .string("application/vnd.microsoft.card.adaptive"), "content": card])]),
    ]
    activity["text"] = text.map(SlackJSONValue.string)
    return .object(activity)
}

/// A small Adaptive Card with one text block.
func fakeSampleCard(_ text: String) -> SlackJSONValue {
    .object([
        "type": .string("AdaptiveCard"), "version": .string("1.5"),
        "body": .array([.object(["type": .string("TextBlock"), "text": .string(text), "wrap": .bool(true)])]),
    ])
}

extension HTTPResponse {
    /// The body as JSON (`.null` when it is not).
    var fakeJSON: SlackJSONValue { SlackJSONValue.parse(body) ?? .null }
}
