import HTTPTransport

/// A posted message: store both to update it later.
public struct SlackPostedMessage: Hashable, Sendable {
    /// The channel id (`D...` for a DM even when posted to a user id).
    public var channel: String
    public var ts: String

    public init(channel: String, ts: String) {
        self.channel = channel
        self.ts = ts
    }
}

/// A Slack user as `users.info` and `users.lookupByEmail` describe them.
public struct SlackUserInfo: Hashable, Sendable {
    public var id: String
    public var teamID: String?
    /// Present with the `users:read.email` scope.
    public var email: String?
    public var realName: String?
    public var deleted: Bool
    public var isBot: Bool

    public init(
        id: String, teamID: String? = nil, email: String? = nil, realName: String? = nil, deleted: Bool = false, isBot: Bool = false
    ) {
        self.id = id
        self.teamID = teamID
        self.email = email
        self.realName = realName
        self.deleted = deleted
        self.isBot = isBot
    }
}

extension SlackWebAPI {
    /// `chat.postMessage`: posts to a channel, or to a user id (the app's DM with them).
    public func postMessage(_ message: SlackMessage) async throws(SlackAPIError) -> SlackPostedMessage {
        let response = try await call("chat.postMessage", json: message, as: Wire.Posted.self)
        return SlackPostedMessage(channel: response.channel, ts: response.ts)
    }

    /// `chat.update`: replaces the text and every block of a posted message (a DM needs its `D...` id).
    public func update(channel: String, ts: String, content: SlackMessageContent) async throws(SlackAPIError) {
        let body = Wire.Update(channel: channel, ts: ts, text: content.text, blocks: content.blocks)
        _ = try await call("chat.update", json: body, as: Empty.self)
    }

    /// `chat.postEphemeral`: a message only `user` sees, in a channel they are in. Returns its `message_ts`.
    @discardableResult
    public func postEphemeral(channel: String, user: String, content: SlackMessageContent) async throws(SlackAPIError) -> String? {
        let body = Wire.Ephemeral(channel: channel, user: user, text: content.text, blocks: content.blocks.isEmpty ? nil : content.blocks)
        return try await call("chat.postEphemeral", json: body, as: Wire.EphemeralPosted.self).messageTS
    }

    /// `views.open`: opens a modal; the trigger id is valid for 3 seconds, once.
    @discardableResult
    public func openView(triggerID: String, view: SlackView) async throws(SlackAPIError) -> SlackViewRef {
        let response = try await call("views.open", json: Wire.OpenView(triggerID: triggerID, view: view), as: Wire.ViewResponse.self)
        return SlackViewRef(id: response.view.id, hash: response.view.hash)
    }

    /// `views.update`: replaces an open modal (`hash` guards against a newer update).
    @discardableResult
    public func updateView(_ ref: SlackViewRef, view: SlackView) async throws(SlackAPIError) -> SlackViewRef {
        let body = Wire.UpdateView(viewID: ref.id, hash: ref.hash, view: view)
        let response = try await call("views.update", json: body, as: Wire.ViewResponse.self)
        return SlackViewRef(id: response.view.id, hash: response.view.hash)
    }

    /// `views.publish`: sets a person's App Home tab.
    public func publishHome(userID: String, view: SlackView) async throws(SlackAPIError) {
        _ = try await call("views.publish", json: Wire.Publish(userID: userID, view: view), as: Empty.self)
    }

    /// `users.info`: who a Slack user is (email needs `users:read.email`).
    public func usersInfo(userID: String) async throws(SlackAPIError) -> SlackUserInfo {
        try await call("users.info", form: [("user", userID)], as: Wire.UserResponse.self).user.info
    }

    /// `users.lookupByEmail`: the Slack user with this email; `.permanent(.usersNotFound)` if none.
    public func lookupByEmail(_ email: String) async throws(SlackAPIError) -> SlackUserInfo {
        try await call("users.lookupByEmail", form: [("email", email)], as: Wire.UserResponse.self).user.info
    }

    /// `conversations.open`: the DM channel id (`D...`) with one user, or a group DM with up to 8.
    public func openConversation(users: [String]) async throws(SlackAPIError) -> String {
        let response = try await call(
            "conversations.open", form: [("users", users.joined(separator: ",")), ("return_im", "false")],
            as: Wire.Conversation.self)
        return response.channel.id
    }

    /// Posts to an interaction's or a command's `response_url` (no token: the URL is the credential).
    public func respond(via responseURL: String, _ message: SlackResponseMessage) async throws(SlackAPIError) {
        guard responseURL.hasPrefix("https://") || responseURL.hasPrefix("http://") else { throw .permanent("invalid_url") }
        let request = HTTPRequest(
            method: .post, url: responseURL, headers: ["Content-Type": "application/json; charset=utf-8"], body: message.jsonBody,
            timeout: .seconds(10))
        let response = try await send(request)
        if (200..<300).contains(response.status) { return }
        if response.status == 429 { throw .rateLimited(retryAfter: Self.retryAfter(response)) }
        if response.status >= 500 { throw .transient(.httpStatus(response.status)) }
        // Slack answers e.g. 404 `expired_url` or `used_url` as a short text body.
        let text = UTF8Text.validated(response.body.prefix(64))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let isCode = !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) }
        throw .permanent(isCode ? SlackErrorCode(rawValue: text) : .unexpectedResponse)
    }
}
