/// A Block Kit text object: `plain_text` or `mrkdwn`.
public struct SlackText: Codable, Hashable, Sendable {
    /// The text object type.
    public enum Kind: String, Codable, Hashable, Sendable {
        case plainText = "plain_text"
        case mrkdwn
    }

    public var type: Kind
    public var text: String
    /// `plain_text` only: render `:emoji:` codes.
    public var emoji: Bool?

    public init(type: Kind, text: String, emoji: Bool? = nil) {
        self.type = type
        self.text = text
        self.emoji = emoji
    }

    /// Plain text cut to `limit`; Slack shows it as is (no markup, no mentions).
    /// An empty text becomes `-`: Slack rejects empty text objects.
    public static func plain(_ text: String, limit: Int) -> SlackText {
        SlackText(type: .plainText, text: SlackLimits.cut(text.isEmpty ? "-" : text, to: limit), emoji: true)
    }

    /// Markup cut to `limit`, never inside an escape or a mention.
    public static func mrkdwn(_ text: Mrkdwn, limit: Int) -> SlackText {
        let rendered = text.rendered(limit: limit)
        return SlackText(type: .mrkdwn, text: rendered.isEmpty ? "-" : rendered)
    }
}

/// One choice of a select.
public struct SlackOption: Codable, Hashable, Sendable {
    public var text: SlackText
    public var value: String

    public init(text: SlackText, value: String) {
        self.text = text
        self.value = value
    }

    /// An option with its label cut to 75; nil when `value` is longer than Slack allows
    /// (cutting it would make it mean something else).
    public static func make(label: String, value: String) -> SlackOption? {
        guard !value.isEmpty, SlackLimits.length(value) <= SlackLimits.optionValue else { return nil }
        return SlackOption(text: .plain(label, limit: SlackLimits.optionText), value: value)
    }
}
