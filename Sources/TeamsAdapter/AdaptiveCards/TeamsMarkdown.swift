/// Teams markdown (messages) and the Adaptive Card markdown subset (`TextBlock`, facts),
/// made safe for text people typed: it can never become a link, a mention, emphasis, a
/// heading, a list or a quote.
public enum TeamsMarkdown {
    /// Characters that mean something in Teams or CommonMark markdown, escaped anywhere.
    /// `\` itself comes first: an unescaped one would undo the escape after it.
    private static let special: Set<Character> = ["\\", "*", "_", "`", "[", "]", "(", ")", "#", ">", "<", "~", "|"]
    /// Characters that only mean something at the start of a line (lists, setext headings).
    private static let leading: Set<Character> = ["-", "+", "="]

    /// User text escaped for markdown: `\` before `\ * _ ` [ ] ( ) # > < ~ |`, before a leading
    /// `-`, `+` or `=` and the `.` of a leading `1.`; control characters and bidi overrides
    /// removed, tabs made spaces, line breaks kept. Cut first to `max` visible characters
    /// (UTF-16 units), ending in `…`, so the result may be up to twice as long.
    public static func escape(_ text: String, max: Int) -> String {
        escapeClean(TeamsLimits.cut(clean(text, keepNewlines: true), to: max), atLineStart: true)
    }

    /// Text for plain-text places (labels, choice titles, button titles, summaries): control
    /// characters removed, line breaks made spaces, cut to `max`. Not escaped: those places
    /// do not render markdown.
    public static func plain(_ text: String, max: Int) -> String {
        TeamsLimits.cut(clean(text, keepNewlines: false), to: max)
    }

    /// Text whose `` `code` `` spans (as in `WorkflowError` sentences, which quote what was
    /// typed) stay code spans in a message; everything outside them is escaped. Code spans
    /// render nothing inside, so this is as safe as `escape`.
    static func escapeKeepingCode(_ text: String, max: Int) -> String {
        let parts = TeamsLimits.cut(clean(text, keepNewlines: true), to: max).split(separator: "`", omittingEmptySubsequences: false)
        var out = ""
        for (index, part) in parts.enumerated() {
            let closed = index + 1 < parts.count
            if index % 2 == 1, closed, !part.isEmpty {
                out += "`" + part.map { $0 == "\n" ? " " : String($0) }.joined() + "`"
            } else {
                if index % 2 == 1 { out += "\\`" }
                out += escapeClean(String(part), atLineStart: out.isEmpty || out.hasSuffix("\n"))
                if index % 2 == 1, closed { out += "\\`" }
            }
        }
        return out
    }

    /// Markdown this server built, cut to `limit` without leaving a dangling `\` before the `…`.
    static func cutMarkdown(_ markdown: String, to limit: Int) -> String {
        guard TeamsLimits.length(markdown) > limit else { return markdown }
        var body = String(TeamsLimits.cut(markdown, to: limit).dropLast())
        if body.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1 { body.removeLast() }
        return body + "…"
    }

    /// Removes C0/C1 controls (except line breaks when kept), bidi overrides and isolates.
    private static func clean(_ text: String, keepNewlines: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasCR = false
        for scalar in text.unicodeScalars {
            defer { lastWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A:
                if !lastWasCR { scalars.append(keepNewlines ? "\n" : " ") }
            case 0x0D:
                scalars.append(keepNewlines ? "\n" : " ")
            case 0x09:
                scalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
                continue
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func escapeClean(_ text: String, atLineStart start: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var lineStart = start
        var leadingDigits = false
        for character in text {
            if character == "\n" {
                out.append(character)
                lineStart = true
                leadingDigits = false
                continue
            }
            // Leading spaces would make an indented code block; they carry no meaning here.
            if lineStart, character == " " { continue }
            if special.contains(character) || (lineStart && leading.contains(character)) || (leadingDigits && character == ".") {
                out.append("\\")
            }
            out.append(character)
            leadingDigits = (lineStart || leadingDigits) && character.isASCII && character.isNumber
            lineStart = false
        }
        return out
    }
}
