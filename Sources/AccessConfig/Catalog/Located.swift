import Yams

/// A line and column in the config file; 0:0 means "the whole file".
struct Place: Hashable, Sendable {
    var line: Int
    var column: Int

    static let wholeFile = Place(line: 0, column: 0)
    static let start = Place(line: 1, column: 1)

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: Mark?) {
        self.init(line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    init(_ node: Node) {
        self.init(node.mark)
    }
}

/// A value read from the file, with where it was written, so later checks can point at it.
struct Located<Value> {
    var value: Value
    var place: Place
}

extension Located: Sendable where Value: Sendable {}

extension Node {
    /// How a person would name this kind of node in an error message.
    var kindDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if null != nil { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "..." : scalar.string
            return "'\(text)'"
        }
    }

    /// True for `~`, `null` and an empty plain value (`key:` with nothing after it).
    var isNull: Bool { null != nil }
}
