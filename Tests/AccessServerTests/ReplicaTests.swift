import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import Testing

@testable import AccessStore

/// The PostgreSQL server the tests may use (`eval "$(scripts/pg-cluster.sh start)"`).
let testPostgresURL: String? = ProcessInfo.processInfo.environment["ACCESSBOT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

/// Two replicas on one PostgreSQL database share the outbox: every card goes out once.
@Suite(.enabled(if: testPostgresURL != nil, "set ACCESSBOT_TEST_POSTGRES_URL (make test starts a cluster)"))
struct ReplicaTests {
    static var postgresURL: String? { testPostgresURL }

    @Test func twoReplicasDeliverEveryCardOnce() async throws {
        let base = try #require(Self.postgresURL)
        let schema = "replicas_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let url = base + (base.contains("?") ? "&" : "?") + "search_path=\(schema)"
        let fake = try await FakeSlackAPI.start(
            users: SlackHarness.users.map { FakeSlackUser(id: $0.slack, email: $0.person.rawValue) }, token: SlackHarness.token)
        var configuration = ServerConfiguration(
            databaseURL: url, catalog: SampleCatalog.catalog.grantingByHand(),
            slack: SlackConfiguration(signingSecret: SlackHarness.secret, botToken: SlackHarness.token, apiURL: fake.baseURL),
            pollInterval: .milliseconds(50))
        configuration.slackChannelInterval = .milliseconds(1)
        let shared = configuration
        let count = 30
        do {
            // Both start at once: migrations take the advisory lock in turn.
            try await TestServer.withServer(shared) { first in
                try await TestServer.withServer(shared) { second in
                    _ = try await first.waitUntilReady(timeout: .seconds(20))
                    _ = try await second.waitUntilReady(timeout: .seconds(20))
                    let slack = SlackHarness(server: first, slack: fake)
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for index in 0..<count {
                            group.addTask {
                                let ack = try await slack.command("request prod-db because replica \(index)", as: SampleCatalog.alice)
                                #expect(ack.status == 200)
                            }
                        }
                        try await group.waitForAll()
                    }
                    let erinDM = SlackHarness.dm(SampleCatalog.erin)
                    try await eventually("all cards", timeout: .seconds(30)) { await fake.messages(in: erinDM).count >= count }
                    try await Task.sleep(for: .milliseconds(500))
                    let cards = await fake.messages(in: erinDM)
                    #expect(cards.count == count, "no card twice")
                    #expect(Set(cards.map(\.text)).count == count)
                }
            }
        } catch {
            await fake.stop()
            throw error
        }
        await fake.stop()
        let store = try await SQLStore.open(url: url, logger: .init(label: "cleanup"))
        try? await store.dropSchema()
        try? await store.close()
    }
}
