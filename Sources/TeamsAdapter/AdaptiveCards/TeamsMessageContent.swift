/// What a message says: Teams markdown text, or a card. Renderers return this; the caller
/// decides where it goes. With a card, `text` is a one-line summary of it (the connector
/// sends the card alone: see `OutgoingActivity`).
public struct TeamsMessageContent: Hashable, Sendable {
    /// Teams markdown, already escaped, at most `TeamsLimits.messageText` long.
    public var text: String
    /// The card, when the content is one.
    public var card: AdaptiveCard?

    /// Cuts `text` to `TeamsLimits.messageText`, never leaving half an escape.
    public init(text: String, card: AdaptiveCard? = nil) {
        self.text = TeamsMarkdown.cutMarkdown(text, to: TeamsLimits.messageText)
        self.card = card
    }
}
