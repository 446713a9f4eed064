import Foundation

/// A JSON value from an activity's `value` (card data merged with inputs). Kept as data so a
/// payload never reaches the core; `TeamsCardAction` turns it into typed actions.
public indirect enum TeamsValue: Decodable, Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case object([String: TeamsValue])
    case array([TeamsValue])
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([TeamsValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: TeamsValue].self))
        }
    }

    public subscript(key: String) -> TeamsValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// A string, or a whole number written as text (card data may carry either).
    public var text: String? {
        switch self {
        case .string(let value): value
        case .number(let value) where value == value.rounded() && abs(value) < 1e15: String(Int64(value))
        default: nil
        }
    }

    /// An integer, from a number or from digits in a string.
    public var integer: Int? {
        switch self {
        case .number(let value) where value == value.rounded() && abs(value) < 1e9: Int(value)
        case .string(let value): Int(value)
        default: nil
        }
    }

    /// The object's fields, or none.
    public var fields: [String: TeamsValue] {
        if case .object(let fields) = self { return fields }
        return [:]
    }
}
