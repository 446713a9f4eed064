import Foundation

/// Each platform or integration: all its credentials, none (disabled), or an error naming the missing one.
/// Base URLs alone do not enable anything: they only matter once credentials are set.
extension ServerSettings {
    static let slackAPIDefault = "https://slack.com/api"
    static let teamsOpenIDDefault = "https://login.botframework.com/v1/.well-known/openidconfiguration"
    static let teamsTokenDefault = "https://login.microsoftonline.com/TEAMS_TENANT_ID/oauth2/v2.0/token"
    /// The Bot Connector allows 7 messages a second, 8 in 2 s and 60 in 30 s per conversation.
    static let teamsPacingDefault = 600

    static func slackSettings(_ reader: SettingsReader) throws(SettingsError) -> SlackSettings? {
        let apiURL = try reader.url("SLACK_API_URL", default: slackAPIDefault)
        guard try reader.group(["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN"], feature: "Slack") != nil,
            let signingSecret = reader.secret("SLACK_SIGNING_SECRET"), let botToken = reader.secret("SLACK_BOT_TOKEN")
        else { return nil }
        return SlackSettings(signingSecret: signingSecret, botToken: botToken, apiURL: apiURL)
    }

    static func teamsSettings(_ reader: SettingsReader) throws(SettingsError) -> TeamsSettings? {
        let explicitTokenURL = try reader.url("TEAMS_TOKEN_URL")
        let metadataURL = try reader.url("TEAMS_OPENID_METADATA_URL", default: teamsOpenIDDefault)
        let names = ["TEAMS_APP_ID", "TEAMS_APP_PASSWORD", "TEAMS_TENANT_ID"]
        guard names.contains(where: reader.isSet) else { return nil }
        guard let appID = try reader.word("TEAMS_APP_ID") else { throw reader.missing("TEAMS_APP_ID", of: names, feature: "Teams") }
        guard let password = reader.secret("TEAMS_APP_PASSWORD") else {
            throw reader.missing("TEAMS_APP_PASSWORD", of: names, feature: "Teams")
        }
        let tenantID = try reader.word("TEAMS_TENANT_ID")
        let tokenURL: URL
        if let explicit = explicitTokenURL {
            tokenURL = explicit
        } else if let tenantID {
            guard tenantID.allSatisfy({ $0.isLetter || $0.isNumber || "-.".contains($0) }) else {
                throw SettingsError(
                    subject: "TEAMS_TENANT_ID", message: "\(reader.quoted(tenantID)) is not a tenant id (a GUID or a domain)")
            }
            let text = teamsTokenDefault.replacingOccurrences(of: "TEAMS_TENANT_ID", with: tenantID)
            tokenURL = try SettingsReader.url(text, name: "TEAMS_TENANT_ID")
        } else {
            throw SettingsError(
                subject: "TEAMS_TENANT_ID",
                message: "not set; single-tenant bots need it (or set TEAMS_TOKEN_URL for an old multi-tenant bot)")
        }
        return TeamsSettings(
            appID: appID, appPassword: password, tenantID: tenantID, openIDMetadataURL: metadataURL, tokenURL: tokenURL,
            pacing: .milliseconds(try reader.milliseconds("TEAMS_PACING_MS", default: teamsPacingDefault)))
    }

    static func oktaSettings(_ reader: SettingsReader) throws(SettingsError) -> OktaSettings? {
        let orgURL = try reader.url("OKTA_ORG_URL")
        guard try reader.group(["OKTA_ORG_URL", "OKTA_API_TOKEN"], feature: "Okta") != nil,
            let orgURL, let token = reader.secret("OKTA_API_TOKEN")
        else { return nil }
        return OktaSettings(orgURL: orgURL, apiToken: token)
    }

    static func jiraSettings(_ reader: SettingsReader) throws(SettingsError) -> JiraSettings? {
        let baseURL = try reader.url("JIRA_BASE_URL")
        guard try reader.group(["JIRA_BASE_URL", "JIRA_USER", "JIRA_API_TOKEN"], feature: "Jira") != nil,
            let baseURL, let user = reader.value("JIRA_USER"), let token = reader.secret("JIRA_API_TOKEN")
        else { return nil }
        return JiraSettings(baseURL: baseURL, user: user, apiToken: token)
    }

    static func serviceNowSettings(_ reader: SettingsReader) throws(SettingsError) -> ServiceNowSettings? {
        let url = try reader.url("SERVICENOW_URL")
        guard try reader.group(["SERVICENOW_URL", "SERVICENOW_USER", "SERVICENOW_PASSWORD"], feature: "ServiceNow") != nil,
            let url, let user = reader.value("SERVICENOW_USER"),
            let password = reader.secret("SERVICENOW_PASSWORD")
        else { return nil }
        return ServiceNowSettings(url: url, user: user, password: password)
    }
}
