/// The `Encoder` that `StreamingJSONEncoder` hands to each value: it sits at one position of
/// the output and opens at most one container there. Coding paths are not tracked (they would
/// cost an array per value); the only error this encoder throws, a non-finite number, names
/// the value instead.
struct JSONStreamEncoder: Encoder {
    let writer: JSONByteWriter
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The container this value opened, if any (a second request for one returns the same).
    private let opened: OpenedContainer

    init(writer: JSONByteWriter, codingPath: [any CodingKey]) {
        self.writer = writer
        self.codingPath = codingPath
        self.opened = OpenedContainer()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedContainer<Key>(writer: writer, index: opened.index(writer, object: true), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(writer: writer, index: opened.index(writer, object: false), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(writer: writer, codingPath: codingPath)
    }
}

/// Remembers the container one encoder opened.
final class OpenedContainer {
    private var opened: Int?

    func index(_ writer: JSONByteWriter, object: Bool) -> Int {
        if let opened { return opened }
        writer.openContainer(object: object)
        opened = writer.depth - 1
        return writer.depth - 1
    }
}

/// A key used for array positions and `super`.
struct JSONIndexKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONByteWriter
    /// This container's place in the writer's stack of open containers.
    let index: Int
    let codingPath: [any CodingKey]

    private func start(_ key: any CodingKey) {
        writer.startElement(in: index)
        writer.writeKey(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        start(key)
        writer.writeLiteral("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        start(key)
        try writer.write(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<
        NestedKey
    > {
        start(key)
        writer.openContainer(object: true)
        return KeyedEncodingContainer(
            JSONKeyedContainer<NestedKey>(writer: writer, index: writer.depth - 1, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        start(key)
        writer.openContainer(object: false)
        return JSONUnkeyedContainer(writer: writer, index: writer.depth - 1, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: JSONIndexKey(stringValue: "super")) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(forKey: key as any CodingKey) }

    private func superEncoder(forKey key: any CodingKey) -> any Encoder {
        start(key)
        return JSONStreamEncoder(writer: writer, codingPath: codingPath)
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONByteWriter
    let index: Int
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(writer: JSONByteWriter, index: Int, codingPath: [any CodingKey]) {
        self.writer = writer
        self.index = index
        self.codingPath = codingPath
    }

    private mutating func start() -> any CodingKey {
        writer.startElement(in: index)
        count += 1
        return JSONIndexKey(intValue: count - 1)
    }

    mutating func encodeNil() throws {
        _ = start()
        writer.writeLiteral("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        _ = start()
        try writer.write(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        _ = start()
        writer.openContainer(object: true)
        return KeyedEncodingContainer(
            JSONKeyedContainer<NestedKey>(writer: writer, index: writer.depth - 1, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        _ = start()
        writer.openContainer(object: false)
        return JSONUnkeyedContainer(writer: writer, index: writer.depth - 1, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        _ = start()
        return JSONStreamEncoder(writer: writer, codingPath: codingPath)
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let writer: JSONByteWriter
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { writer.writeLiteral("null") }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.write(value, codingPath: codingPath)
    }
}
