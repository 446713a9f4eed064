import AccessCore
import AccessServer
import AccessTesting
import Foundation

/// A server on `TimerCatalog` wired to a fake Slack and, unless `okta` is false, a fake Okta
/// org holding the sample people (in Okta alice's manager is erin, by `managerId`; in the
/// config it is bob). Slack pacing is off and workers poll every 100 ms, so flows measured in
/// seconds stay short.
enum FlowHarness {
    static let people: [FakeOktaUser] = [
        FakeOktaUser(id: "00ualice", login: "alice@example.com", firstName: "Alice", managerId: "00uerin"),
        FakeOktaUser(id: "00ubob", login: "bob@example.com", firstName: "Bob"),
        FakeOktaUser(id: "00ucarol", login: "carol@example.com", firstName: "Carol", managerId: "00ubob"),
        FakeOktaUser(id: "00udave", login: "dave@example.com", firstName: "Dave", managerId: "00ubob"),
        FakeOktaUser(id: "00uerin", login: "erin@example.com", firstName: "Erin", managerId: "00ubob"),
    ]

    static func configuration(
        databaseURL: String, slack: FakeSlackAPI, okta: FakeOkta?, grantAttempts: Int = 8, directoryCacheTTL: Duration = .seconds(300)
    ) -> ServerConfiguration {
        var configuration = ServerConfiguration(
            databaseURL: databaseURL, catalog: okta == nil ? TimerCatalog.catalog.grantingByHand() : TimerCatalog.catalog,
            slack: SlackConfiguration(signingSecret: SlackHarness.secret, botToken: SlackHarness.token, apiURL: slack.baseURL),
            okta: okta.map {
                OktaConfiguration(
                    orgURL: $0.baseURL, apiToken: FakeOkta.token, directoryCacheTTL: directoryCacheTTL, grantAttempts: grantAttempts)
            },
            pollInterval: .milliseconds(100))
        configuration.slackChannelInterval = .milliseconds(1)
        return configuration
    }

    static func startSlack() async throws -> FakeSlackAPI {
        try await FakeSlackAPI.start(
            users: SlackHarness.users.map { FakeSlackUser(id: $0.slack, email: $0.person.rawValue, realName: $0.person.rawValue) },
            token: SlackHarness.token)
    }

    /// Starts the fakes and one server, runs `body`, stops them all.
    static func run<T: Sendable>(
        okta withOkta: Bool = true, grantAttempts: Int = 8, directoryCacheTTL: Duration = .seconds(300),
        _ body: @Sendable (SlackHarness, FakeOkta) async throws -> T
    ) async throws -> T {
        let okta = try FakeOkta(users: people, groups: [TimerCatalog.group], apps: [TimerCatalog.app])
        let slack = try await startSlack()
        let configuration = configuration(
            databaseURL: temporarySQLiteURL(), slack: slack, okta: withOkta ? okta : nil, grantAttempts: grantAttempts,
            directoryCacheTTL: directoryCacheTTL)
        do {
            let result = try await TestServer.withServer(configuration) { server in
                _ = try await server.waitUntilReady()
                return try await body(SlackHarness(server: server, slack: slack), okta)
            }
            await slack.stop()
            okta.stop()
            return result
        } catch {
            await slack.stop()
            okta.stop()
            throw error
        }
    }
}
