import AccessCore
import AccessTesting
import Foundation
import HTTPTransport
import Testing

/// The store's group commits show on `/metrics` of the real server (`serve` bootstraps
/// Prometheus; the in-process test servers do not).
@Suite(.enabled(if: ServerProcess.isBuilt, "build the accessbot binary first (make test does)"))
struct StoreMetricsTests {
    @Test func groupCommitsAndTheirWritesAreCounted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configPath = folder.appendingPathComponent("accessbot.yaml").path
        try CrashRecoveryTests.config.write(toFile: configPath, atomically: true, encoding: .utf8)
        let fake = try await FakeSlackAPI.start(
            users: [
                FakeSlackUser(id: "U0001CCCC", email: "alice@example.com"), FakeSlackUser(id: "U0005ERIN0", email: "erin@example.com"),
            ],
            token: SlackHarness.token)
        defer { Task { await fake.stop() } }
        let server = try ServerProcess(environment: [
            "DATABASE_URL": "sqlite:" + folder.appendingPathComponent("metrics.sqlite").path, "ACCESSBOT_CONFIG": configPath,
            "SLACK_SIGNING_SECRET": SlackHarness.secret, "SLACK_BOT_TOKEN": SlackHarness.token, "SLACK_API_URL": fake.baseURL,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ])
        let port = try await server.waitUntilServing()
        let client = CurlHTTPClient()
        let signer = SlackSigner(secret: SlackHarness.secret)
        for index in 0..<3 {
            let body = SlackPayloadFixtures.slashCommand(text: "request prod-db because metrics \(index)", userID: "U0001CCCC")
            let response = try await client.send(
                HTTPRequest(
                    method: .post, url: "http://127.0.0.1:\(port)/slack/commands",
                    headers: HTTPHeaders(
                        signer.headers(for: body, at: Date()).fields + [("Content-Type", "application/x-www-form-urlencoded")]),
                    body: body))
            #expect(String(decoding: response.body, as: UTF8.self).contains("submitted"))
        }

        let metrics = try await client.send(HTTPRequest(method: .get, url: "http://127.0.0.1:\(port)/metrics"))
        let text = String(decoding: metrics.body, as: UTF8.self)
        #expect(Self.value(of: #"accessbot_store_writes_total{result="written"}"#, in: text) ?? 0 >= 3)
        #expect(Self.value(of: "accessbot_store_group_commits_total", in: text) ?? 0 >= 1)
        #expect(Self.value(of: "accessbot_store_group_commit_seconds_count", in: text) ?? 0 >= 1)
        // The buckets `serve` sets for it: sub-millisecond ones, not the default 5 ms and up.
        #expect(text.contains(#"accessbot_store_group_commit_seconds_bucket{le="0.00025"}"#))
        #expect(server.terminate() == 0)
        await client.shutdown()
    }

    /// The value of the sample whose name (and labels) are `series`.
    static func value(of series: String, in exposition: String) -> Double? {
        exposition.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }
}
