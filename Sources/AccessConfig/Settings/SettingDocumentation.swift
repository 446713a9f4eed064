/// One environment variable as `.env.example` and `accessbot --help` describe it.
public struct SettingDocumentation: Sendable, Hashable {
    public let name: String
    /// The default as a person reads it; empty when unset means "off" (`none: Slack disabled`).
    public let defaultValue: String
    public let meaning: String
    /// Credentials: `.env.example` leaves them empty and nothing ever prints them.
    public let isSecret: Bool

    public init(name: String, defaultValue: String, meaning: String, isSecret: Bool = false) {
        self.name = name
        self.defaultValue = defaultValue
        self.meaning = meaning
        self.isSecret = isSecret
    }
}

extension ServerSettings {
    /// Every variable `load(environment:dotEnv:)` reads, in the order of docs/design.md's table.
    public static let documented: [SettingDocumentation] = [
        .init(name: "HOST", defaultValue: "127.0.0.1", meaning: "listen address"),
        .init(name: "PORT", defaultValue: "8080", meaning: "listen port (1-65535)"),
        .init(name: "DATABASE_URL", defaultValue: "sqlite:accessbot.sqlite", meaning: "sqlite:PATH or postgres://user:pass@host:port/db"),
        .init(name: "ACCESSBOT_CONFIG", defaultValue: "config/accessbot.yaml", meaning: "path of the YAML config"),
        .init(name: "PUBLIC_URL", defaultValue: "http://HOST:PORT", meaning: "the server's public base URL (links in cards)"),
        .init(name: "ADMIN_API_TOKEN", defaultValue: "", meaning: "bearer token for the admin API; unset disables it", isSecret: true),
        .init(name: "SLACK_SIGNING_SECRET", defaultValue: "", meaning: "Slack app signing secret; unset disables Slack", isSecret: true),
        .init(name: "SLACK_BOT_TOKEN", defaultValue: "", meaning: "Slack bot token (xoxb-...)", isSecret: true),
        .init(name: "SLACK_API_URL", defaultValue: slackAPIDefault, meaning: "Slack Web API base"),
        .init(name: "TEAMS_APP_ID", defaultValue: "", meaning: "Bot registration app id; unset disables Teams"),
        .init(name: "TEAMS_APP_PASSWORD", defaultValue: "", meaning: "Bot registration client secret", isSecret: true),
        .init(name: "TEAMS_TENANT_ID", defaultValue: "", meaning: "Entra tenant of the single-tenant bot"),
        .init(name: "TEAMS_OPENID_METADATA_URL", defaultValue: teamsOpenIDDefault, meaning: "where inbound token signing keys are found"),
        .init(name: "TEAMS_TOKEN_URL", defaultValue: teamsTokenDefault, meaning: "OAuth token endpoint for outbound calls"),
        .init(
            name: "TEAMS_PACING_MS", defaultValue: "\(teamsPacingDefault)",
            meaning: "least milliseconds between two messages to one Teams conversation; 0 turns pacing off"),
        .init(name: "OKTA_ORG_URL", defaultValue: "", meaning: "Okta org URL; unset uses the config's users and manual grants"),
        .init(name: "OKTA_API_TOKEN", defaultValue: "", meaning: "Okta API token", isSecret: true),
        .init(name: "JIRA_BASE_URL", defaultValue: "", meaning: "Jira base URL; unset disables Jira"),
        .init(name: "JIRA_USER", defaultValue: "", meaning: "Jira user (email)"),
        .init(name: "JIRA_API_TOKEN", defaultValue: "", meaning: "Jira API token", isSecret: true),
        .init(name: "SERVICENOW_URL", defaultValue: "", meaning: "ServiceNow instance URL; unset disables ServiceNow"),
        .init(name: "SERVICENOW_USER", defaultValue: "", meaning: "ServiceNow user"),
        .init(name: "SERVICENOW_PASSWORD", defaultValue: "", meaning: "ServiceNow password", isSecret: true),
        .init(name: "LOG_LEVEL", defaultValue: "info", meaning: "trace, debug, info, notice, warning, error or critical"),
        .init(name: "LOG_FORMAT", defaultValue: "text", meaning: "text or json"),
    ]
}
