extension FakeSlackState {
    func postMessage(_ body: SlackJSONValue) -> FakeSlackReply {
        guard let target = body["channel"]?.string, !target.isEmpty else { return .error("channel_not_found") }
        let channel: String
        if target.hasPrefix("U") || target.hasPrefix("W") {
            guard users[target] != nil else { return .error("channel_not_found") }
            channel = Self.dmChannel(for: target)
        } else if target.hasPrefix("C") || target.hasPrefix("G") || target.hasPrefix("D") {
            channel = target
        } else {
            return .error("channel_not_found")
        }
        if let problem = checkContent(body) { return problem }
        let ts = nextTS()
        let message = FakeSlackMessage(
            channel: channel, ts: ts, text: body["text"]?.string ?? "", blocks: body["blocks"] ?? .array([]),
            threadTS: body["thread_ts"]?.string, updates: 0)
        messages[channel, default: []].append(message)
        return .ok([
            "channel": .string(channel), "ts": .string(ts),
            "message": .object(["text": .string(message.text), "blocks": message.blocks, "ts": .string(ts)]),
        ])
    }

    func update(_ body: SlackJSONValue) -> FakeSlackReply {
        guard let channel = body["channel"]?.string, let ts = body["ts"]?.string else { return .error("invalid_arguments") }
        guard let list = messages[channel] else { return .error("channel_not_found") }
        guard let index = list.firstIndex(where: { $0.ts == ts }) else { return .error("message_not_found") }
        if let problem = checkContent(body) { return problem }
        var message = list[index]
        message.text = body["text"]?.string ?? ""
        // As on Slack: without `blocks` the old blocks are dropped.
        message.blocks = body["blocks"] ?? .array([])
        message.updates += 1
        messages[channel]?[index] = message
        return .ok(["channel": .string(channel), "ts": .string(ts), "text": .string(message.text)])
    }

    func postEphemeral(_ body: SlackJSONValue) -> FakeSlackReply {
        guard let channel = body["channel"]?.string, !channel.isEmpty else { return .error("channel_not_found") }
        guard let user = body["user"]?.string, users[user] != nil else { return .error("user_not_found") }
        if let problem = checkContent(body) { return problem }
        return .ok(["message_ts": .string(nextTS())])
    }

    func openView(_ body: SlackJSONValue) -> FakeSlackReply {
        guard let trigger = body["trigger_id"]?.string, !trigger.isEmpty else { return .error("invalid_trigger_id") }
        guard let view = body["view"] else { return .error("invalid_arguments") }
        if let problem = checkView(view, surface: .modal) { return problem }
        let id = nextID(prefix: "V")
        let hash = nextTS() + ".hash"
        views[id] = (view, hash)
        return .ok(["view": .object(["id": .string(id), "hash": .string(hash), "type": .string("modal")])])
    }

    func updateView(_ body: SlackJSONValue) -> FakeSlackReply {
        guard let id = body["view_id"]?.string, let current = views[id] else { return .error("not_found") }
        if let hash = body["hash"]?.string, hash != current.hash { return .error("hash_conflict") }
        guard let view = body["view"] else { return .error("invalid_arguments") }
        if let problem = checkView(view, surface: .modal) { return problem }
        let hash = nextTS() + ".hash"
        views[id] = (view, hash)
        return .ok(["view": .object(["id": .string(id), "hash": .string(hash), "type": .string("modal")])])
    }

    func publish(_ body: SlackJSONValue) -> FakeSlackReply {
        guard let user = body["user_id"]?.string, users[user] != nil else { return .error("user_not_found") }
        guard let view = body["view"] else { return .error("invalid_arguments") }
        if let problem = checkView(view, surface: .home) { return problem }
        homes[user] = view
        return .ok(["view": .object(["id": .string(nextID(prefix: "V")), "type": .string("home")])])
    }

    func usersInfo(_ body: SlackJSONValue) -> FakeSlackReply {
        guard let id = body["user"]?.string, let user = users[id] else { return .error("user_not_found") }
        return .ok(["user": Self.json(user)])
    }

    func lookupByEmail(_ body: SlackJSONValue) -> FakeSlackReply {
        guard let email = body["email"]?.string?.lowercased(),
            let user = users.values.sorted(by: { $0.id < $1.id }).first(where: { $0.email?.lowercased() == email })
        else { return .error("users_not_found") }
        return .ok(["user": Self.json(user)])
    }

    func openConversation(_ body: SlackJSONValue) -> FakeSlackReply {
        let ids = (body["users"]?.string ?? "").split(separator: ",").map(String.init)
        guard !ids.isEmpty else { return .error("not_enough_users") }
        guard ids.count <= 8 else { return .error("too_many_users") }
        guard ids.allSatisfy({ users[$0] != nil }) else { return .error("user_not_found") }
        let channel = ids.count == 1 ? Self.dmChannel(for: ids[0]) : "G" + ids.joined().prefix(10)
        return .ok(["channel": .object(["id": .string(channel)])])
    }

    /// `text`/`blocks` checks shared by the chat methods.
    private func checkContent(_ body: SlackJSONValue) -> FakeSlackReply? {
        let text = body["text"]?.string ?? ""
        let blocks = body["blocks"]
        if text.isEmpty && (blocks?.array?.isEmpty ?? true) { return .error("no_text") }
        if FakeSlackValidator.length(text) > 40_000 { return .error("msg_too_long") }
        guard let blocks else { return nil }
        var validator = FakeSlackValidator(surface: .message)
        if let problem = validator.check(blocks: blocks) { return .error("invalid_blocks", messages: [problem]) }
        if FakeSlackValidator.totalText(blocks) > 13_000 { return .error("msg_blocks_too_long") }
        return nil
    }

    private func checkView(_ view: SlackJSONValue, surface: FakeSlackValidator.Surface) -> FakeSlackReply? {
        if view.bytes.count > 250_000 { return .error("view_too_large") }
        var validator = FakeSlackValidator(surface: surface)
        if let problem = validator.check(view: view) { return .error("invalid_arguments", messages: [problem]) }
        return nil
    }

    static func json(_ user: FakeSlackUser) -> SlackJSONValue {
        var profile: [String: SlackJSONValue] = ["real_name": user.realName.map(SlackJSONValue.string) ?? .string("")]
        if let email = user.email { profile["email"] = .string(email) }
        return .object([
            "id": .string(user.id), "team_id": .string(user.teamID), "name": .string(user.id.lowercased()),
            "real_name": user.realName.map(SlackJSONValue.string) ?? .null, "deleted": .bool(user.deleted),
            "is_bot": .bool(user.isBot), "profile": .object(profile),
        ])
    }
}
