import SlackAdapter

/// Bodies shaped like the ones Slack sends (protocols.md §1.2–1.4), for tests and the
/// benchmark. Sign them with `SlackSigner`.
public enum SlackPayloadFixtures {
    public static let teamID = "T0001AAAA"
    public static let appID = "A0001DDDD"

    /// A `/access` slash command form body.
    public static func slashCommand(
        text: String, userID: String = "U0001CCCC", channelID: String = "C0001BBBB", command: String = "/access",
        triggerID: String = "1111.2222.abcdef", responseURL: String = "https://hooks.slack.com/commands/T0001AAAA/1111/abc123"
    ) -> [UInt8] {
        FormURLEncoder.encode([
            ("token", "legacy-ignored"), ("team_id", teamID), ("team_domain", "acme"), ("channel_id", channelID),
            ("channel_name", "ops"), ("user_id", userID), ("user_name", "someone"), ("command", command), ("text", text),
            ("api_app_id", appID), ("is_enterprise_install", "false"), ("response_url", responseURL), ("trigger_id", triggerID),
        ])
    }

    /// Where a clicked button was.
    public enum Container: Sendable {
        case message(channel: String, ts: String, isEphemeral: Bool = false)
        case view(id: String, type: String)
    }

    /// A `block_actions` interaction body (`payload=` + JSON).
    public static func blockActions(
        actionID: String, value: String? = nil, selectedOption: String? = nil, userID: String = "U0002EEEE",
        container: Container = .message(channel: "C0001BBBB", ts: "1700000000.000100"), triggerID: String = "3333.4444.fedcba",
        responseURL: String = "https://hooks.slack.com/actions/T0001AAAA/5555/xyz789"
    ) -> [UInt8] {
        var action: [String: SlackJSONValue] = [
            "action_id": .string(actionID), "block_id": .string("block"), "type": .string("button"),
            "action_ts": .string("1700000005.123456"),
        ]
        if let value { action["value"] = .string(value) }
        if let selectedOption { action["selected_option"] = .object(["value": .string(selectedOption)]) }
        var payload: [String: SlackJSONValue] = [
            "type": .string("block_actions"),
            "user": .object(["id": .string(userID), "username": .string("someone"), "team_id": .string(teamID)]),
            "api_app_id": .string(appID), "token": .string("legacy-ignored"), "trigger_id": .string(triggerID),
            "team": .object(["id": .string(teamID), "domain": .string("acme")]), "response_url": .string(responseURL),
            "actions": .array([.object(action)]),
        ]
        switch container {
        case .message(let channel, let ts, let isEphemeral):
            payload["container"] = .object([
                "type": .string("message"), "message_ts": .string(ts), "channel_id": .string(channel),
                "is_ephemeral": .bool(isEphemeral),
            ])
            payload["channel"] = .object(["id": .string(channel)])
        case .view(let id, let type):
            payload["container"] = .object(["type": .string("view"), "view_id": .string(id)])
            payload["view"] = .object(["id": .string(id), "type": .string(type), "hash": .string("hash-1")])
        }
        return form(payload: .object(payload))
    }

    /// A typed or chosen value of a modal input.
    public enum InputValue: Sendable {
        case text(String)
        case option(String)
    }

    /// A `view_submission` body; `values` are keyed by input id (block id and action id alike).
    public static func viewSubmission(
        callbackID: String, privateMetadata: String, values: [String: InputValue], userID: String = "U0002EEEE",
        viewID: String = "V0001MODAL"
    ) -> [UInt8] {
        var state: [String: SlackJSONValue] = [:]
        for (id, value) in values {
            let entry: SlackJSONValue =
                switch value {
                case .text(let text): .object(["type": .string("plain_text_input"), "value": .string(text)])
                case .option(let option):
                    .object(["type": .string("static_select"), "selected_option": .object(["value": .string(option)])])
                }
            state[id] = .object([id: entry])
        }
        let payload: SlackJSONValue = .object([
            "type": .string("view_submission"),
            "user": .object(["id": .string(userID), "username": .string("someone"), "team_id": .string(teamID)]),
            "team": .object(["id": .string(teamID)]), "api_app_id": .string(appID), "trigger_id": .string("5555.6666.abcdef"),
            "view": .object([
                "id": .string(viewID), "type": .string("modal"), "callback_id": .string(callbackID),
                "private_metadata": .string(privateMetadata), "hash": .string("hash-1"),
                "state": .object(["values": .object(state)]),
            ]),
            "response_urls": .array([]),
        ])
        return form(payload: payload)
    }

    /// The Events API handshake body.
    public static func urlVerification(challenge: String) -> [UInt8] {
        SlackJSONValue.object([
            "token": .string("legacy-ignored"), "challenge": .string(challenge), "type": .string("url_verification"),
        ]).bytes
    }

    /// An `app_home_opened` event delivery.
    public static func appHomeOpened(userID: String, eventID: String = "Ev0001", tab: String = "home") -> [UInt8] {
        SlackJSONValue.object([
            "token": .string("legacy-ignored"), "team_id": .string(teamID), "api_app_id": .string(appID),
            "event": .object([
                "type": .string("app_home_opened"), "user": .string(userID), "channel": .string("D0001XXXX"), "tab": .string(tab),
                "event_ts": .string("1700000010.000200"),
            ]),
            "type": .string("event_callback"), "event_id": .string(eventID), "event_time": .number(1_700_000_010),
        ]).bytes
    }

    private static func form(payload: SlackJSONValue) -> [UInt8] {
        FormURLEncoder.encode([("payload", String(decoding: payload.bytes, as: UTF8.self))])
    }
}
