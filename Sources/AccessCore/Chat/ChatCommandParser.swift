/// Reads the text after `/access` (Slack) or a message to the bot (Teams).
public enum ChatCommandParser {
    /// The usage text both platforms show for `help` and for anything not understood.
    public static let usage = """
        *AccessBot* — ask for access from chat.
        • `request` — open the request form
        • `request RESOURCE [for DURATION] [because REASON]` — e.g. `request github-admins for 4h because incident 4411`
        • `status [ID]` — your open requests, or one request
        • `pending` — requests waiting on you
        • `cancel ID` — cancel your own pending request
        • `help` — this text
        """

    public static func parse(_ text: String) -> ChatIntent {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let verb = words.first?.lowercased() else { return .help }
        let rest = Array(words.dropFirst())
        switch verb {
        case "help", "-h", "--help", "?":
            return .help
        case "request", "req", "new":
            return rest.isEmpty ? .openRequestForm : parseQuickRequest(rest)
        case "status", "list", "mine":
            guard let first = rest.first else { return .status(nil) }
            guard let id = RequestID(typed: first) else { return .invalid("`\(first.prefix(64))` is not a request id.") }
            return .status(id)
        case "pending", "waiting", "approvals":
            return .pending
        case "cancel", "withdraw":
            guard let first = rest.first else { return .invalid("Which request? Write `cancel ID`.") }
            guard let id = RequestID(typed: first) else { return .invalid("`\(first.prefix(64))` is not a request id.") }
            return .cancel(id)
        default:
            return .invalid("I don't know `\(verb.prefix(64))`.")
        }
    }

    /// `RESOURCE [for DURATION] [because|reason|--reason REASON...]`, in either order after the resource.
    private static func parseQuickRequest(_ words: [String]) -> ChatIntent {
        let resource = words[0]
        var duration: TimeSpan?
        var reasonWords: [String] = []
        var index = 1
        while index < words.count {
            let word = words[index].lowercased()
            if word == "for", duration == nil, reasonWords.isEmpty {
                guard index + 1 < words.count else { return .invalid("`for` needs a duration such as 4h.") }
                // Accept `for 4h` and `for 4 hours`.
                var candidate = words[index + 1]
                var used = 2
                if TimeSpan(parsing: candidate) == nil, index + 2 < words.count,
                    TimeSpan(parsing: candidate + words[index + 2]) != nil
                {
                    candidate += words[index + 2]
                    used = 3
                }
                guard let parsed = TimeSpan(parsing: candidate) else {
                    return .invalid("`\(candidate.prefix(32))` is not a duration; write e.g. 30m, 4h or 2d.")
                }
                duration = parsed
                index += used
            } else if ["because", "reason", "--reason", "reason:"].contains(word), reasonWords.isEmpty {
                reasonWords = Array(words[(index + 1)...])
                index = words.count
            } else {
                // Words after the resource without a keyword are taken as the reason.
                reasonWords = Array(words[index...])
                index = words.count
            }
        }
        var reason = reasonWords.joined(separator: " ")
        if reason.count >= 2, let first = reason.first, let last = reason.last, "\"'“".contains(first), "\"'”".contains(last) {
            reason = String(reason.dropFirst().dropLast())
        }
        return .quickRequest(QuickRequest(resource: resource, duration: duration, reason: reason.isEmpty ? nil : reason))
    }
}
