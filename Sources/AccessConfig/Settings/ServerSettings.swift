import Foundation

/// The server's settings, read once at start from the environment and `.env`
/// (see `load(environment:dotEnv:)` and the table in docs/design.md, "Running it").
///
/// A platform or integration whose credentials are all absent is nil (disabled), and `notices` says so.
/// `description` and `debugDescription` never show a secret.
public struct ServerSettings: Sendable {
    /// `HOST`: the listen address.
    public var host: String
    /// `PORT`: the listen port.
    public var port: Int
    /// `DATABASE_URL`.
    public var database: DatabaseURL
    /// `ACCESSBOT_CONFIG`: the YAML config's path.
    public var configPath: String
    /// `PUBLIC_URL`: the base of links in cards, without a trailing slash.
    public var publicURL: URL
    /// `ADMIN_API_TOKEN`; nil disables the admin API.
    public var adminAPIToken: Secret?
    public var slack: SlackSettings?
    public var teams: TeamsSettings?
    /// Nil means the static directory from the config and manual grants.
    public var okta: OktaSettings?
    public var jira: JiraSettings?
    public var serviceNow: ServiceNowSettings?
    public var logLevel: LogLevel
    public var logFormat: LogFormat
    /// Sentences for the start-up log: what is disabled and why, and doubtful choices.
    public var notices: [String]

    /// The platforms and integrations that are off because none of their variables is set.
    public var disabledPlatforms: [String] {
        var names: [String] = []
        if slack == nil { names.append("Slack") }
        if teams == nil { names.append("Teams") }
        if okta == nil { names.append("Okta") }
        if jira == nil { names.append("Jira") }
        if serviceNow == nil { names.append("ServiceNow") }
        if adminAPIToken == nil { names.append("admin API") }
        return names
    }
}
