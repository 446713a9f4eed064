/// A message activity for the Bot Connector (send, reply or update; protocols.md §2.5):
/// either one Adaptive Card attachment or markdown text, never both, because Teams splits
/// text plus a card into two messages and the card's id to update it is lost.
public struct OutgoingActivity: Encodable, Hashable, Sendable {
    /// The attachment content type of an Adaptive Card.
    public static let cardContentType = "application/vnd.microsoft.card.adaptive"

    /// What the activity carries.
    public enum Body: Hashable, Sendable {
        /// A card with the plain-text summary Teams shows in notifications.
        case card(AdaptiveCard, summary: String)
        /// Teams markdown.
        case text(String)
    }

    public var body: Body

    /// A card message; `summary` is plain text, cut to `TeamsLimits.summary`.
    public static func card(_ card: AdaptiveCard, summary: String) -> Self {
        OutgoingActivity(body: .card(card, summary: TeamsMarkdown.plain(summary, max: TeamsLimits.summary)))
    }

    /// A markdown text message (already escaped), cut to `TeamsLimits.messageText`.
    public static func text(_ text: String) -> Self {
        OutgoingActivity(body: .text(TeamsMarkdown.cutMarkdown(text, to: TeamsLimits.messageText)))
    }

    /// The card when the content has one (with `summary`), else its text.
    public init(_ content: TeamsMessageContent, summary: String) {
        if let card = content.card {
            self = .card(card, summary: summary)
        } else {
            self = .text(content.text)
        }
    }

    private init(body: Body) { self.body = body }

    private enum CodingKeys: String, CodingKey { case type, summary, attachments, textFormat, text }
    private struct Attachment: Encodable {
        let contentType = OutgoingActivity.cardContentType
        let content: AdaptiveCard
    }

    /// `{"type":"message","summary":…,"attachments":[…]}` or `{"type":"message","textFormat":"markdown","text":…}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("message", forKey: .type)
        switch body {
        case .card(let card, let summary):
            try container.encode(summary, forKey: .summary)
            try container.encode([Attachment(content: card)], forKey: .attachments)
        case .text(let text):
            try container.encode("markdown", forKey: .textFormat)
            try container.encode(text, forKey: .text)
        }
    }

    /// The JSON body (`Content-Type: application/json; charset=utf-8`).
    public var jsonBody: [UInt8] { CardJSON.encode(self) }
}
