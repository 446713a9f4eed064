import Foundation
import SlackAdapter

/// The fake workspace: users, messages, views, recorded calls and injected failures.
actor FakeSlackState {
    let token: String
    var users: [String: FakeSlackUser]
    var messages: [String: [FakeSlackMessage]] = [:]
    var views: [String: (view: SlackJSONValue, hash: String)] = [:]
    var homes: [String: SlackJSONValue] = [:]
    var calls: [FakeSlackCall] = []
    var failures: [(method: String?, failure: FakeSlackFailure)] = []
    private var counter = 0

    init(token: String, users: [FakeSlackUser]) {
        self.token = token
        self.users = Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Answers one HTTP call to `/api/METHOD` and records it.
    func handle(method: String, authorization: String?, contentType: String?, body: [UInt8]) -> FakeSlackReply {
        let decoded = Self.decodeBody(body, contentType: contentType)
        let reply = answer(method: method, authorization: authorization, body: decoded)
        calls.append(
            FakeSlackCall(
                method: method, body: decoded ?? .null, rawBody: body, contentType: contentType, authorization: authorization,
                status: reply.status, response: reply.json))
        return reply
    }

    /// A post to a `response_url`: recorded as method `response_url`; answers `ok` as text.
    func handleResponseURL(contentType: String?, body: [UInt8]) -> FakeSlackReply {
        var reply = FakeSlackReply(status: 200, json: .null, rawBody: Array("ok".utf8))
        if let index = failures.firstIndex(where: { $0.method == "response_url" }) {
            switch failures.remove(at: index).failure {
            case .rateLimited(let seconds): reply = FakeSlackReply(status: 429, json: .null, retryAfter: seconds, rawBody: [])
            case .httpStatus(let status): reply = FakeSlackReply(status: status, json: .null, rawBody: Array("error".utf8))
            case .error(let code): reply = FakeSlackReply(status: 404, json: .null, rawBody: Array(code.utf8))
            }
        } else if SlackJSONValue.parse(body)?.object == nil {
            reply = FakeSlackReply(status: 400, json: .null, rawBody: Array("invalid_payload".utf8))
        }
        calls.append(
            FakeSlackCall(
                method: "response_url", body: SlackJSONValue.parse(body) ?? .null, rawBody: body, contentType: contentType,
                authorization: nil, status: reply.status, response: .string(String(decoding: reply.rawBody ?? [], as: UTF8.self))))
        return reply
    }

    private func answer(method: String, authorization: String?, body: SlackJSONValue?) -> FakeSlackReply {
        if let index = failures.firstIndex(where: { $0.method == nil || $0.method == method }) {
            switch failures.remove(at: index).failure {
            case .rateLimited(let seconds):
                return FakeSlackReply(
                    status: 429, json: .object(["ok": .bool(false), "error": .string("ratelimited")]), retryAfter: seconds)
            case .httpStatus(let status):
                return FakeSlackReply(status: status, json: .null, rawBody: Array("<html>upstream error</html>".utf8))
            case .error(let code):
                return .error(code)
            }
        }
        guard let authorization, authorization.hasPrefix("Bearer ") else { return .error("not_authed") }
        guard authorization.dropFirst("Bearer ".count) == token else { return .error("invalid_auth") }
        guard let body else { return .error("invalid_json") }
        guard body.object != nil else { return .error("json_not_object") }
        switch method {
        case "chat.postMessage": return postMessage(body)
        case "chat.update": return update(body)
        case "chat.postEphemeral": return postEphemeral(body)
        case "views.open": return openView(body)
        case "views.update": return updateView(body)
        case "views.publish": return publish(body)
        case "users.info": return usersInfo(body)
        case "users.lookupByEmail": return lookupByEmail(body)
        case "conversations.open": return openConversation(body)
        default: return .error("unknown_method")
        }
    }

    /// A realistic, increasing `ts`: Unix seconds and a six-digit sequence.
    func nextTS() -> String {
        counter += 1
        let seconds = Int(Date().timeIntervalSince1970)
        let sequence = String(counter % 1_000_000)
        return "\(seconds)." + String(repeating: "0", count: 6 - sequence.count) + sequence
    }

    func nextID(prefix: String) -> String {
        counter += 1
        return prefix + String(counter, radix: 36).uppercased().leftPadded(to: 8)
    }

    /// The DM channel id the fake gives a user.
    static func dmChannel(for user: String) -> String { "D" + user.dropFirst() }

    /// JSON bodies as they are; form bodies as an object of strings, `blocks`/`view` parsed.
    static func decodeBody(_ body: [UInt8], contentType: String?) -> SlackJSONValue? {
        if contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            guard let form = try? FormURLEncoded(parsing: body) else { return nil }
            var object: [String: SlackJSONValue] = [:]
            for field in form.fields where object[field.name] == nil {
                let parsed = ["blocks", "view"].contains(field.name) ? SlackJSONValue.parse(Array(field.value.utf8)) : nil
                object[field.name] = parsed ?? .string(field.value)
            }
            return .object(object)
        }
        return SlackJSONValue.parse(body)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
