import AccessConfig
import Foundation
import Testing

@Suite("Settings from the environment")
struct ServerSettingsTests {
    /// The one-line error for these variables, or nil when they load.
    func failure(_ environment: [String: String], dotEnv: [String: String] = [:]) -> String? {
        do {
            _ = try ServerSettings.load(environment: environment, dotEnv: dotEnv)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func defaultsFollowTheDesign() throws {
        let settings = try ServerSettings.load(environment: [:])
        #expect(settings.host == "127.0.0.1")
        #expect(settings.port == 8080)
        #expect(settings.database == .sqlite(path: "accessbot.sqlite"))
        #expect(settings.configPath == "config/accessbot.yaml")
        #expect(settings.publicURL.absoluteString == "http://127.0.0.1:8080")
        #expect(settings.logLevel == .info)
        #expect(settings.logFormat == .text)
        #expect(settings.adminAPIToken == nil)
        #expect(settings.slack == nil && settings.teams == nil && settings.okta == nil)
        #expect(settings.jira == nil && settings.serviceNow == nil)
        #expect(settings.disabledPlatforms == ["Slack", "Teams", "Okta", "Jira", "ServiceNow", "admin API"])
        #expect(settings.notices.contains("Slack is disabled: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not set"))
        #expect(settings.notices.contains { $0.hasPrefix("Okta is not configured") })
    }

    @Test func environmentWinsOverDotEnvWhichWinsOverDefaults() throws {
        let settings = try ServerSettings.load(
            environment: ["PORT": "9000", "HOST": " 0.0.0.0 ", "LOG_LEVEL": ""],
            dotEnv: ["PORT": "9100", "LOG_LEVEL": "debug", "LOG_FORMAT": "JSON", "ACCESSBOT_CONFIG": "/etc/accessbot.yaml"])
        #expect(settings.port == 9000)
        #expect(settings.host == "0.0.0.0")
        #expect(settings.logLevel == .debug, "an empty environment value counts as unset")
        #expect(settings.logFormat == .json)
        #expect(settings.configPath == "/etc/accessbot.yaml")
        #expect(settings.publicURL.absoluteString == "http://0.0.0.0:9000")
        #expect(settings.notices.contains { $0.hasPrefix("PUBLIC_URL is not set") })
    }

    @Test(arguments: [
        (["PORT": "80a"], #"PORT: "80a" is not a port number (1-65535)"#),
        (["PORT": "0"], #"PORT: "0" is not a port number (1-65535)"#),
        (["PORT": "70000"], #"PORT: "70000" is not a port number (1-65535)"#),
        (["HOST": "http://example.com"], #"HOST: "http://example.com" is a URL; HOST takes a host name or address such as 0.0.0.0"#),
        (
            ["PUBLIC_URL": "accessbot.example.com"],
            #"PUBLIC_URL: "accessbot.example.com" is not a URL with an http(s) scheme and a host (e.g. https://example.com)"#
        ),
        (
            ["SLACK_API_URL": "ftp://slack.com/api"],
            #"SLACK_API_URL: "ftp://slack.com/api" is not a URL with an http(s) scheme and a host (e.g. https://example.com)"#
        ),
        (
            ["TEAMS_APP_ID": "a", "TEAMS_APP_PASSWORD": "p", "TEAMS_TENANT_ID": "t", "TEAMS_PACING_MS": "fast"],
            #"TEAMS_PACING_MS: "fast" is not a number of milliseconds (0-3600000)"#
        ),
        (["LOG_LEVEL": "verbose"], #"LOG_LEVEL: "verbose" is not one of trace, debug, info, notice, warning, error, critical"#),
        (["LOG_FORMAT": "xml"], #"LOG_FORMAT: "xml" is not one of text, json"#),
        (
            ["DATABASE_URL": "mysql://u:p@h/db"],
            "DATABASE_URL: the database kind 'mysql' is not supported; write sqlite:PATH or postgres://user:pass@host:port/db"
        ),
        (["DATABASE_URL": "sqlite:"], "DATABASE_URL: the sqlite URL names no file; write sqlite:PATH or postgres://user:pass@host:port/db"),
    ])
    func malformedValuesFailWithOneLineNamingTheVariable(environment: [String: String], message: String) {
        #expect(failure(environment) == message)
    }

    @Test func malformedValuesInDotEnvFailToo() {
        #expect(failure([:], dotEnv: ["PORT": "eighty"]) == #"PORT: "eighty" is not a port number (1-65535)"#)
        // ...unless the real environment overrides them.
        #expect(failure(["PORT": "81"], dotEnv: ["PORT": "eighty"]) == nil)
    }

    @Test func halfConfiguredPlatformsNameWhatIsMissing() {
        #expect(
            failure(["SLACK_BOT_TOKEN": "xoxb-1"])
                == "SLACK_SIGNING_SECRET: not set, but SLACK_BOT_TOKEN is; Slack needs SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN (or none of them, to disable Slack)"
        )
        #expect(failure(["SLACK_SIGNING_SECRET": "s"])?.hasPrefix("SLACK_BOT_TOKEN: not set, but SLACK_SIGNING_SECRET is") == true)
        #expect(failure(["OKTA_ORG_URL": "https://example.okta.com"])?.hasPrefix("OKTA_API_TOKEN: not set") == true)
        #expect(
            failure(["JIRA_BASE_URL": "https://x.atlassian.net", "JIRA_USER": "bot@example.com"])?.hasPrefix(
                "JIRA_API_TOKEN: not set, but JIRA_BASE_URL and JIRA_USER are") == true)
        #expect(failure(["SERVICENOW_PASSWORD": "p"])?.hasPrefix("SERVICENOW_URL: not set") == true)
        #expect(failure(["TEAMS_TENANT_ID": "contoso.onmicrosoft.com"])?.hasPrefix("TEAMS_APP_ID: not set") == true)
        #expect(
            failure(["TEAMS_APP_ID": "app", "TEAMS_APP_PASSWORD": "pw"])?.hasPrefix("TEAMS_TENANT_ID: not set; single-tenant bots need it")
                == true)
        // Half-configured across the two sources is still half-configured, and whole across them is whole.
        #expect(failure(["SLACK_BOT_TOKEN": "xoxb-1"], dotEnv: ["SLACK_SIGNING_SECRET": "s"]) == nil)
    }

    @Test func baseURLsAloneEnableNothing() throws {
        let settings = try ServerSettings.load(environment: [
            "SLACK_API_URL": "http://127.0.0.1:9999/api", "TEAMS_TOKEN_URL": "http://127.0.0.1:9998/token",
        ])
        #expect(settings.slack == nil)
        #expect(settings.teams == nil)
    }

    @Test func platformsAreReadWhole() throws {
        let settings = try ServerSettings.load(environment: [
            "SLACK_SIGNING_SECRET": "sign", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_API_URL": "http://127.0.0.1:9999/api/",
            "TEAMS_APP_ID": "app-id", "TEAMS_APP_PASSWORD": "pw", "TEAMS_TENANT_ID": "contoso.onmicrosoft.com",
            "OKTA_ORG_URL": "https://example.okta.com", "OKTA_API_TOKEN": "00okta",
            "JIRA_BASE_URL": "https://x.atlassian.net", "JIRA_USER": "bot@example.com", "JIRA_API_TOKEN": "jt",
            "SERVICENOW_URL": "https://x.service-now.com", "SERVICENOW_USER": "bot", "SERVICENOW_PASSWORD": "snp",
            "ADMIN_API_TOKEN": "admin", "PUBLIC_URL": "https://accessbot.example.com/",
            "DATABASE_URL": "postgres://bot:pw@db.internal:5432/accessbot",
        ])
        let slack = try #require(settings.slack)
        #expect(slack.signingSecret.value == "sign")
        #expect(slack.botToken.value == "xoxb-1")
        #expect(slack.apiURL.absoluteString == "http://127.0.0.1:9999/api")
        let teams = try #require(settings.teams)
        #expect(teams.appID == "app-id")
        #expect(teams.tokenURL.absoluteString == "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")
        #expect(teams.openIDMetadataURL.absoluteString == "https://login.botframework.com/v1/.well-known/openidconfiguration")
        #expect(teams.pacing == .milliseconds(600), "the default pace per conversation")
        #expect(settings.okta?.orgURL.absoluteString == "https://example.okta.com")
        #expect(settings.jira?.user == "bot@example.com")
        #expect(settings.serviceNow?.password.value == "snp")
        #expect(settings.adminAPIToken?.value == "admin")
        #expect(settings.publicURL.absoluteString == "https://accessbot.example.com")
        #expect(settings.database == .postgres(try #require(URL(string: "postgres://bot:pw@db.internal:5432/accessbot"))))
        #expect(settings.disabledPlatforms.isEmpty)
        #expect(settings.notices.isEmpty)
    }

    @Test func aMultiTenantTeamsBotNeedsAnExplicitTokenURL() throws {
        let settings = try ServerSettings.load(environment: [
            "TEAMS_APP_ID": "app", "TEAMS_APP_PASSWORD": "pw",
            "TEAMS_TOKEN_URL": "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token",
        ])
        #expect(settings.teams?.tenantID == nil)
        #expect(settings.teams?.tokenURL.host == "login.microsoftonline.com")
    }

    @Test(arguments: [
        ("sqlite:data/accessbot.sqlite", DatabaseURL.sqlite(path: "data/accessbot.sqlite")),
        ("sqlite:///var/lib/accessbot.sqlite", .sqlite(path: "/var/lib/accessbot.sqlite")),
        ("sqlite::memory:", .sqlite(path: ":memory:")),
    ])
    func sqliteURLs(text: String, expected: DatabaseURL) throws {
        #expect(try DatabaseURL(parsing: text) == expected)
    }

    @Test func databaseErrorsAndDescriptionsHideThePassword() throws {
        let database = try DatabaseURL(parsing: "postgresql://bot:hunter2@db:5432/accessbot")
        #expect(database.description == "postgresql://bot:***@db:5432/accessbot")
        #expect(failure(["DATABASE_URL": "postgres://bot:hunter2@/accessbot"])?.contains("hunter2") == false)
        #expect(
            failure(["DATABASE_URL": "postgres://bot:hunter2@/accessbot"])?.hasPrefix("DATABASE_URL: not a valid PostgreSQL URL") == true)
    }

    @Test func secretsNeverAppearInDescriptions() throws {
        let secrets = ["sign-SECRET", "xoxb-SECRET", "pw-SECRET", "okta-SECRET", "jira-SECRET", "snow-SECRET", "admin-SECRET", "db-SECRET"]
        let settings = try ServerSettings.load(environment: [
            "SLACK_SIGNING_SECRET": secrets[0], "SLACK_BOT_TOKEN": secrets[1],
            "TEAMS_APP_ID": "app", "TEAMS_APP_PASSWORD": secrets[2], "TEAMS_TENANT_ID": "t1",
            "OKTA_ORG_URL": "https://example.okta.com", "OKTA_API_TOKEN": secrets[3],
            "JIRA_BASE_URL": "https://x.atlassian.net", "JIRA_USER": "bot", "JIRA_API_TOKEN": secrets[4],
            "SERVICENOW_URL": "https://x.service-now.com", "SERVICENOW_USER": "bot", "SERVICENOW_PASSWORD": secrets[5],
            "ADMIN_API_TOKEN": secrets[6], "DATABASE_URL": "postgres://bot:\(secrets[7])@db/accessbot",
        ])
        var dumped = ""
        dump(settings, to: &dumped)
        var dumpedSlack = ""
        dump(settings.slack, to: &dumpedSlack)
        let texts = [
            settings.description, settings.debugDescription, "\(settings)", String(reflecting: settings), dumped, dumpedSlack,
            "\(String(describing: settings.slack))", "\(String(describing: settings.teams))", "\(String(describing: settings.okta))",
        ]
        for text in texts {
            for secret in secrets { #expect(!text.contains(secret), "\(secret) leaked in \(text)") }
        }
        #expect(settings.description.contains("slack=on"))
        #expect(settings.description.contains("postgres://bot:***@db/accessbot"))
        #expect("\(Secret("abc"))" == "<redacted>")
    }

    @Test func halfConfiguredErrorsNeverQuoteSecrets() {
        let message = failure(["SLACK_BOT_TOKEN": "xoxb-TOPSECRET"]) ?? ""
        #expect(!message.contains("TOPSECRET"))
    }

    @Test func loadsADotEnvFileByPath() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("env-\(UUID().uuidString)")
        try "PORT=7070\nLOG_FORMAT=json\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let settings = try ServerSettings.load(environment: ["LOG_FORMAT": "text"], dotEnvPath: url.path)
        #expect(settings.port == 7070)
        #expect(settings.logFormat == .text)
        #expect(try ServerSettings.load(environment: [:], dotEnvPath: "/nonexistent/.env").port == 8080)
    }

    @Test func ipv6HostsAreBracketedInTheDefaultPublicURL() throws {
        let settings = try ServerSettings.load(environment: ["HOST": "::1", "PORT": "8081"])
        #expect(settings.publicURL.absoluteString == "http://[::1]:8081")
    }
}
