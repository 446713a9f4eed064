import ArgumentParser

/// `accessbot serve | migrate | check-config FILE | report | retry-grant ID`.
@main
struct AccessBotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accessbot",
        abstract: "Self-hosted access requests from Slack and Teams.",
        subcommands: [Serve.self, Migrate.self, CheckConfig.self, Report.self, RetryGrant.self],
        defaultSubcommand: Serve.self)
}
