/// The body of the HTTP 200 that answers an `adaptiveCard/action` invoke (protocols.md §2.4).
/// The HTTP status stays 200 whenever the invoke was handled; `statusCode` carries the outcome.
public struct InvokeResponse: Encodable, Hashable, Sendable {
    /// What the response carries.
    public enum Value: Hashable, Sendable {
        /// Replaces the card on the clicker's device.
        case card(AdaptiveCard)
        /// A short plain-text message; the card stays.
        case message(String)
        /// A failure with a code and a message.
        case error(code: String, message: String)
    }

    public var statusCode: Int
    /// `application/vnd.microsoft.card.adaptive`, `application/vnd.microsoft.activity.message`
    /// or `application/vnd.microsoft.error`.
    public var type: String
    public var value: Value

    /// Show this card in place of the one clicked (status 200).
    public static func card(_ card: AdaptiveCard) -> Self {
        InvokeResponse(statusCode: 200, type: OutgoingActivity.cardContentType, value: .card(card))
    }

    /// Show a short message and keep the card (status 200). Plain text, not markdown; cut to
    /// `TeamsLimits.invokeMessage`.
    public static func message(_ text: String) -> Self {
        InvokeResponse(
            statusCode: 200, type: "application/vnd.microsoft.activity.message",
            value: .message(TeamsMarkdown.plain(text, max: TeamsLimits.invokeMessage)))
    }

    /// An error (400 bad request, 500 unexpected); the message is plain text.
    public static func error(status: Int, code: String, message: String) -> Self {
        InvokeResponse(
            statusCode: status, type: "application/vnd.microsoft.error",
            value: .error(code: code, message: TeamsMarkdown.plain(message, max: TeamsLimits.invokeMessage)))
    }

    private enum CodingKeys: String, CodingKey { case statusCode, type, value }
    private enum ErrorKeys: String, CodingKey { case code, message }

    /// `{"statusCode":…,"type":…,"value":…}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(statusCode, forKey: .statusCode)
        try container.encode(type, forKey: .type)
        switch value {
        case .card(let card):
            try container.encode(card, forKey: .value)
        case .message(let text):
            try container.encode(text, forKey: .value)
        case .error(let code, let message):
            var error = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .value)
            try error.encode(code, forKey: .code)
            try error.encode(message, forKey: .message)
        }
    }

    /// The JSON body (`Content-Type: application/json`).
    public var jsonBody: [UInt8] { CardJSON.encode(self) }
}
