import Foundation

/// Slack `mrkdwn` built from trusted markup and escaped user text, so a person's input
/// can never become a mention (`<!channel>`), a link or an entity. Cutting to a limit
/// never splits an escape (`&amp;`) or a piece of markup (`<@U123>`).
public struct Mrkdwn: Hashable, Sendable, ExpressibleByStringLiteral {
    private enum Piece: Hashable, Sendable {
        /// Markup written by this server: kept whole or dropped whole.
        case markup(String)
        /// Someone's text: escaped, and cut to `max` (escaped length) when given.
        case user(String, max: Int?)
    }

    private var pieces: [Piece] = []

    /// An empty text.
    public init() {}

    /// Trusted markup written in code (`"*Duration*\n"`).
    public init(stringLiteral value: String) { pieces = [.markup(value)] }

    /// Escaped user text.
    public static func text(_ text: String, max: Int? = nil) -> Mrkdwn {
        var result = Mrkdwn()
        result.append(text, max: max)
        return result
    }

    /// Trusted markup, such as a mention or a date this server formatted.
    public static func markup(_ markup: String) -> Mrkdwn {
        var result = Mrkdwn()
        result.appendMarkup(markup)
        return result
    }

    /// Appends user text, escaped; cut to `max` characters of escaped text when given.
    public mutating func append(_ text: String, max: Int? = nil) {
        if !text.isEmpty { pieces.append(.user(text, max: max)) }
    }

    /// Appends trusted markup.
    public mutating func appendMarkup(_ markup: String) {
        if !markup.isEmpty { pieces.append(.markup(markup)) }
    }

    /// Appends another text.
    public mutating func append(_ other: Mrkdwn) { pieces.append(contentsOf: other.pieces) }

    /// The two texts one after the other.
    public static func + (lhs: Mrkdwn, rhs: Mrkdwn) -> Mrkdwn {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// Joins texts with trusted markup between them.
    public static func joined(_ parts: [Mrkdwn], separator: String) -> Mrkdwn {
        var result = Mrkdwn()
        for (index, part) in parts.enumerated() {
            if index > 0 { result.appendMarkup(separator) }
            result.append(part)
        }
        return result
    }

    /// True when nothing was appended.
    public var isEmpty: Bool { pieces.isEmpty }

    /// The escaped text, at most `limit` long (ending in `…` when cut).
    public func rendered(limit: Int = .max) -> String {
        guard limit > 0 else { return "" }
        let full = render(budget: .max)
        if SlackLimits.length(full) <= limit { return full }
        return render(budget: max(0, limit - 1)) + "…"
    }

    /// The text up to `budget` units, stopping before the first piece that does not fit.
    private func render(budget: Int) -> String {
        var out = ""
        var used = 0
        for piece in pieces {
            switch piece {
            case .markup(let markup):
                let size = SlackLimits.length(markup)
                guard used + size <= budget else { return out }
                out += markup
                used += size
            case .user(let text, let max):
                var ownBudget = Int.max
                if let max, Self.escapedLength(of: text) > max { ownBudget = Swift.max(0, max - 1) }
                var ownUsed = 0
                var ownCut = false
                for character in text {
                    let escaped = Self.escape(character)
                    let size = SlackLimits.length(escaped)
                    if ownUsed + size > ownBudget {
                        ownCut = true
                        break
                    }
                    guard used + size <= budget else { return out }
                    out += escaped
                    used += size
                    ownUsed += size
                }
                if ownCut {
                    // Over its own limit: end this piece with an ellipsis and go on.
                    guard used + 1 <= budget else { return out }
                    out += "…"
                    used += 1
                }
            }
        }
        return out
    }

    private static func escapedLength(of text: String) -> Int {
        text.reduce(0) { $0 + SlackLimits.length(escape($1)) }
    }

    /// Slack's three control characters, as Slack asks them escaped.
    static func escape(_ character: Character) -> String {
        switch character {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        default: String(character)
        }
    }

    /// `text` with `&`, `<` and `>` escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text { out += escape(character) }
        return out
    }
}
