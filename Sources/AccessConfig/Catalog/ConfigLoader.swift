import AccessCore
import Foundation

/// Loads the YAML config file (resources, teams, configuration lists, request types, users) into a
/// validated `Catalog`, reporting every mistake with its file, line, column and a hint.
///
/// Errors stop a start and fail `check-config`: YAML syntax, unknown keys, missing or mistyped fields,
/// duplicate ids, dangling references, bad durations, impossible counts, escalation timings out of order.
///
/// Warnings are printed but accepted, because the config alone cannot tell whether they matter:
/// a manager, team member, owner or `user` approver missing from a non-empty `users:` list (Okta may be
/// the directory), a `manager` step with no `users:` at all (unless `oktaConfigured`), a resource no request
/// type offers, a request type without approval steps, a fixed duration above a resource's maximum,
/// an option repeated in a list.
public struct ConfigLoader: Sendable {
    /// When true, `manager` steps are not flagged for a missing `users:` list: Okta answers manager look-ups.
    public var oktaConfigured: Bool

    public init(oktaConfigured: Bool = false) {
        self.oktaConfigured = oktaConfigured
    }

    /// Parses and checks YAML text; `file` is only used in problem locations.
    public func inspect(yaml: String, file: String) -> ConfigReport {
        var parser = ConfigParser(file: file, oktaConfigured: oktaConfigured)
        parser.parse(yaml: yaml)
        // File order; problems at the same place keep the order they were found in.
        let problems = parser.problems.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
        return ConfigReport(file: file, catalog: parser.hasErrors ? nil : parser.build(), problems: problems)
    }

    /// Reads and checks a file. A missing or unreadable file is reported as a problem, not thrown.
    public func inspect(path: String) -> ConfigReport {
        switch Self.read(path: path) {
        case .text(let text):
            return inspect(yaml: text, file: path)
        case .unreadable(let problem):
            return ConfigReport(file: path, catalog: nil, problems: [problem])
        }
    }

    /// The validated catalog of a YAML text, or every problem found.
    public func loadCatalog(yaml: String, file: String) throws(ConfigErrors) -> Catalog {
        try Self.catalog(of: inspect(yaml: yaml, file: file))
    }

    /// The validated catalog of a file, or every problem found (a missing file included).
    public func loadCatalog(path: String) throws(ConfigErrors) -> Catalog {
        try Self.catalog(of: inspect(path: path))
    }

    private static func catalog(of report: ConfigReport) throws(ConfigErrors) -> Catalog {
        guard let catalog = report.catalog else { throw ConfigErrors(problems: report.problems) }
        return catalog
    }

    private enum FileContents {
        case text(String)
        case unreadable(ConfigProblem)
    }

    private static func read(path: String) -> FileContents {
        func problem(_ message: String) -> FileContents {
            .unreadable(
                ConfigProblem(
                    file: path, line: 0, column: 0, message: message,
                    hint: "pass the path of the YAML config (ACCESSBOT_CONFIG); config/accessbot.yaml is an example"))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return problem("cannot read the config file: no such file")
        }
        guard !isDirectory.boolValue else { return problem("cannot read the config file: it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            return problem("cannot read the config file: permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else { return problem("the config file is not UTF-8 text") }
        return .text(text)
    }
}
