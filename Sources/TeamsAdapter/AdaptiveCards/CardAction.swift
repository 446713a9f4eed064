/// A card button. `Action.Execute` (Universal Actions) arrives as an `adaptiveCard/action`
/// invoke whose answer can replace the card; `Action.Submit` arrives as a message activity
/// with `data` in its `value` and serves as the fallback for clients without Universal Actions.
public enum CardAction: Codable, Hashable, Sendable {
    case execute(Execute)
    case submit(Submit)

    /// How a button looks.
    public enum Style: String, Codable, Hashable, Sendable {
        case `default`
        case positive
        case destructive
    }

    /// `Action.Execute`: the bot switches on `verb`; input values are merged into `data` under their ids.
    public struct Execute: Codable, Hashable, Sendable {
        public var title: String
        public var verb: String
        public var data: CardData
        public var style: Style?
        /// What older clients show instead.
        public var fallback: Submit?

        public init(title: String, verb: String, data: CardData, style: Style? = nil, fallback: Submit? = nil) {
            self.title = title
            self.verb = verb
            self.data = data
            self.style = style
            self.fallback = fallback
        }

        private enum CodingKeys: String, CodingKey { case title, verb, data, style, fallback }

        /// Decodes an `Action.Execute`; its fallback must be an `Action.Submit`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            title = try container.decode(String.self, forKey: .title)
            verb = try container.decode(String.self, forKey: .verb)
            data = try container.decodeIfPresent(CardData.self, forKey: .data) ?? CardData()
            style = try container.decodeIfPresent(Style.self, forKey: .style)
            if let action = try container.decodeIfPresent(CardAction.self, forKey: .fallback) {
                guard case .submit(let submit) = action else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .fallback, in: container, debugDescription: "fallback must be an Action.Submit")
                }
                fallback = submit
            }
        }

        /// Encodes the action; the fallback carries its own `type`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(title, forKey: .title)
            try container.encode(verb, forKey: .verb)
            try container.encode(data, forKey: .data)
            try container.encodeIfPresent(style, forKey: .style)
            try container.encodeIfPresent(fallback.map(CardAction.submit), forKey: .fallback)
        }
    }

    /// `Action.Submit`: `data` comes back in a message activity's `value`.
    public struct Submit: Codable, Hashable, Sendable {
        public var title: String
        public var data: CardData
        public var style: Style?

        public init(title: String, data: CardData, style: Style? = nil) {
            self.title = title
            self.data = data
            self.style = style
        }
    }

    private enum TypeKey: String, CodingKey { case type }

    /// The action's `type` on the wire.
    public var type: String {
        switch self {
        case .execute: "Action.Execute"
        case .submit: "Action.Submit"
        }
    }

    /// Decodes an action by its `type`; unknown types fail.
    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        switch type {
        case "Action.Execute": self = .execute(try Execute(from: decoder))
        case "Action.Submit": self = .submit(try Submit(from: decoder))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown action \(type)"))
        }
    }

    /// Encodes the action with its `type`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .execute(let action): try action.encode(to: encoder)
        case .submit(let action): try action.encode(to: encoder)
        }
    }
}
