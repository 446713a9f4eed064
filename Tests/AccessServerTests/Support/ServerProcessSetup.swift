import AccessTesting
import Foundation
import HTTPTransport

/// What a test of the real `accessbot serve` binary needs: a temporary folder with a small
/// config (alice asks for `prod-db`, erin owns it), a fake Slack API that knows both, and the
/// environment for a server on an SQLite file in that folder.
struct ServerProcessSetup {
    static let config = """
        settings:
          escalation_channel: { slack: C0ADMINS }
        users:
          - { email: alice@example.com, manager: bob@example.com }
          - { email: bob@example.com }
          - { email: erin@example.com }
        resources:
          - { id: prod-db, name: Production database, grant: manual, owners: [erin@example.com] }
        teams:
          - { id: security, name: Security, members: [erin@example.com] }
        request_types:
          - id: prod-db
            name: Production database
            team: security
            resources: [prod-db]
            questions:
              - { id: reason, text: "Why?", required: true }
            approvals:
              - { approver: resource_owner }
        """

    /// Alice's and erin's Slack ids; erin's cards go to `D0005ERIN0`.
    static let alice = "U0001CCCC"
    static let erin = "U0005ERIN0"

    let folder: URL
    let fake: FakeSlackAPI
    let environment: [String: String]

    static func make() async throws -> ServerProcessSetup {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configPath = folder.appendingPathComponent("accessbot.yaml").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        let fake = try await FakeSlackAPI.start(
            users: [FakeSlackUser(id: alice, email: "alice@example.com"), FakeSlackUser(id: erin, email: "erin@example.com")],
            token: SlackHarness.token)
        let environment = [
            "DATABASE_URL": "sqlite:" + folder.appendingPathComponent("accessbot.sqlite").path, "ACCESSBOT_CONFIG": configPath,
            "SLACK_SIGNING_SECRET": SlackHarness.secret, "SLACK_BOT_TOKEN": SlackHarness.token, "SLACK_API_URL": fake.baseURL,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        return ServerProcessSetup(folder: folder, fake: fake, environment: environment)
    }

    /// Stops the fake and removes the folder.
    func remove() async {
        await fake.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A signed `/access` slash command from `user` to the server on `port`.
    static func slashCommand(_ text: String, from user: String = alice, port: Int, client: CurlHTTPClient) async throws -> HTTPResponse {
        let body = SlackPayloadFixtures.slashCommand(text: text, userID: user)
        let headers = SlackSigner(secret: SlackHarness.secret).headers(for: body, at: Date())
        return try await client.send(
            HTTPRequest(
                method: .post, url: "http://127.0.0.1:\(port)/slack/commands",
                headers: HTTPHeaders(headers.fields + [("Content-Type", "application/x-www-form-urlencoded")]), body: body))
    }
}
