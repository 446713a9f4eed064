/// A Block Kit layout block. Encodes as Slack's JSON (`{"type":"section",...}`); build
/// blocks with the factories in `SlackBlock+Factories.swift`, which apply Slack's limits.
public enum SlackBlock: Codable, Hashable, Sendable {
    case header(Header)
    case section(Section)
    case context(Context)
    case actions(Actions)
    case divider(Divider)
    case input(Input)

    private enum TypeKey: String, CodingKey { case type }

    /// The block's `type` on the wire.
    public var type: String {
        switch self {
        case .header: "header"
        case .section: "section"
        case .context: "context"
        case .actions: "actions"
        case .divider: "divider"
        case .input: "input"
        }
    }

    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        switch type {
        case "header": self = .header(try Header(from: decoder))
        case "section": self = .section(try Section(from: decoder))
        case "context": self = .context(try Context(from: decoder))
        case "actions": self = .actions(try Actions(from: decoder))
        case "divider": self = .divider(try Divider(from: decoder))
        case "input": self = .input(try Input(from: decoder))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown block \(type)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .header(let block): try block.encode(to: encoder)
        case .section(let block): try block.encode(to: encoder)
        case .context(let block): try block.encode(to: encoder)
        case .actions(let block): try block.encode(to: encoder)
        case .divider(let block): try block.encode(to: encoder)
        case .input(let block): try block.encode(to: encoder)
        }
    }
}

extension SlackBlock {
    /// A large plain-text title.
    public struct Header: Codable, Hashable, Sendable {
        public var text: SlackText
        public var blockID: String?
        enum CodingKeys: String, CodingKey {
            case text
            case blockID = "block_id"
        }
    }

    /// Text, up to ten two-column fields, and an optional element beside them.
    public struct Section: Codable, Hashable, Sendable {
        public var text: SlackText?
        public var fields: [SlackText]?
        public var accessory: SlackElement?
        public var blockID: String?
        enum CodingKeys: String, CodingKey {
            case text, fields, accessory
            case blockID = "block_id"
        }
    }

    /// Small grey text.
    public struct Context: Codable, Hashable, Sendable {
        public var elements: [SlackText]
        public var blockID: String?
        enum CodingKeys: String, CodingKey {
            case elements
            case blockID = "block_id"
        }
    }

    /// A row of interactive elements.
    public struct Actions: Codable, Hashable, Sendable {
        public var elements: [SlackElement]
        public var blockID: String?
        enum CodingKeys: String, CodingKey {
            case elements
            case blockID = "block_id"
        }
    }

    /// A horizontal rule.
    public struct Divider: Codable, Hashable, Sendable {
        public var blockID: String?
        enum CodingKeys: String, CodingKey {
            case blockID = "block_id"
        }
    }

    /// A labelled input of a modal; its value arrives in `view.state.values[blockID][actionID]`.
    public struct Input: Codable, Hashable, Sendable {
        public var label: SlackText
        public var element: SlackElement
        public var blockID: String?
        public var optional: Bool?
        public var hint: SlackText?
        /// Send a `block_actions` payload when the element changes.
        public var dispatchAction: Bool?
        enum CodingKeys: String, CodingKey {
            case label, element, optional, hint
            case blockID = "block_id"
            case dispatchAction = "dispatch_action"
        }
    }
}
