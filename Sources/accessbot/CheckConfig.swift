import AccessConfig
import ArgumentParser
import Foundation

/// `accessbot check-config FILE`: every mistake with its line, non-zero exit on any error.
struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Validate a config file and print every problem with its line.")

    @Argument(help: "The YAML config file (default: ACCESSBOT_CONFIG or config/accessbot.yaml).")
    var file: String?

    @Flag(help: "Treat the directory as Okta's (manager steps need no static users).")
    var okta = false

    func run() throws {
        let path = file ?? ProcessInfo.processInfo.environment["ACCESSBOT_CONFIG"] ?? "config/accessbot.yaml"
        let result = checkConfig(path: path, oktaConfigured: okta)
        if result.exitCode == 0 {
            print(result.output, terminator: result.output.hasSuffix("\n") ? "" : "\n")
        } else {
            FileHandle.standardError.write(Data((result.output + (result.output.hasSuffix("\n") ? "" : "\n")).utf8))
            throw ExitCode(result.exitCode)
        }
    }
}
