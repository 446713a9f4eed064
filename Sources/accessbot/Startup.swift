import AccessConfig
import AccessCore
import AccessServer
import Foundation

/// Reading settings and the config file at start: the only place that reads the environment.
enum Startup {
    /// Settings from the environment and `.env`, or one line naming the bad variable and exit 2.
    static func settings() -> ServerSettings {
        do {
            return try ServerSettings.load(environment: ProcessInfo.processInfo.environment, dotEnvPath: ".env")
        } catch {
            fail("\(error)")
        }
    }

    /// The validated catalog, or every problem with its line and exit 1.
    static func catalog(settings: ServerSettings) -> Catalog {
        let report = ConfigLoader(oktaConfigured: settings.okta != nil).inspect(path: settings.configPath)
        for warning in report.warnings { printError(warning.descriptionWithHint) }
        guard report.errors.isEmpty, let catalog = report.catalog else {
            for problem in report.errors { printError(problem.descriptionWithHint) }
            fail("\(settings.configPath): \(report.errors.count) error(s); the server does not start with a broken config")
        }
        return catalog
    }

    /// The database URL as the store opens it.
    static func databaseURL(_ settings: ServerSettings) -> String {
        switch settings.database {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): url.absoluteString
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func fail(_ line: String, code: Int32 = 2) -> Never {
        printError("accessbot: \(line)")
        exit(code)
    }
}
