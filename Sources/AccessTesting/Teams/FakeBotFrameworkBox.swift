import Foundation
import SlackAdapter
import Synchronization

/// The fake's state, shared by the server's threads, and the routing of its three services.
final class FakeBotFrameworkBox: Sendable {
    let data: Mutex<FakeBotFrameworkData>

    init(_ data: FakeBotFrameworkData) { self.data = Mutex(data) }

    func handle(_ request: FakeHTTPRequest) -> FakeHTTPAction {
        let parts = request.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first ?? ""
        let query = parts.count > 1 ? Self.parseQuery(parts[1]) : [:]
        let now = Date()
        let answer: FakeBotFrameworkAnswer = data.withLock { data in
            if path.hasPrefix("/connector/") {
                return data.connector(
                    method: request.method, rawPath: path.dropFirst("/connector/".count), query: query,
                    authorization: request.header("authorization"), body: request.body, now: now)
            }
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            switch (request.method, path) {
            case ("GET", "/openid/.well-known/openidconfiguration"):
                return data.metadata()
            case ("GET", "/openid/keys"):
                return data.keys()
            case ("POST", _) where segments.count == 5 && segments[2...] == ["oauth2", "v2.0", "token"] && !segments[1].isEmpty:
                return data.token(
                    tenant: String(segments[1]).removingPercentEncoding ?? "", contentType: request.header("content-type"),
                    body: request.body, now: now)
            default:
                return .reply(status: 404, json: .object(["error": .string("not_found")]))
            }
        }
        return Self.action(answer, connector: path.hasPrefix("/connector/"))
    }

    private static func action(_ answer: FakeBotFrameworkAnswer, connector: Bool) -> FakeHTTPAction {
        switch answer {
        case .drop:
            return .close
        case .reply(let status, let json, let extra):
            var headers = extra
            if connector { headers.append(("X-Correlating-OperationId", UUID().uuidString.lowercased())) }
            guard let json else { return .respond(FakeHTTPResponse(status: status, headers: headers)) }
            headers.append(("Content-Type", "application/json; charset=utf-8"))
            return .respond(FakeHTTPResponse(status: status, headers: headers, body: json.bytes))
        }
    }

    private static func parseQuery(_ raw: Substring) -> [String: String] {
        guard let form = try? FormURLEncoded(parsing: Array(raw.utf8)) else { return [:] }
        var query: [String: String] = [:]
        for field in form.fields where query[field.name] == nil { query[field.name] = field.value }
        return query
    }
}
