import AccessCore
import AccessTesting
import Foundation
import HTTPTransport
import Testing

/// Nothing accepted is lost across kill -9: cards queued while Slack is down are delivered
/// after a restart, once each.
@Suite(.serialized, .enabled(if: ServerProcess.isBuilt, "build the accessbot binary first (make test does)"))
struct CrashRecoveryTests {
    @Test func killNineWithCardsQueuedThenRestartDeliversEachOnce() async throws {
        let setup = try await ServerProcessSetup.make()
        defer { Task { await setup.remove() } }
        let fake = setup.fake
        let environment = setup.environment
        // Slack is down: every card post fails.
        await fake.failNext(100_000, method: "chat.postMessage", with: .httpStatus(503))

        let first = try ServerProcess(environment: environment)
        let port = try await first.waitUntilServing()
        let client = CurlHTTPClient()
        let count = 5
        for index in 0..<count {
            let response = try await ServerProcessSetup.slashCommand(
                "request prod-db because crash test \(index)", port: port, client: client)
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
