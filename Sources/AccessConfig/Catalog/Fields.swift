import AccessCore
import Yams

/// A mapping's entries by key, read once its unknown keys have been reported.
struct Fields {
    /// Where the mapping starts: missing keys are reported here.
    let place: Place
    /// How messages name the mapping, e.g. `request type 'github-admin'`.
    let context: String
    private let entries: [String: (key: Node, value: Node)]

    init(place: Place, context: String, entries: [String: (key: Node, value: Node)]) {
        self.place = place
        self.context = context
        self.entries = entries
    }

    /// True when the key is written, even with no value.
    func has(_ key: String) -> Bool { entries[key] != nil }

    /// The key's value; nil when the key is absent or has no value (`key:`, `~`, `null`).
    subscript(key: String) -> Node? {
        guard let value = entries[key]?.value, !value.isNull else { return nil }
        return value
    }

    /// Where the key itself is written (the mapping's start when it is absent).
    func keyPlace(_ key: String) -> Place {
        entries[key].map { Place($0.key) } ?? place
    }

    /// How messages name one field: `'members' of team 'it-ops'`.
    func what(_ key: String) -> String { "'\(key)' of \(context)" }
}

extension ConfigParser {
    /// Checks that `node` is a mapping, reports unknown keys (with a did-you-mean) and missing required
    /// keys, and returns the entries. Nil when the node is not a mapping at all.
    mutating func fields(
        of node: Node, context: String, allowed: [String], required: [(key: String, hint: String)] = []
    ) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(
                "\(context) should be a mapping of keys to values, found \(node.kindDescription)", at: Place(node),
                hint: "expected keys: \(allowed.joined(separator: ", "))")
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, !key.isNull else {
                error("\(context) has a key that is not a plain word (\(key.kindDescription))", at: Place(key))
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                reportUnknownKey(name, at: Place(key), context: context, allowed: allowed)
                continue
            }
            entries[name] = (key, value)
        }
        let fields = Fields(place: Place(node), context: context, entries: entries)
        for (key, hint) in required {
            if !fields.has(key) {
                error("missing required key '\(key)' in \(context)", at: fields.place, hint: hint)
            } else if fields[key] == nil {
                error("\(fields.what(key)) has no value", at: fields.keyPlace(key), hint: hint)
            }
        }
        return fields
    }

    private mutating func reportUnknownKey(_ name: String, at place: Place, context: String, allowed: [String]) {
        var message = "unknown key '\(name)' in \(context)"
        if name != "<<", let guess = Suggestions.closest(to: name, among: allowed.map { ($0, $0) }, limit: 1).first {
            message += " (did you mean '\(guess)'?)"
        }
        let hint =
            name == "<<"
            ? "YAML merge keys are not supported here; write the keys out"
            : "allowed keys here: \(allowed.joined(separator: ", "))"
        error(message, at: place, hint: hint)
    }

    /// How messages name the n-th element of a section before its id is known: `resource 'x'` or `resource #3`.
    func elementContext(_ node: Node, kind: String, index: Int, idKey: String = "id") -> String {
        if case .mapping(let mapping) = node, let id = mapping[idKey], case .scalar(let scalar) = id, !id.isNull {
            return "\(kind) '\(scalar.string)'"
        }
        return "\(kind) #\(index)"
    }
}
