import Foundation

/// One call the fake Bot Connector received, with what it answered.
public struct FakeConnectorCall: Sendable {
    /// `GET`, `POST`, `PUT`, `DELETE`.
    public var method: String
    /// The path under the service URL with its segments decoded:
    /// `v3/conversations/19:abc@thread.tacv2/activities`.
    public var path: String
    /// The conversation in the path; for a created conversation, the id the fake answered.
    public var conversationID: String?
    /// The activity in the path (the one replied to, updated or deleted).
    public var activityID: String?
    /// The member in the path of a member lookup.
    public var memberID: String?
    /// Query parameters, decoded.
    public var query: [String: String]
    /// The body as JSON; `.null` when empty or not JSON.
    public var body: SlackJSONValue
    public var rawBody: [UInt8]
    /// The `Authorization` header as sent.
    public var authorization: String?
    /// The status and JSON the fake answered (`.null` without a body).
    public var status: Int
    public var response: SlackJSONValue
    /// When the fake received it.
    public var at: Date

    /// The Adaptive Card sent: `attachments[0].content`.
    public var card: SlackJSONValue? { body["attachments"]?[0]?["content"] }
}

/// A message as the fake connector holds it now (after updates).
public struct FakeTeamsMessage: Sendable, Hashable {
    public var conversationID: String
    /// The id the fake answered the send with.
    public var id: String
    /// The activity as last sent or updated.
    public var activity: SlackJSONValue
    /// The activity it replied to, for replies in a thread.
    public var replyToID: String?
    /// How many times a `PUT` changed it.
    public var updates: Int
    public var deleted: Bool

    /// The Adaptive Card: `attachments[0].content`.
    public var card: SlackJSONValue? { activity["attachments"]?[0]?["content"] }
}

/// A person on the fake roster, answered as a `TeamsChannelAccount`.
public struct FakeTeamsMember: Sendable, Hashable {
    /// `29:...`.
    public var id: String
    public var name: String
    public var email: String
    public var aadObjectId: String
    public var userPrincipalName: String
    public var givenName: String
    public var surname: String
    public var tenantID: String
    public var userRole: String

    /// The `TeamsChannelAccount` JSON.
    public var json: SlackJSONValue {
        .object([
            "id": .string(id), "name": .string(name), "aadObjectId": .string(aadObjectId), "email": .string(email),
            "userPrincipalName": .string(userPrincipalName), "givenName": .string(givenName), "surname": .string(surname),
            "tenantId": .string(tenantID), "userRole": .string(userRole),
        ])
    }
}

/// A failure the fake connector answers the next calls with, before checking the token.
public enum FakeConnectorFailure: Sendable, Hashable {
    /// `429` with `Retry-After` (seconds) when given.
    case throttled(retryAfter: Int?)
    /// This status with a Bot Framework error body (`503 ServiceUnavailable`, `412`, `502`, ...),
    /// and `Retry-After` when given.
    case status(Int, retryAfter: Int? = nil)
    /// `403` `{"error":{"code":"Forbidden","message":...,"subCode":SUBCODE}}`: the user blocked or removed the bot.
    case forbidden(subCode: String = "MessageWritesBlocked")
    /// Closes the connection without an answer.
    case dropConnection
}

/// What the fake answers one request with.
enum FakeBotFrameworkAnswer {
    case reply(status: Int, json: SlackJSONValue?, headers: [(name: String, value: String)] = [])
    case drop

    /// A connector error: `{"error":{"code":...,"message":...}}`.
    static func error(
        _ status: Int, _ code: String, _ message: String, subCode: String? = nil, retryAfter: Int? = nil
    ) -> FakeBotFrameworkAnswer {
        var error: [String: SlackJSONValue] = ["code": .string(code), "message": .string(message)]
        error["subCode"] = subCode.map(SlackJSONValue.string)
        return .reply(
            status: status, json: .object(["error": .object(error)]), headers: retryAfter.map { [("Retry-After", String($0))] } ?? [])
    }

    /// An Entra ID token endpoint error: `{"error":...,"error_description":"AADSTS<code>: ...","error_codes":[code]}`.
    static func oauthError(_ status: Int, _ error: String, code: Int, _ message: String) -> FakeBotFrameworkAnswer {
        .reply(
            status: status,
            json: .object([
                "error": .string(error), "error_description": .string("AADSTS\(code): \(message)"),
                "error_codes": .array([.number(Double(code))]), "timestamp": .string(ISO8601DateFormatter().string(from: Date())),
            ]))
    }

    var status: Int {
        if case .reply(let status, _, _) = self { return status }
        return 0
    }

    var json: SlackJSONValue {
        if case .reply(_, let json?, _) = self { return json }
        return .null
    }
}
