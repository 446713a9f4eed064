import Foundation

/// A person in the fake workspace.
public struct FakeSlackUser: Hashable, Sendable {
    public var id: String
    public var email: String?
    public var realName: String?
    public var deleted: Bool
    public var isBot: Bool
    public var teamID: String

    public init(
        id: String, email: String?, realName: String? = nil, deleted: Bool = false, isBot: Bool = false, teamID: String = "T0001AAAA"
    ) {
        self.id = id
        self.email = email
        self.realName = realName
        self.deleted = deleted
        self.isBot = isBot
        self.teamID = teamID
    }
}

/// One call the fake received, as decoded: JSON bodies as they are, form bodies as an
/// object of strings (with `blocks`/`view` parsed from their JSON strings).
public struct FakeSlackCall: Sendable {
    public var method: String
    public var body: SlackJSONValue
    public var rawBody: [UInt8]
    public var contentType: String?
    /// The `Authorization` header as sent.
    public var authorization: String?
    /// The HTTP status and JSON the fake answered.
    public var status: Int
    public var response: SlackJSONValue
    /// When the fake received it.
    public var at: ContinuousClock.Instant = .now
}

/// A failure to inject into the next calls.
public enum FakeSlackFailure: Hashable, Sendable {
    /// HTTP 429, `Retry-After`, `{"ok":false,"error":"ratelimited"}`.
    case rateLimited(retryAfter: Int)
    /// This HTTP status with a non-JSON body (e.g. 500, 503).
    case httpStatus(Int)
    /// HTTP 200 with `{"ok":false,"error":CODE}`.
    case error(String)
}

/// A message as the fake holds it now (after updates).
public struct FakeSlackMessage: Hashable, Sendable {
    public var channel: String
    public var ts: String
    public var text: String
    public var blocks: SlackJSONValue
    public var threadTS: String?
    /// How many times `chat.update` changed it.
    public var updates: Int
}

/// What the fake answers one call with.
struct FakeSlackReply: Sendable {
    var status: Int
    var json: SlackJSONValue
    var retryAfter: Int?
    var rawBody: [UInt8]?

    static func ok(_ fields: [String: SlackJSONValue] = [:]) -> FakeSlackReply {
        var object = fields
        object["ok"] = .bool(true)
        return FakeSlackReply(status: 200, json: .object(object))
    }

    static func error(_ code: String, messages: [String] = []) -> FakeSlackReply {
        var object: [String: SlackJSONValue] = ["ok": .bool(false), "error": .string(code)]
        if !messages.isEmpty { object["response_metadata"] = .object(["messages": .array(messages.map(SlackJSONValue.string))]) }
        return FakeSlackReply(status: 200, json: .object(object))
    }
}
