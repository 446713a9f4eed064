import Foundation

/// Slack app credentials (`SLACK_SIGNING_SECRET`, `SLACK_BOT_TOKEN`) and the Web API base.
public struct SlackSettings: Sendable {
    public var signingSecret: Secret
    public var botToken: Secret
    /// `SLACK_API_URL`, without a trailing slash.
    public var apiURL: URL

    public init(signingSecret: Secret, botToken: Secret, apiURL: URL) {
        self.signingSecret = signingSecret
        self.botToken = botToken
        self.apiURL = apiURL
    }
}

/// The Bot Framework registration used for Microsoft Teams.
public struct TeamsSettings: Sendable {
    /// `TEAMS_APP_ID`: also the audience of inbound tokens.
    public var appID: String
    public var appPassword: Secret
    /// `TEAMS_TENANT_ID`; nil only for an old multi-tenant bot with an explicit `TEAMS_TOKEN_URL`.
    public var tenantID: String?
    /// Where signing keys for inbound tokens are found.
    public var openIDMetadataURL: URL
    /// The OAuth token endpoint for outbound calls.
    public var tokenURL: URL
    /// `TEAMS_PACING_MS`: the least time between two messages to one conversation (0: none).
    public var pacing: Duration

    public init(
        appID: String, appPassword: Secret, tenantID: String?, openIDMetadataURL: URL, tokenURL: URL, pacing: Duration = .milliseconds(600)
    ) {
        self.appID = appID
        self.appPassword = appPassword
        self.tenantID = tenantID
        self.openIDMetadataURL = openIDMetadataURL
        self.tokenURL = tokenURL
        self.pacing = pacing
    }
}

/// The Okta org for directory look-ups, grants and revokes.
public struct OktaSettings: Sendable {
    /// `OKTA_ORG_URL`, without a trailing slash.
    public var orgURL: URL
    public var apiToken: Secret

    public init(orgURL: URL, apiToken: Secret) {
        self.orgURL = orgURL
        self.apiToken = apiToken
    }
}

/// The Jira ticketing integration.
public struct JiraSettings: Sendable {
    public var baseURL: URL
    public var user: String
    public var apiToken: Secret

    public init(baseURL: URL, user: String, apiToken: Secret) {
        self.baseURL = baseURL
        self.user = user
        self.apiToken = apiToken
    }
}

/// The ServiceNow ticketing integration.
public struct ServiceNowSettings: Sendable {
    public var url: URL
    public var user: String
    public var password: Secret

    public init(url: URL, user: String, password: Secret) {
        self.url = url
        self.user = user
        self.password = password
    }
}
