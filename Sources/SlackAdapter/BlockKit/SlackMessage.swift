import Foundation

/// What a message says: the notification/fallback text and the blocks. Renderers return
/// this; the caller adds where it goes.
public struct SlackMessageContent: Codable, Hashable, Sendable {
    /// Shown in notifications and where blocks cannot be; mrkdwn, already escaped.
    public var text: String
    public var blocks: [SlackBlock]

    /// Cuts the text to 4000 and keeps at most 50 blocks.
    public init(text: String, blocks: [SlackBlock] = []) {
        self.text = SlackLimits.cut(text, to: SlackLimits.fallbackText)
        self.blocks = Array(blocks.prefix(SlackLimits.blocksPerMessage))
    }

    /// A text-only message from mrkdwn.
    public init(_ text: Mrkdwn) {
        self.init(text: text.rendered(limit: SlackLimits.fallbackText))
    }
}

/// A message for `chat.postMessage`.
public struct SlackMessage: Codable, Hashable, Sendable {
    /// A channel id (`C...`, `G...`, `D...`) or a user id (`U...`: the app's DM with them).
    public var channel: String
    public var text: String
    public var blocks: [SlackBlock]
    public var threadTS: String?

    enum CodingKeys: String, CodingKey {
        case channel, text, blocks
        case threadTS = "thread_ts"
    }

    public init(channel: String, content: SlackMessageContent, threadTS: String? = nil) {
        self.channel = channel
        self.text = content.text
        self.blocks = content.blocks
        self.threadTS = threadTS
    }

    /// The text and blocks.
    public var content: SlackMessageContent { SlackMessageContent(text: text, blocks: blocks) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        channel = try container.decode(String.self, forKey: .channel)
        text = try container.decodeIfPresent(String.self, forKey: .text) ?? ""
        blocks = try container.decodeIfPresent([SlackBlock].self, forKey: .blocks) ?? []
        threadTS = try container.decodeIfPresent(String.self, forKey: .threadTS)
    }

    /// Leaves out an empty `blocks`: a text-only message has none.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(channel, forKey: .channel)
        try container.encode(text, forKey: .text)
        if !blocks.isEmpty { try container.encode(blocks, forKey: .blocks) }
        try container.encodeIfPresent(threadTS, forKey: .threadTS)
    }
}

/// A reply through an HTTP response (slash command) or a `response_url` (protocols.md §1.2).
public struct SlackResponseMessage: Codable, Hashable, Sendable {
    /// Who sees it.
    public enum ResponseType: String, Codable, Hashable, Sendable {
        /// Only the person who acted.
        case ephemeral
        /// Everyone in the channel.
        case inChannel = "in_channel"
    }

    public var responseType: ResponseType?
    public var text: String
    public var blocks: [SlackBlock]?
    /// Overwrite the message that carried the button (works for ephemeral ones too).
    public var replaceOriginal: Bool?
    public var deleteOriginal: Bool?

    enum CodingKeys: String, CodingKey {
        case text, blocks
        case responseType = "response_type"
        case replaceOriginal = "replace_original"
        case deleteOriginal = "delete_original"
    }

    public init(
        responseType: ResponseType? = .ephemeral, content: SlackMessageContent, replaceOriginal: Bool? = nil,
        deleteOriginal: Bool? = nil
    ) {
        self.responseType = responseType
        self.text = content.text
        self.blocks = content.blocks.isEmpty ? nil : content.blocks
        self.replaceOriginal = replaceOriginal
        self.deleteOriginal = deleteOriginal
    }

    /// An ephemeral reply.
    public static func ephemeral(_ content: SlackMessageContent) -> SlackResponseMessage {
        SlackResponseMessage(responseType: .ephemeral, content: content, replaceOriginal: false)
    }

    /// The JSON body (`Content-Type: application/json`).
    public var jsonBody: [UInt8] { SlackJSON.encode(self) }
}

/// JSON encoding for bodies sent to Slack.
enum SlackJSON {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        // Our bodies hold only strings, numbers, booleans and arrays: encoding cannot fail.
        return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }
}
