import Foundation

/// A JSON document as a typed tree, for the fake Slack API and test assertions
/// (no `[String: Any]`). Object key order is not kept.
public enum SlackJSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([SlackJSONValue])
    case object([String: SlackJSONValue])

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
        } else if let value = try? container.decode([SlackJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SlackJSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses JSON bytes; nil when they are not JSON.
    public static func parse(_ bytes: [UInt8]) -> SlackJSONValue? {
        try? JSONDecoder().decode(SlackJSONValue.self, from: Data(bytes))
    }

    /// The JSON text.
    public var bytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(self))) ?? Array("null".utf8)
    }

    /// A member of an object.
    public subscript(key: String) -> SlackJSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// An element of an array.
    public subscript(index: Int) -> SlackJSONValue? {
        if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var array: [SlackJSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var object: [String: SlackJSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Decodes the tree into a `Decodable` (e.g. `[SlackBlock]`).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(bytes))
    }

    /// Every `text` string anywhere below, for "does the card mention X" assertions.
    public var allTexts: [String] {
        switch self {
        case .object(let members):
            var found: [String] = []
            for key in members.keys.sorted() {
                if key == "text", let text = members[key]?.string { found.append(text) }
                found += members[key]?.allTexts ?? []
            }
            return found
        case .array(let elements): return elements.flatMap(\.allTexts)
        default: return []
        }
    }
}
