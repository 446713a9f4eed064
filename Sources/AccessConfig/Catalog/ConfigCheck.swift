/// What `accessbot check-config FILE` prints and the exit status it returns.
public struct ConfigCheckResult: Sendable {
    /// Every problem (one per line, each hint on an indented line below), then a summary line.
    public let output: String
    /// 0 when the file has no errors (warnings allowed), 1 otherwise.
    public let exitCode: Int32
    /// The full report, for callers that want more than text.
    public let report: ConfigReport
}

extension ConfigLoader {
    /// Checks a config file for `accessbot check-config`: never throws, never crashes on a missing file.
    ///
    ///     config/accessbot.yaml:12:7: error: unknown key 'aprovals' in request type 'github-admin' (did you mean 'approvals'?)
    ///         hint: allowed keys here: id, name, team, ...
    ///     config/accessbot.yaml: 1 error
    ///
    /// or `config/accessbot.yaml: OK (5 resources, 2 teams, 3 request types)`.
    public func checkConfig(path: String) -> ConfigCheckResult {
        let report = inspect(path: path)
        var lines = report.problems.map(\.descriptionWithHint)
        let warnings = report.warnings.count
        let warningText = warnings == 0 ? "" : ", \(Self.plural(warnings, "warning"))"
        if let catalog = report.catalog {
            let counts = [
                Self.plural(catalog.resources.count, "resource"), Self.plural(catalog.teams.count, "team"),
                Self.plural(catalog.requestTypes.count, "request type"),
            ]
            lines.append("\(path): OK (\(counts.joined(separator: ", "))\(warningText))")
            return ConfigCheckResult(output: lines.joined(separator: "\n"), exitCode: 0, report: report)
        }
        lines.append("\(path): \(Self.plural(report.errors.count, "error"))\(warningText)")
        return ConfigCheckResult(output: lines.joined(separator: "\n"), exitCode: 1, report: report)
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

/// `accessbot check-config FILE`: the output to print and the exit status. See `ConfigLoader.checkConfig(path:)`.
public func checkConfig(path: String, oktaConfigured: Bool = false) -> ConfigCheckResult {
    ConfigLoader(oktaConfigured: oktaConfigured).checkConfig(path: path)
}
