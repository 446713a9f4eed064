import Foundation

/// The Bot Connector REST API under `/connector/` (protocols.md §2.5), with Teams' rules.
extension FakeBotFrameworkData {
    /// Teams refuses activities larger than about 28 KB.
    static let maxActivityBytes = 28 * 1024
    static let adaptiveCardType = "application/vnd.microsoft.card.adaptive"

    /// Routes one connector call (the path below `/connector/`, still encoded) and records it.
    mutating func connector(
        method: String, rawPath: Substring, query: [String: String], authorization: String?, body: [UInt8], now: Date
    ) -> FakeBotFrameworkAnswer {
        let segments = rawPath.split(separator: "/", omittingEmptySubsequences: false).map { $0.removingPercentEncoding }
        let decoded = segments.map { $0 ?? "" }
        var call = FakeConnectorCall(
            method: method, path: decoded.joined(separator: "/"), conversationID: nil, activityID: nil, memberID: nil, query: query,
            body: body.isEmpty ? .null : SlackJSONValue.parse(body) ?? .null, rawBody: body, authorization: authorization, status: 0,
            response: .null, at: now)
        if decoded.count > 2, decoded[0] == "v3", decoded[1] == "conversations" { call.conversationID = decoded[2] }
        if decoded.count > 4, decoded[3] == "activities" { call.activityID = decoded[4] }
        if decoded.count > 4, decoded[3] == "members" { call.memberID = decoded[4] }

        let answer: FakeBotFrameworkAnswer
        if rawPath.contains("//") || segments.contains(nil) {
            answer = .error(400, "BadArgument", "The request path is malformed.")
        } else if let failure = takeFailure(method: method) {
            answer = Self.answer(for: failure)
        } else if !isAuthorized(authorization, now: now) {
            answer = .error(401, "Unauthorized", "Authorization has been denied for this request.")
        } else {
            answer = route(method: method, segments: decoded, query: query, call: &call, now: now)
        }
        call.status = answer.status
        call.response = answer.json
        calls.append(call)
        return answer
    }

    private mutating func route(
        method: String, segments: [String], query: [String: String], call: inout FakeConnectorCall, now: Date
    ) -> FakeBotFrameworkAnswer {
        let shape = segments.enumerated().map { index, segment in index == 2 || index == 4 ? "*" : segment }
        switch (method, shape) {
        case ("POST", ["v3", "conversations"]):
            let answer = createConversation(call.body)
            if case .reply(_, let json?, _) = answer { call.conversationID = json["id"]?.string }
            return answer
        case ("POST", ["v3", "conversations", "*", "activities"]):
            return send(call.rawBody, to: segments[2], replyTo: nil, now: now)
        case ("POST", ["v3", "conversations", "*", "activities", "*"]):
            return send(call.rawBody, to: segments[2], replyTo: segments[4], now: now)
        case ("PUT", ["v3", "conversations", "*", "activities", "*"]):
            return update(call.rawBody, conversation: segments[2], activity: segments[4])
        case ("DELETE", ["v3", "conversations", "*", "activities", "*"]):
            return delete(conversation: segments[2], activity: segments[4])
        case ("GET", ["v3", "conversations", "*", "members", "*"]):
            guard let member = member(segments[4]) else {
                return .error(404, "MemberNotFoundInConversation", "The member was not found in this conversation.")
            }
            return .reply(status: 200, json: member.json)
        case ("GET", ["v3", "conversations", "*", "pagedmembers"]):
            return pagedMembers(query)
        case (_, ["v3", "conversations"]), (_, ["v3", "conversations", "*", "activities"]),
            (_, ["v3", "conversations", "*", "activities", "*"]), (_, ["v3", "conversations", "*", "members", "*"]),
            (_, ["v3", "conversations", "*", "pagedmembers"]):
            return .error(405, "MethodNotAllowed", "The requested resource does not support http method '\(method)'.")
        default:
            return .error(404, "NotFound", "No route matches the request.")
        }
    }

    /// Checks an outgoing activity against Teams' limits; the parsed activity, or the error.
    private func checkActivity(_ body: [UInt8]) -> Result<SlackJSONValue, FakeBotFrameworkError> {
        guard body.count <= Self.maxActivityBytes else {
            return .failure(.init(.error(413, "MessageSizeTooBig", "Message size too big.")))
        }
        guard let activity = SlackJSONValue.parse(body), activity.object != nil else {
            return .failure(.init(.error(400, "BadArgument", "The activity is not a JSON object.")))
        }
        guard let type = activity["type"]?.string, !type.isEmpty else {
            return .failure(.init(.error(400, "BadArgument", "Activity type is required.")))
        }
        let attachments = activity["attachments"]?.array ?? []
        if let text = activity["text"]?.string, !text.isEmpty, !attachments.isEmpty {
            return .failure(.init(.error(400, "BadArgument", "Send text and an attachment as separate activities.")))
        }
        for attachment in attachments {
            guard attachment["contentType"]?.string == Self.adaptiveCardType, attachment["content"]?.object != nil else {
                return .failure(.init(.error(400, "BadArgument", "Only Adaptive Card attachments are expected.")))
            }
        }
        return .success(activity)
    }

