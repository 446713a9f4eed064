/// Thrown when a config file has at least one error. Carries every problem found, not just the
/// first: errors and also warnings, in file order.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    /// Every problem found, errors and warnings, in file order.
    public var problems: [ConfigProblem]

    public init(problems: [ConfigProblem]) {
        self.problems = problems
    }

    /// Only the problems of error severity.
    public var errors: [ConfigProblem] { problems.filter(\.isError) }

    /// One problem per line (hints on indented lines), then a count of errors.
    public var description: String {
        let lines = problems.map(\.descriptionWithHint)
        let count = errors.count
        return (lines + ["\(count) error\(count == 1 ? "" : "s") in the config"]).joined(separator: "\n")
    }
}
