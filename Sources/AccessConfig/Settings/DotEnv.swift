import Foundation

/// A mistake in a `.env` file, with its 1-based line. The line's text is not quoted: it may hold a secret.
public struct DotEnvError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public var description: String { "line \(line): \(message)" }
}

/// Reads `.env` files: `KEY=VALUE`, `export KEY=VALUE`, `# comments`, blank lines, 'single' quotes
/// (literal) and "double" quotes (with `\n`, `\t`, `\"`, `\\` escapes). No variable expansion.
/// A later line for the same key wins.
public enum DotEnv {
    /// The variables of a `.env` text; throws at the first malformed line.
    public static func parse(contents: String) throws(DotEnvError) -> [String: String] {
        var result: [String: String] = [:]
        var text = contents
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            var line = rawLine.drop(while: \.isWhitespace)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export"), let next = line.dropFirst("export".count).first, next == " " || next == "\t" {
                line = line.dropFirst("export".count).drop(while: \.isWhitespace)
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw DotEnvError(line: number, message: "expected KEY=VALUE")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard isValidKey(key) else {
                throw DotEnvError(
                    line: number, message: "'\(key.prefix(40))' is not a variable name (letters, digits and _, not starting with a digit)")
            }
            result[key] = try value(line[line.index(after: equals)...], line: number)
        }
        return result
    }

    /// Reads the file at `path`; a missing file gives no variables. Mistakes are reported as `PATH:LINE: ...`.
    public static func load(path: String) throws(SettingsError) -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SettingsError(subject: path, message: "cannot read the file as UTF-8 text")
        }
        do {
            return try parse(contents: text)
        } catch {
            throw SettingsError(subject: "\(path):\(error.line)", message: error.message)
        }
    }

    private static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") }
    }

    private static func value(_ raw: Substring, line: Int) throws(DotEnvError) -> String {
        let text = raw.drop(while: { $0 == " " || $0 == "\t" })
        guard let quote = text.first, quote == "\"" || quote == "'" else {
            // Unquoted: a `#` after whitespace starts a comment.
            var value = text
            if let hash = text.indices.first(where: { text[$0] == "#" && $0 > text.startIndex && text[text.index(before: $0)].isWhitespace }
            ) {
                value = text[..<hash]
            }
            return value.trimmingCharacters(in: .whitespaces)
        }
        var result = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex, text[index] != quote {
            if quote == "\"", text[index] == "\\", text.index(after: index) < text.endIndex {
                index = text.index(after: index)
                switch text[index] {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                default: result.append(text[index])
                }
            } else {
                result.append(text[index])
            }
            index = text.index(after: index)
        }
        guard index < text.endIndex else {
            throw DotEnvError(line: line, message: "the value's \(quote == "\"" ? "double" : "single") quote is never closed")
        }
        let rest = text[text.index(after: index)...].trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || rest.hasPrefix("#") else {
            throw DotEnvError(line: line, message: "unexpected text after the closing quote")
        }
        return result
    }
}
