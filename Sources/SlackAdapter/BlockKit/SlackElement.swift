/// An interactive Block Kit element.
public enum SlackElement: Codable, Hashable, Sendable {
    case button(Button)
    case staticSelect(StaticSelect)
    case plainTextInput(PlainTextInput)

    private enum TypeKey: String, CodingKey { case type }

    /// The element's `type` on the wire.
    public var type: String {
        switch self {
        case .button: "button"
        case .staticSelect: "static_select"
        case .plainTextInput: "plain_text_input"
        }
    }

    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        switch type {
        case "button": self = .button(try Button(from: decoder))
        case "static_select": self = .staticSelect(try StaticSelect(from: decoder))
        case "plain_text_input": self = .plainTextInput(try PlainTextInput(from: decoder))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown element \(type)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .button(let element): try element.encode(to: encoder)
        case .staticSelect(let element): try element.encode(to: encoder)
        case .plainTextInput(let element): try element.encode(to: encoder)
        }
    }
}

extension SlackElement {
    /// A button; its `value` comes back in the `block_actions` payload.
    public struct Button: Codable, Hashable, Sendable {
        /// `primary` is green, `danger` red; nil is the default look.
        public enum Style: String, Codable, Hashable, Sendable {
            case primary
            case danger
        }

        public var actionID: String
        public var text: SlackText
        public var value: String?
        public var style: Style?
        public var confirm: Confirm?
        enum CodingKeys: String, CodingKey {
            case text, value, style, confirm
            case actionID = "action_id"
        }
    }

    /// An "are you sure?" dialog before a button acts.
    public struct Confirm: Codable, Hashable, Sendable {
        public var title: SlackText
        public var text: SlackText
        public var confirm: SlackText
        public var deny: SlackText
        public var style: Button.Style?
    }

    /// A single choice from a fixed list.
    public struct StaticSelect: Codable, Hashable, Sendable {
        public var actionID: String
        public var placeholder: SlackText?
        public var options: [SlackOption]
        public var initialOption: SlackOption?
        enum CodingKeys: String, CodingKey {
            case placeholder, options
            case actionID = "action_id"
            case initialOption = "initial_option"
        }
    }

    /// A text field.
    public struct PlainTextInput: Codable, Hashable, Sendable {
        public var actionID: String
        public var placeholder: SlackText?
        public var initialValue: String?
        public var multiline: Bool?
        public var maxLength: Int?
        enum CodingKeys: String, CodingKey {
            case placeholder, multiline
            case actionID = "action_id"
            case initialValue = "initial_value"
            case maxLength = "max_length"
        }
    }
}
