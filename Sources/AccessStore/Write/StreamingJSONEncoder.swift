/// A JSON encoder that writes bytes as values arrive, for the `body` and `payload` columns.
///
/// Foundation's `JSONEncoder` builds a tree of boxed values and dictionaries before writing
/// anything; for the store that was the largest single cost of a create (more than SQLite).
/// This one writes straight into a byte buffer and closes a container when the next key of
/// an outer container arrives or when the value that opened it has finished encoding, which
/// is how every synthesized `Codable` conformance behaves. Its output is plain JSON that
/// Foundation's `JSONDecoder` reads back to equal values: dates as seconds since 2001 (the
/// default strategy), keys in declaration order, non-finite numbers refused.
enum StreamingJSONEncoder {
    static func encode(_ value: some Encodable) throws -> String {
        let writer = JSONByteWriter()
        try writer.write(value, codingPath: [])
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// The shared state of one encoding: the bytes and the containers still open.
final class JSONByteWriter {
    var bytes: [UInt8] = []
    /// Open containers, outermost first: whether each has an element yet, and its closing byte.
    private var open: [(hasElement: Bool, close: UInt8)] = []

    init() { bytes.reserveCapacity(1024) }

    var depth: Int { open.count }

    /// Closes every container deeper than `depth`.
    func close(to depth: Int) {
        while open.count > depth { bytes.append(open.removeLast().close) }
    }

    /// Opens `{` or `[` for the value being written.
    func openContainer(object: Bool) {
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append((false, object ? UInt8(ascii: "}") : UInt8(ascii: "]")))
    }

    /// Starts the next element of the container at `index`: closes anything deeper, adds a comma.
    func startElement(in index: Int) {
        close(to: index + 1)
        if open[index].hasElement { bytes.append(UInt8(ascii: ",")) }
        open[index].hasElement = true
    }

    func writeKey(_ key: String) {
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Encodes a value at the current position; a value that wrote nothing becomes `{}`.
    func write(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        if let primitive = value as? any JSONPrimitive {
            try primitive.writeJSON(to: self, codingPath: codingPath)
            return
        }
        let start = bytes.count
        let base = depth
        try value.encode(to: JSONStreamEncoder(writer: self, codingPath: codingPath))
        close(to: base)
        if bytes.count == start { bytes.append(contentsOf: "{}".utf8) }
    }

    func writeString(_ text: String) { Self.appendString(text, to: &bytes) }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters
    /// escaped, all other UTF-8 as is.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var plain = 0
            for (index, byte) in utf8.enumerated() where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                bytes.append(contentsOf: utf8[plain..<index])
                plain = index + 1
                bytes.append(UInt8(ascii: "\\"))
                if byte >= 0x20 {
                    bytes.append(byte)
                } else {
                    bytes.append(contentsOf: "u00".utf8)
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: utf8[plain...])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    func writeNumber(_ value: Double, codingPath: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: codingPath, debugDescription: "JSON has no \(value)"))
        }
        // `description` is the shortest text that reads back as exactly this double.
        bytes.append(contentsOf: value.description.utf8)
    }

    func writeLiteral(_ text: String) { bytes.append(contentsOf: text.utf8) }
}

/// Values written without a container of their own.
protocol JSONPrimitive {
    func writeJSON(to writer: JSONByteWriter, codingPath: [any CodingKey]) throws
}

extension String: JSONPrimitive {
    func writeJSON(to writer: JSONByteWriter, codingPath: [any CodingKey]) { writer.writeString(self) }
}

extension Bool: JSONPrimitive {
    func writeJSON(to writer: JSONByteWriter, codingPath: [any CodingKey]) { writer.writeLiteral(self ? "true" : "false") }
}

extension Double: JSONPrimitive {
    func writeJSON(to writer: JSONByteWriter, codingPath: [any CodingKey]) throws { try writer.writeNumber(self, codingPath: codingPath) }
}

extension Float: JSONPrimitive {
    func writeJSON(to writer: JSONByteWriter, codingPath: [any CodingKey]) throws {
        guard isFinite else { return try writer.writeNumber(Double(self), codingPath: codingPath) }
        writer.writeLiteral(description)
    }
}

extension Int: JSONPrimitive {}
extension Int8: JSONPrimitive {}
extension Int16: JSONPrimitive {}
extension Int32: JSONPrimitive {}
extension Int64: JSONPrimitive {}
extension UInt: JSONPrimitive {}
extension UInt8: JSONPrimitive {}
extension UInt16: JSONPrimitive {}
extension UInt32: JSONPrimitive {}
extension UInt64: JSONPrimitive {}

extension JSONPrimitive where Self: BinaryInteger {
    func writeJSON(to writer: JSONByteWriter, codingPath: [any CodingKey]) { writer.writeLiteral(String(self)) }
}
