/// The `data` of a card action: a flat JSON object of strings and integers, encoded as a
/// plain object (`{"requestId":"R-1","step":0}`). Teams merges input values into it.
public struct CardData: Codable, Hashable, Sendable, ExpressibleByDictionaryLiteral {
    /// One value: a string or an integer.
    public enum Value: Codable, Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case string(String)
        case int(Int)

        public init(stringLiteral value: String) { self = .string(value) }
        public init(integerLiteral value: Int) { self = .int(value) }

        /// Decodes an integer, else a string.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .int(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        /// Encodes a bare JSON string or number.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .int(let number): try container.encode(number)
            }
        }

        /// The string, when it is one.
        public var string: String? {
            if case .string(let text) = self { return text }
            return nil
        }

        /// The integer, when it is one.
        public var int: Int? {
            if case .int(let number) = self { return number }
            return nil
        }
    }

    /// The object's members.
    public var values: [String: Value]

    /// An object with these members (`[:]` for `{}`).
    public init(_ values: [String: Value] = [:]) { self.values = values }

    public init(dictionaryLiteral elements: (String, Value)...) {
        self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// A member.
    public subscript(key: String) -> Value? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// Decodes a JSON object of strings and integers.
    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: Value].self)
    }

    /// Encodes a plain JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
