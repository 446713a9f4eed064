import Foundation

extension ServerSettings {
    /// Reads every setting with the precedence real environment > `.env` > default; an empty value
    /// counts as unset. Throws at the first malformed or half-configured setting, with one line naming it.
    public static func load(environment: [String: String], dotEnv: [String: String] = [:]) throws(SettingsError) -> ServerSettings {
        let reader = SettingsReader(environment: environment, dotEnv: dotEnv)
        let host = try hostSetting(reader)
        let port = try reader.port("PORT", default: 8080)
        let database = try DatabaseURL(parsing: reader.value("DATABASE_URL") ?? "sqlite:accessbot.sqlite")
        var notices: [String] = []
        let publicURL: URL
        if let url = try reader.url("PUBLIC_URL") {
            publicURL = url
        } else {
            let shown = host.contains(":") ? "[\(host)]" : host
            publicURL = try SettingsReader.url("http://\(shown):\(port)", name: "PUBLIC_URL")
            if ["0.0.0.0", "::", "[::]"].contains(host) {
                notices.append("PUBLIC_URL is not set: links in cards point at \(publicURL.absoluteString), which others cannot open")
            }
        }
        var settings = ServerSettings(
            host: host, port: port, database: database,
            configPath: reader.value("ACCESSBOT_CONFIG") ?? "config/accessbot.yaml",
            publicURL: publicURL,
            adminAPIToken: reader.secret("ADMIN_API_TOKEN"),
            slack: try slackSettings(reader), teams: try teamsSettings(reader), okta: try oktaSettings(reader),
            jira: try jiraSettings(reader), serviceNow: try serviceNowSettings(reader),
            logLevel: try reader.choice(
                "LOG_LEVEL", default: .info, parse: LogLevel.init(text:), options: LogLevel.allCases.map(\.rawValue)),
            logFormat: try reader.choice(
                "LOG_FORMAT", default: .text, parse: LogFormat.init(text:), options: LogFormat.allCases.map(\.rawValue)),
            notices: [])
        settings.notices = settings.disabledNotices() + notices
        return settings
    }

    /// Reads the `.env` file at `path` and then the settings; a missing `.env` is fine.
    public static func load(environment: [String: String], dotEnvPath: String) throws(SettingsError) -> ServerSettings {
        try load(environment: environment, dotEnv: DotEnv.load(path: dotEnvPath))
    }

    private static func hostSetting(_ reader: SettingsReader) throws(SettingsError) -> String {
        guard let host = try reader.word("HOST") else { return "127.0.0.1" }
        guard !host.contains("://"), !host.contains("/") else {
            throw SettingsError(
                subject: "HOST", message: "\(reader.quoted(host)) is a URL; HOST takes a host name or address such as 0.0.0.0")
        }
        return host
    }

    private func disabledNotices() -> [String] {
        var notices: [String] = []
        if slack == nil { notices.append("Slack is disabled: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not set") }
        if teams == nil { notices.append("Teams is disabled: TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID are not set") }
        if slack == nil, teams == nil { notices.append("no chat platform is enabled: requests can only be made through the admin API") }
        if okta == nil {
            notices.append("Okta is not configured (OKTA_ORG_URL, OKTA_API_TOKEN): using the users in the config file; grants are manual")
        }
        if jira == nil { notices.append("Jira is disabled: JIRA_BASE_URL, JIRA_USER and JIRA_API_TOKEN are not set") }
        if serviceNow == nil {
            notices.append("ServiceNow is disabled: SERVICENOW_URL, SERVICENOW_USER and SERVICENOW_PASSWORD are not set")
        }
        if adminAPIToken == nil { notices.append("the admin API is disabled: ADMIN_API_TOKEN is not set") }
        return notices
    }
}
