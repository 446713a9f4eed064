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
    /// The Bot Framework registration; nil: Teams is disabled.
    public var teams: TeamsConfiguration?
    /// Okta for people, grants and revokes; nil: the config's users, and every grant by hand.
    public var okta: OktaConfiguration?
    public var adminAPIToken: String?
    /// How often background workers look for work another replica may have written.
    public var pollInterval: Duration
    /// First and longest wait between attempts to reach a database that is down at start.
    public var databaseRetry: (first: Duration, max: Duration)
    /// Least time between two messages to one Slack channel (Slack allows about one a second).
    public var slackChannelInterval: Duration = .seconds(1)
    /// Time between two messages to one Teams conversation (`TEAMS_PACING_MS`). The Bot
    /// Connector allows 7 a second, 8 in 2 s and 60 in 30 s per conversation; a slot may be
    /// taken up to 50 ms early, so 600 ms keeps under all three (1,800 an hour is left to 429
    /// and `Retry-After`). Zero turns pacing off.
    public var teamsConversationInterval: Duration = .milliseconds(600)

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databaseURL: String = "sqlite:accessbot.sqlite", publicURL: String? = nil,
        catalog: Catalog, slack: SlackConfiguration? = nil, teams: TeamsConfiguration? = nil, okta: OktaConfiguration? = nil,
        adminAPIToken: String? = nil,
        pollInterval: Duration = .seconds(1), databaseRetry: (first: Duration, max: Duration) = (.milliseconds(250), .seconds(30))
    ) {
        self.host = host
        self.port = port
        self.databaseURL = databaseURL
        self.publicURL = publicURL ?? "http://\(host):\(port)"
        self.catalog = catalog
        self.slack = slack
        self.teams = teams
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

/// Microsoft Teams through the Bot Framework: who the bot is and where tokens come from.
public struct TeamsConfiguration: Sendable {
    /// `TEAMS_APP_ID`: the audience of inbound tokens and the client id of outbound ones.
    public var appID: String
    public var appPassword: String
    public var tenantID: String?
    /// Keys for inbound channel tokens (`TEAMS_OPENID_METADATA_URL`).
    public var openIDMetadataURL: String
    /// Keys for Entra-issued tokens of `tenantID`; nil: derived from the tenant.
    public var tenantOpenIDMetadataURL: String?
    /// The OAuth client-credentials endpoint (`TEAMS_TOKEN_URL`).
    public var tokenURL: String

    public init(
        appID: String, appPassword: String, tenantID: String?,
        openIDMetadataURL: String = "https://login.botframework.com/v1/.well-known/openidconfiguration",
        tenantOpenIDMetadataURL: String? = nil, tokenURL: String? = nil
    ) {
        self.appID = appID
        self.appPassword = appPassword
        self.tenantID = tenantID
        self.openIDMetadataURL = openIDMetadataURL
        self.tenantOpenIDMetadataURL = tenantOpenIDMetadataURL
        self.tokenURL = tokenURL ?? "https://login.microsoftonline.com/\(tenantID ?? "botframework.com")/oauth2/v2.0/token"
    }

    /// The bot's account id in activities (`28:<app id>`).
    public var botAccountID: String { "28:\(appID)" }
}
