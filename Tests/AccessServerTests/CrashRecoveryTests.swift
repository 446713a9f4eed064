import AccessCore
import AccessTesting
import Foundation
import HTTPTransport
import Testing

/// Nothing accepted is lost across kill -9: cards queued while Slack is down are delivered
/// after a restart, once each.
@Suite(.serialized, .enabled(if: ServerProcess.isBuilt, "build the accessbot binary first (make test does)"))
struct CrashRecoveryTests {
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

    @Test func killNineWithCardsQueuedThenRestartDeliversEachOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configPath = folder.appendingPathComponent("accessbot.yaml").path
        try Self.config.write(toFile: configPath, atomically: true, encoding: .utf8)

        let fake = try await FakeSlackAPI.start(
            users: [
                FakeSlackUser(id: "U0001CCCC", email: "alice@example.com"), FakeSlackUser(id: "U0005ERIN0", email: "erin@example.com"),
            ], token: SlackHarness.token)
        defer { Task { await fake.stop() } }
        let environment = [
            "DATABASE_URL": "sqlite:" + folder.appendingPathComponent("crash.sqlite").path, "ACCESSBOT_CONFIG": configPath,
            "SLACK_SIGNING_SECRET": SlackHarness.secret, "SLACK_BOT_TOKEN": SlackHarness.token, "SLACK_API_URL": fake.baseURL,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        // Slack is down: every card post fails.
        await fake.failNext(100_000, method: "chat.postMessage", with: .httpStatus(503))

        let first = try ServerProcess(environment: environment)
        let port = try await first.waitUntilServing()
        let client = CurlHTTPClient()
        let signer = SlackSigner(secret: SlackHarness.secret)
        let count = 5
        for index in 0..<count {
            let body = SlackPayloadFixtures.slashCommand(text: "request prod-db because crash test \(index)", userID: "U0001CCCC")
            let headers = signer.headers(for: body, at: Date())
            let response = try await client.send(
                HTTPRequest(
                    method: .post, url: "http://127.0.0.1:\(port)/slack/commands",
                    headers: HTTPHeaders(headers.fields + [("Content-Type", "application/x-www-form-urlencoded")]), body: body))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self).contains("submitted"))
        }
        try await eventually("delivery attempted during the outage") {
            await fake.calls(method: "chat.postMessage").count >= 1
        }
        first.kill9()

        // Slack is back; a new process on the same database finishes the work.
        await fake.clearFailures()
        let second = try ServerProcess(environment: environment)
        _ = try await second.waitUntilServing()
        try await eventually("every card delivered", timeout: .seconds(60)) {
            await fake.messages(in: "D0005ERIN0").count >= count
        }
        try await Task.sleep(for: .milliseconds(500))
        let cards = await fake.messages(in: "D0005ERIN0")
        #expect(cards.count == count, "each card once")
        #expect(Set(cards.map(\.text)).count == count)
        #expect(second.terminate() == 0, "graceful exit on SIGTERM")
        await client.shutdown()
    }
}
