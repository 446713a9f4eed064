import Foundation

/// Writes the `body` and `payload` JSON of the two types the store writes on every
/// transition, `AccessRequest` and `Effect`, straight into bytes, with no `Encoder`.
///
/// Even the streaming Codable encoder spent about 45 µs a create in Codable's machinery
/// (existential containers, dynamic casts, metadata look-ups) for 1 KB of JSON, and on the
/// group-commit path every writer waits for the slowest of them. The output is byte for
/// byte what the types' Codable conformances produce through `StreamingJSONEncoder` (keys
/// in declaration order, nil optionals left out, enum cases as `{"case":{"_0":…}}`, dates
/// as seconds since 2001), so `JSONDecoder` reads both alike; `StoredJSONWriterTests`
/// compares the two on every case. A type added to the stored model needs its `write` here.
struct StoredJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Set when a value has no JSON form (a non-finite time); the caller then takes the Codable path.
    private(set) var failed = false

    init() { bytes.reserveCapacity(1024) }

    /// The JSON text of `value`, or nil if it holds something JSON cannot say.
    static func encode(_ value: some StoredJSONWritable) -> String? {
        var writer = StoredJSONWriter()
        value.write(to: &writer)
        return writer.failed ? nil : String(decoding: writer.bytes, as: UTF8.self)
    }

    mutating func beginObject() { bytes.append(UInt8(ascii: "{")) }
    mutating func endObject() { bytes.append(UInt8(ascii: "}")) }
    mutating func beginArray() { bytes.append(UInt8(ascii: "[")) }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")) }

    /// `"name":`, after a comma unless it is the object's first key.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// Starts the next element of an array.
    mutating func element() { separate() }

    /// A comma unless the container was just opened (a value never ends in `{` or `[`).
    private mutating func separate() {
        if let last = bytes.last, last != UInt8(ascii: "{"), last != UInt8(ascii: "[") { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func string(_ text: String) { JSONByteWriter.appendString(text, to: &bytes) }

    mutating func integer(_ value: some BinaryInteger) { bytes.append(contentsOf: String(value).utf8) }

    /// How `Date`'s Codable conformance writes it: a double of seconds since 2001.
    mutating func date(_ date: Date) {
        let seconds = date.timeIntervalSinceReferenceDate
        guard seconds.isFinite else {
            failed = true
            return
        }
        // `description` is the shortest text that reads back as exactly this double, as in `JSONByteWriter`.
        bytes.append(contentsOf: seconds.description.utf8)
    }

    mutating func array<Element: StoredJSONWritable>(_ elements: [Element]) {
        beginArray()
        for element in elements {
            self.element()
            element.write(to: &self)
        }
        endArray()
    }

    /// `"name":value`.
    mutating func field(_ name: StaticString, _ value: some StoredJSONWritable) {
        key(name)
        value.write(to: &self)
    }

    /// `"name":value`, or nothing when `value` is nil (`encodeIfPresent`).
    mutating func field(_ name: StaticString, ifPresent value: (some StoredJSONWritable)?) {
        guard let value else { return }
        field(name, value)
    }

    mutating func field(_ name: StaticString, _ elements: [some StoredJSONWritable]) {
        key(name)
        array(elements)
    }

    /// An enum case with associated values: `{"name":{…}}`, the values written by `body`.
    mutating func enumCase(_ name: StaticString, _ body: (inout StoredJSONWriter) -> Void = { _ in }) {
        beginObject()
        key(name)
        beginObject()
        body(&self)
        endObject()
        endObject()
    }

    /// An enum case with one unlabelled value: `{"name":{"_0":value}}`.
    mutating func enumCase(_ name: StaticString, single value: some StoredJSONWritable) {
        enumCase(name) { $0.field("_0", value) }
    }
}

/// A type the store writes through `StoredJSONWriter`.
protocol StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter)
}

extension String: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) { writer.string(self) }
}

extension Int: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) { writer.integer(self) }
}

extension Date: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) { writer.date(self) }
}

/// Enums stored as their raw value (`RequestStatus`, `TimerKind`, …).
extension StoredJSONWritable where Self: RawRepresentable, RawValue == String {
    func write(to writer: inout StoredJSONWriter) { writer.string(rawValue) }
}
