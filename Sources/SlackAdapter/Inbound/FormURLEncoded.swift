import HTTPTransport

/// An `application/x-www-form-urlencoded` body, decoded properly: `+` is a space,
/// `%XX` are bytes, and the decoded bytes must be UTF-8. Duplicate names keep the first value.
public struct FormURLEncoded: Hashable, Sendable {
    /// The fields in body order.
    public let fields: [(name: String, value: String)]

    /// Parses a raw body. Throws on a bad `%` escape, on decoded bytes that are not UTF-8,
    /// and on a field without a name.
    public init(parsing body: [UInt8]) throws(SlackPayloadError) {
        var fields: [(name: String, value: String)] = []
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            guard !name.isEmpty else { throw .malformedForm }
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            fields.append((name, value))
        }
        self.fields = fields
    }

    /// The first value of a field, or nil.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The value of a field that must be present and not empty.
    public func required(_ name: String) throws(SlackPayloadError) -> String {
        guard let value = self[name], !value.isEmpty else { throw .missingField(name) }
        return value
    }

    public static func == (lhs: FormURLEncoded, rhs: FormURLEncoded) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }

    /// Percent-decodes one name or value.
    static func decode(_ raw: ArraySlice<UInt8>) throws(SlackPayloadError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
                index += 1
            case UInt8(ascii: "%"):
                guard raw.endIndex - index > 2, let high = hexValue(raw[index + 1]), let low = hexValue(raw[index + 2])
                else { throw .malformedForm }
                bytes.append(high << 4 | low)
                index += 3
            default:
                bytes.append(byte)
                index += 1
            }
        }
        guard let text = UTF8Text.validated(bytes) else { throw .invalidUTF8 }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

/// Encodes fields as `application/x-www-form-urlencoded` (for Web API calls and test fixtures).
public enum FormURLEncoder {
    /// `name=value&...`, escaping everything but RFC 3986 unreserved characters.
    public static func encode(_ fields: [(name: String, value: String)]) -> [UInt8] { PercentEncoding.form(fields) }
}
