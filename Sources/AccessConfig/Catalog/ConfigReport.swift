import AccessCore

/// Everything learned from one config file: the catalog when it has no errors, and every problem.
public struct ConfigReport: Sendable {
    /// The file as named by the caller.
    public let file: String
    /// Nil when there is at least one error.
    public let catalog: Catalog?
    /// Errors and warnings, in file order.
    public let problems: [ConfigProblem]

    public init(file: String, catalog: Catalog?, problems: [ConfigProblem]) {
        self.file = file
        self.catalog = catalog
        self.problems = problems
    }

    public var errors: [ConfigProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [ConfigProblem] { problems.filter { $0.severity == .warning } }
}
