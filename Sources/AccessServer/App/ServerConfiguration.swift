import AccessCore
import Foundation

/// Everything `buildApplication` needs, already validated. The CLI builds it from the
/// environment and the config file; tests build it directly.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// `sqlite:PATH` or `postgres://…`.
    public var databaseURL: String
    public var publicURL: String
    public var catalog: Catalog
    public var slack: SlackConfiguration?
    /// Okta for people, grants and revokes; nil: the config's users, and every grant by hand.
    public var okta: OktaConfiguration?
    public var adminAPIToken: String?
    /// How often background workers look for work another replica may have written.
    public var pollInterval: Duration
    /// First and longest wait between attempts to reach a database that is down at start.
    public var databaseRetry: (first: Duration, max: Duration)
    /// Least time between two messages to one Slack channel (Slack allows about one a second).
    public var slackChannelInterval: Duration = .seconds(1)

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databaseURL: String = "sqlite:accessbot.sqlite", publicURL: String? = nil,
        catalog: Catalog, slack: SlackConfiguration? = nil, okta: OktaConfiguration? = nil, adminAPIToken: String? = nil,
        pollInterval: Duration = .seconds(1), databaseRetry: (first: Duration, max: Duration) = (.milliseconds(250), .seconds(30))
    ) {
        self.host = host
        self.port = port
        self.databaseURL = databaseURL
        self.publicURL = publicURL ?? "http://\(host):\(port)"
        self.catalog = catalog
        self.slack = slack
        self.okta = okta
        self.adminAPIToken = adminAPIToken
        self.pollInterval = pollInterval
        self.databaseRetry = databaseRetry
    }
}

/// Slack credentials and where its Web API lives.
public struct SlackConfiguration: Sendable {
    public var signingSecret: String
    public var botToken: String
    public var apiURL: String

    public init(signingSecret: String, botToken: String, apiURL: String = "https://slack.com/api") {
        self.signingSecret = signingSecret
        self.botToken = botToken
        self.apiURL = apiURL
    }
}
