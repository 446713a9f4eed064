import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import SlackAdapter
import Testing

/// The outbox delivery service against a fake Slack that fails on purpose.
@Suite struct DeliveryTests {
    @Test func rateLimitIsObeyedAndTheCardArrivesOnce() async throws {
        try await SlackHarness.run { slack in
            await slack.slack.failNext(2, method: "chat.postMessage", with: .rateLimited(retryAfter: 1))
            _ = try await slack.command("request prod-db because migration", as: SampleCatalog.alice)
            let erinDM = SlackHarness.dm(SampleCatalog.erin)
            try await eventually("card to erin", timeout: .seconds(15)) { await slack.messages(in: erinDM).count == 1 }
            let posts = await slack.slack.calls(method: "chat.postMessage")
            #expect(posts.map(\.status) == [429, 429, 200])
            // No call before the Retry-After passed.
            for (earlier, later) in zip(posts, posts.dropFirst()) {
                #expect(later.at - earlier.at >= .milliseconds(990), "retried after \(later.at - earlier.at)")
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(await slack.messages(in: erinDM).count == 1)
        }
    }

    @Test func anOutageDelaysCardsAndLosesNone() async throws {
        try await SlackHarness.run { slack in
            await slack.slack.failNext(2, method: "chat.postMessage", with: .httpStatus(503))
            for reason in ["one", "two", "three"] {
                let ack = try await slack.command("request prod-db because \(reason)", as: SampleCatalog.alice)
                #expect(ack.status == 200)
            }
            let erinDM = SlackHarness.dm(SampleCatalog.erin)
            try await eventually("three cards to erin", timeout: .seconds(20)) { await slack.messages(in: erinDM).count == 3 }
            let ready = try #require(slack.server.state.ready)
            try await eventually("outbox drained") { try await ready.store.outboxCounts().pending == 0 }
            #expect(try await ready.store.outboxCounts().dead == 0)
            #expect(await slack.messages(in: erinDM).count == 3)
        }
    }

    @Test func aPermanentErrorDeadLettersAfterOneTryAndTellsTheEscalationChannel() async throws {
        try await SlackHarness.run { slack in
            await slack.slack.failNext(1, method: "chat.postMessage", with: .error("channel_not_found"))
            _ = try await slack.command("request prod-db because migration", as: SampleCatalog.alice)
            let ready = try #require(slack.server.state.ready)
            try await eventually("dead letter") { try await ready.store.outboxCounts().dead == 1 }
            try await eventually("escalation channel told") { await !slack.messages(in: "C0ADMINS").isEmpty }
            let alert = try #require(await slack.messages(in: "C0ADMINS").first)
            #expect(alert.text.contains("will not retry"))
            try await Task.sleep(for: .milliseconds(500))
            let failed = await slack.slack.calls(method: "chat.postMessage").filter { $0.status == 200 && $0.response["ok"]?.bool == false }
            #expect(failed.count == 1, "the permanent failure was tried once")
            #expect(await slack.messages(in: "C0ADMINS").count == 1, "told once")
        }
    }
}
