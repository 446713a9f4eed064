import AccessCore

/// A slash command invocation (`POST /slack/commands`, protocols.md §1.2), decoded after
/// the signature check. `user_name` is deprecated by Slack: key on `userID`.
public struct SlashCommand: Hashable, Sendable {
    public var teamID: String
    public var channelID: String
    /// The invoking user (`U...` or `W...`).
    public var userID: String
    public var userName: String?
    /// The command as typed, e.g. `/access`.
    public var command: String
    /// Everything after the command; may be empty.
    public var text: String
    /// Where delayed replies go (5 uses, 30 minutes). A credential: never log it.
    public var responseURL: String?
    /// Opens a modal within 3 seconds, once.
    public var triggerID: String?
    /// The app the command was sent to, to compare with our own.
    public var apiAppID: String?
    public var enterpriseID: String?

    public init(
        teamID: String, channelID: String, userID: String, userName: String? = nil, command: String, text: String,
        responseURL: String? = nil, triggerID: String? = nil, apiAppID: String? = nil, enterpriseID: String? = nil
    ) {
        self.teamID = teamID
        self.channelID = channelID
        self.userID = userID
        self.userName = userName
        self.command = command
        self.text = text
        self.responseURL = responseURL
        self.triggerID = triggerID
        self.apiAppID = apiAppID
        self.enterpriseID = enterpriseID
    }

    /// Decodes a verified form body. Unknown extra fields are ignored.
    public static func decode(formBody body: [UInt8]) throws(SlackPayloadError) -> SlashCommand {
        let form = try FormURLEncoded(parsing: body)
        return SlashCommand(
            teamID: try form.required("team_id"), channelID: try form.required("channel_id"),
            userID: try form.required("user_id"), userName: form["user_name"].nonEmpty,
            command: try form.required("command"), text: form["text"] ?? "",
            responseURL: form["response_url"].nonEmpty, triggerID: form["trigger_id"].nonEmpty,
            apiAppID: form["api_app_id"].nonEmpty, enterpriseID: form["enterprise_id"].nonEmpty)
    }

    /// True for Slack's SSL check (`ssl_check=1`): answer an empty 200 and do nothing else.
    public static func isSSLCheck(formBody body: [UInt8]) -> Bool {
        (try? FormURLEncoded(parsing: body))?["ssl_check"] == "1"
    }

    /// What the person asked for, read by the shared command parser.
    public var intent: ChatIntent { ChatCommandParser.parse(text) }
}

extension Optional where Wrapped == String {
    /// Nil for nil and for the empty string.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
