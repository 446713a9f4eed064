import Yams

/// YAML syntax errors, which stop parsing: libyaml reports one, with its line.
extension ConfigParser {
    static let syntaxHint =
        "check indentation and quoting here and on the line before; quote values that contain ': ' or start with {, [, *, & or @"

    mutating func reportSyntaxError(_ failure: any Error) {
        guard let yaml = failure as? YamlError else {
            error("the file could not be read as YAML: \(failure)", at: .wholeFile)
            return
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) that started at line \(context.mark.line))" }
            let tabs = problem.contains("cannot start any token") || problem.contains("tab")
            error(
                message, at: Place(mark),
                hint: tabs ? "YAML indents with spaces, not tabs; values starting with @ or ` need quotes" : Self.syntaxHint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            error(
                "key \(keys) appears more than once in the same mapping", at: Place(context.mark),
                hint: "YAML keeps only one value per key: remove or merge the repeated key")
        case .reader(let problem, let offset, _, let text):
            error("the file is not readable text: \(problem)", at: offset.map { place(ofCharacter: $0, in: text) } ?? .wholeFile)
        default:
            error("the file could not be read as YAML: \(yaml)", at: .wholeFile)
        }
    }

    private func place(ofCharacter offset: Int, in text: String) -> Place {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return Place(line: line, column: column)
    }
}