    private mutating func send(_ body: [UInt8], to conversation: String, replyTo: String?, now: Date) -> FakeBotFrameworkAnswer {
        switch checkActivity(body) {
        case .failure(let error):
            return error.answer
        case .success(let activity):
            let id = nextMessageID(now: now)
            messages[conversation, default: []].append(
                FakeTeamsMessage(conversationID: conversation, id: id, activity: activity, replyToID: replyTo, updates: 0, deleted: false))
            return .reply(status: 201, json: .object(["id": .string(id)]))
        }
    }

    private mutating func update(_ body: [UInt8], conversation: String, activity id: String) -> FakeBotFrameworkAnswer {
        guard let index = messages[conversation]?.firstIndex(where: { $0.id == id && !$0.deleted }) else {
            return .error(404, "ActivityNotFound", "Unknown activity.")
        }
        switch checkActivity(body) {
        case .failure(let error):
            return error.answer
        case .success(let activity):
            messages[conversation]?[index].activity = activity
            messages[conversation]?[index].updates += 1
            return .reply(status: 200, json: .object(["id": .string(id)]))
        }
    }

    private mutating func delete(conversation: String, activity id: String) -> FakeBotFrameworkAnswer {
        guard let index = messages[conversation]?.firstIndex(where: { $0.id == id && !$0.deleted }) else {
            return .error(404, "ActivityNotFound", "Unknown activity.")
        }
        messages[conversation]?[index].deleted = true
        return .reply(status: 200, json: nil)
    }

    /// A 1:1 chat with one roster member; the same id every time.
    private func createConversation(_ body: SlackJSONValue) -> FakeBotFrameworkAnswer {
        guard body.object != nil else { return .error(400, "BadArgument", "The body is not a JSON object.") }
        guard body["isGroup"]?.bool != true else {
            return .error(400, "BadArgument", "Bots cannot create group conversations.")
        }
        guard let members = body["members"]?.array, members.count == 1, let memberID = members[0]["id"]?.string, !memberID.isEmpty
        else { return .error(400, "BadArgument", "Exactly one member is required.") }
        guard body["tenantId"]?.string ?? body["channelData"]?["tenant"]?["id"]?.string != nil else {
            return .error(400, "BadArgument", "Tenant ID is required.")
        }
        guard roster.isEmpty || member(memberID) != nil else {
            return .error(400, "BadArgument", "The member is not known in this tenant.")
        }
        return .reply(status: 201, json: .object(["id": .string(TeamsActivityFixtures.personalConversationID(for: memberID))]))
    }

    /// By `29:` id, or by Entra object id (Teams accepts both).
    private func member(_ key: String) -> FakeTeamsMember? {
        roster.first { $0.id == key } ?? roster.first { $0.aadObjectId.lowercased() == key.lowercased() }
    }

    private func pagedMembers(_ query: [String: String]) -> FakeBotFrameworkAnswer {
        let pageSize = min(500, max(1, query["pageSize"].flatMap { Int($0) } ?? 200))
        var start = 0
        if let token = query["continuationToken"], !token.isEmpty {
            guard token.hasPrefix("fake-ct-"), let offset = Int(token.dropFirst("fake-ct-".count)), (0...roster.count).contains(offset)
            else { return .error(400, "BadArgument", "Invalid continuation token.") }
            start = offset
        }
        let end = min(roster.count, start + pageSize)
        var page: [String: SlackJSONValue] = ["members": .array(roster[start..<end].map(\.json))]
        if end < roster.count { page["continuationToken"] = .string("fake-ct-\(end)") }
        return .reply(status: 200, json: .object(page))
    }

    static func answer(for failure: FakeConnectorFailure) -> FakeBotFrameworkAnswer {
        switch failure {
        case .throttled(let retryAfter):
            return .error(429, "TooManyRequests", "Too many requests.", retryAfter: retryAfter)
        case .status(let status, let retryAfter):
            return .error(status, code(for: status), "Injected failure.", retryAfter: retryAfter)
        case .forbidden(let subCode):
            return .error(403, "Forbidden", "The bot is not allowed to send messages to this conversation.", subCode: subCode)
        case .dropConnection:
            return .drop
        }
    }

    private static func code(for status: Int) -> String {
        switch status {
        case 400: "BadArgument"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 412: "PreconditionFailed"
        case 413: "MessageSizeTooBig"
        case 429: "TooManyRequests"
        case 502: "BadGateway"
        case 503: "ServiceUnavailable"
        case 504: "GatewayTimeout"
        default: "ServiceError"
        }
    }
}

/// An answer carried through a `Result`.
struct FakeBotFrameworkError: Error {
    let answer: FakeBotFrameworkAnswer

    init(_ answer: FakeBotFrameworkAnswer) { self.answer = answer }
}
