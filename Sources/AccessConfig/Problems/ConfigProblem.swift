/// One mistake (or doubtful spot) in a config file, with where it is and how to fix it.
public struct ConfigProblem: Hashable, Sendable, CustomStringConvertible {
    /// How bad a problem is: only errors stop a start or fail `check-config`.
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    /// The file as the operator named it, e.g. `config/accessbot.yaml`.
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file (e.g. it cannot be read).
    public var line: Int
    /// 1-based column (counted in Unicode scalars); 0 when the problem concerns the whole file.
    public var column: Int
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Makes a problem; `line`/`column` of 0 mean "the whole file".
    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    public var isError: Bool { severity == .error }

    /// `file:line:col: error: message`, the form editors and CI understand. The hint is not included.
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): \(severity.rawValue): \(message)"
    }

    /// The description, followed by the hint on an indented second line when there is one.
    public var descriptionWithHint: String {
        guard let hint, !hint.isEmpty else { return description }
        return description + "\n    hint: " + hint
    }
}
