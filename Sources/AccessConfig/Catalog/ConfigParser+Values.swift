import AccessCore
import Foundation
import Yams

/// Typed readers for single values. Each reports a wrong type or a bad value at the value's place
/// and returns nil, so parsing goes on and every mistake is found in one pass.
extension ConfigParser {
    /// A non-empty piece of text, trimmed.
    mutating func text(_ node: Node, what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("\(what) should be text, found \(node.kindDescription)", at: Place(node))
            return nil
        }
        let value = node.isNull ? "" : scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            error("\(what) is empty", at: Place(node))
            return nil
        }
        return value
    }

    /// An id people type in chat: letters, digits, `-`, `_` and `.`, at most 64 characters.
    mutating func identifier<Tag>(_ node: Node, what: String) -> Located<Identifier<Tag>>? {
        guard let value = text(node, what: what) else { return nil }
        let allowed = value.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0))
        }
        guard allowed, value.count <= 64 else {
            let slug = value.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
            error(
                "\(what) is '\(value)', which is not a valid id", at: Place(node),
                hint: "ids are typed in chat: use up to 64 letters, digits, '-', '_' or '.', e.g. '\(slug.isEmpty ? "my-id" : slug)'")
            return nil
        }
        return Located(value: Identifier(value), place: Place(node))
    }

    /// A person by directory email or login, lower-cased.
    mutating func person(_ node: Node, what: String) -> Located<UserID>? {
        guard let value = text(node, what: what) else { return nil }
        guard !value.contains(where: \.isWhitespace), value.count <= 254 else {
            error(
                "\(what) is '\(value)', which is not an email or login", at: Place(node),
                hint: "write the person's directory email, e.g. alice@example.com")
            return nil
        }
        return Located(value: UserID(email: value), place: Place(node))
    }

    /// A YAML list; `example` shows the expected shape in the hint.
    mutating func sequence(_ node: Node, what: String, example: String) -> [Node]? {
        guard case .sequence(let items) = node else {
            error("\(what) should be a list, found \(node.kindDescription)", at: Place(node), hint: "write \(example)")
            return nil
        }
        return Array(items)
    }

    /// A list of people, e.g. `members: [carol@example.com, dave@example.com]`.
    mutating func people(_ node: Node, what: String) -> [Located<UserID>] {
        guard let items = sequence(node, what: what, example: "[alice@example.com, bob@example.com]") else { return [] }
        return items.compactMap { person($0, what: "an entry of \(what)") }
    }

    /// A whole number written plainly, e.g. `count: 2`.
    mutating func integer(_ node: Node, what: String) -> Located<Int>? {
        guard case .scalar(let scalar) = node, !node.isNull, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            error("\(what) should be a whole number, found \(node.kindDescription)", at: Place(node))
            return nil
        }
        return Located(value: value, place: Place(node))
    }

    /// `true`/`false` (also `yes`/`no`).
    mutating func boolean(_ node: Node, what: String) -> Bool? {
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        error("\(what) should be true or false, found \(node.kindDescription)", at: Place(node))
        return nil
    }

    /// A duration such as `30s`, `15m`, `4h` or `2d`.
    mutating func duration(_ node: Node, what: String) -> Located<TimeSpan>? {
        guard let value = text(node, what: what) else { return nil }
        guard let span = TimeSpan(parsing: value) else {
            error("\(what) is '\(value)', which is not a duration", at: Place(node), hint: Self.durationHint)
            return nil
        }
        return Located(value: span, place: Place(node))
    }

    static let durationHint = "write a positive number and a unit: 30s, 15m, 4h, 2d or 1w (at most ten years)"

    /// `{ slack: C0123 }`, `{ teams: "<conversation id>" }` or both.
    mutating func channel(_ node: Node, context: String) -> ChannelRef? {
        let hint = "write { slack: C0123ABCD } or { teams: \"<conversation id>\" }, or both"
        guard let fields = fields(of: node, context: context, allowed: ["slack", "teams"]) else { return nil }
        let slack = fields["slack"].flatMap { text($0, what: fields.what("slack")) }
        let teams = fields["teams"].flatMap { text($0, what: fields.what("teams")) }
        let channel = ChannelRef(slack: slack, teams: teams)
        guard !channel.isEmpty else {
            if !fields.has("slack"), !fields.has("teams") { error("\(context) names no channel", at: fields.place, hint: hint) }
            return nil
        }
        return channel
    }
}
