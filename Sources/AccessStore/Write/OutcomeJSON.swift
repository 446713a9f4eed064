import AccessCore
import Foundation

/// The JSON an outcome stores: the request's `body` and one `payload` per outbox effect.
///
/// All of it is encoded in one `JSONEncoder` call (an array of the request and the effects)
/// and the array cut into its elements: each element is byte for byte what encoding the
/// value alone gives, and one call instead of five saves most of the encoder's fixed cost.
enum OutcomeJSON {
    private enum Item: Encodable {
        case request(AccessRequest)
        case effect(Effect)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .request(let request): try container.encode(request)
            case .effect(let effect): try container.encode(effect)
            }
        }
    }

    /// The request's JSON and each effect's JSON, in order.
    static func encode(_ request: AccessRequest, effects: [Effect]) throws -> (request: String, effects: [String]) {
        let items = [Item.request(request)] + effects.map(Item.effect)
        let data = try JSONEncoder().encode(items)
        if let parts = elements(of: data), parts.count == items.count {
            return (parts[0], Array(parts.dropFirst()))
        }
        // Never expected: fall back to one call per value.
        return (try StoredJSON.encode(request), try effects.map { try StoredJSON.encode($0) })
    }

    /// The top-level elements of a JSON array, as text; nil if `data` is not an array.
    static func elements(of data: Data) -> [String]? {
        let bytes = [UInt8](data)
        guard bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else { return nil }
        var parts: [String] = []
        var depth = 0
        var inString = false
        var escaped = false
        var start = 1
        for index in 1..<(bytes.count - 1) {
            let byte = bytes[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                start = index + 1
            default: break
            }
        }
        guard depth == 0, !inString, start < bytes.count - 1 else { return nil }
        parts.append(String(decoding: bytes[start..<(bytes.count - 1)], as: UTF8.self))
        return parts
    }
}
