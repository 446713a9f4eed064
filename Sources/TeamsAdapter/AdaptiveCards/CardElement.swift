/// One element of an Adaptive Card body. Encodes as the card JSON with its `type`
/// discriminator (`TextBlock`, `FactSet`, `Input.Text`, `Input.ChoiceSet`, `ActionSet`,
/// `Container`) and decodes the same shapes back.
public indirect enum CardElement: Codable, Hashable, Sendable {
    case textBlock(TextBlock)
    case factSet(FactSet)
    case inputText(InputText)
    case inputChoiceSet(InputChoiceSet)
    case actionSet(ActionSet)
    case container(Container)

    private enum TypeKey: String, CodingKey { case type }

    /// The element's `type` on the wire.
    public var type: String {
        switch self {
        case .textBlock: "TextBlock"
        case .factSet: "FactSet"
        case .inputText: "Input.Text"
        case .inputChoiceSet: "Input.ChoiceSet"
        case .actionSet: "ActionSet"
        case .container: "Container"
        }
    }

    /// Decodes an element by its `type`; unknown types fail.
    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        switch type {
        case "TextBlock": self = .textBlock(try TextBlock(from: decoder))
        case "FactSet": self = .factSet(try FactSet(from: decoder))
        case "Input.Text": self = .inputText(try InputText(from: decoder))
        case "Input.ChoiceSet": self = .inputChoiceSet(try InputChoiceSet(from: decoder))
        case "ActionSet": self = .actionSet(try ActionSet(from: decoder))
        case "Container": self = .container(try Container(from: decoder))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown element \(type)"))
        }
    }

    /// Encodes the element with its `type`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .textBlock(let element): try element.encode(to: encoder)
        case .factSet(let element): try element.encode(to: encoder)
        case .inputText(let element): try element.encode(to: encoder)
        case .inputChoiceSet(let element): try element.encode(to: encoder)
        case .actionSet(let element): try element.encode(to: encoder)
        case .container(let element): try element.encode(to: encoder)
        }
    }

    /// The input's `id`, for `Input.*` elements.
    public var inputID: String? {
        switch self {
        case .inputText(let input): input.id
        case .inputChoiceSet(let input): input.id
        default: nil
        }
    }
}
