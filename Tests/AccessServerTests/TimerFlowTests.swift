import AccessCore
import AccessServer
import AccessTesting
import Foundation
import SlackAdapter
import Testing

@testable import AccessStore

/// Reminders, escalations and timeouts end to end, with durations of seconds: the timer
/// service fires each within a second of its due time.
@Suite struct TimerFlowTests {
    @Test func aStalledRequestIsRemindedEscalatedAndTimesOut() async throws {
        try await FlowHarness.run(okta: false) { slack, _ in
            #expect(try await slack.command("request prod-db because migration", as: SampleCatalog.alice).status == 200)
            let request = try await slack.latestRequest()
            let bobDM = SlackHarness.dm(SampleCatalog.bob)
            try await eventually("card to bob") { await !slack.messages(in: bobDM).isEmpty }

            try await eventually("reminder", timeout: .seconds(5)) { await !slack.messages(in: bobDM, containing: "Reminder").isEmpty }
            let reminder = try #require(await slack.messages(in: bobDM, containing: "Reminder").first)
            #expect(SlackHarness.hasButtons(reminder))

            try await eventually("escalation", timeout: .seconds(5)) { await !slack.messages(in: "C0ADMINS").isEmpty }
            let escalation = try #require(await slack.messages(in: "C0ADMINS").first)
            let texts = escalation.blocks.allTexts.joined(separator: "\n")
            #expect(texts.contains("Escalation: access request \(request.id)"))
            // Its age (cards show whole minutes, at least one) and who it waits on.
            #expect(texts.contains("Waiting 1m on <@\(SlackHarness.slackID(SampleCatalog.bob))>"), "\(texts)")
            #expect((try? SlackHarness.buttonValue("approve", in: escalation.blocks)) == request.id.rawValue)
            #expect((try? SlackHarness.buttonValue("deny", in: escalation.blocks)) == request.id.rawValue)

            try await eventually("timed out", timeout: .seconds(6)) { try await slack.request(request.id)?.status == .timedOut }
            let aliceDM = SlackHarness.dm(SampleCatalog.alice)
            try await eventually("alice told") { await !slack.messages(in: aliceDM, containing: "timed out").isEmpty }
            try await eventually("bob told") { await !slack.messages(in: bobDM, containing: "timed out").isEmpty }
            try await eventually("every card updated") {
                let cards = await slack.messages(in: bobDM).filter { $0.text.hasPrefix("Access request") }
                let channel = await slack.messages(in: "C0ADMINS")
                return cards.count == 2 && (cards + channel).allSatisfy { $0.updates > 0 && !SlackHarness.hasButtons($0) }
            }

            // Each timer fired within a second of its due time.
            let ready = try #require(slack.server.state.ready)
            let audit = try await ready.store.auditTrail(of: request.id)
            #expect(audit.map(\.action) == [.submitted, .reminded, .escalated, .timedOut])
            for (action, due) in [(AuditEvent.Action.reminded, 1.0), (.escalated, 2.0), (.timedOut, 4.0)] {
                let at = try #require(audit.first { $0.action == action }?.at)
                let late = at.timeIntervalSince(request.createdAt) - due
                #expect(late >= 0 && late < 1, "\(action) fired \(late) s after its due time")
            }
        }
    }

    @Test func theOwningTeamDecidesFromTheEscalationCard() async throws {
        try await FlowHarness.run(okta: false) { slack, _ in
            _ = try await slack.command("request wiki because docs cleanup", as: SampleCatalog.alice)
            let request = try await slack.latestRequest()
            try await eventually("escalation", timeout: .seconds(5)) { await !slack.messages(in: "C0ADMINS").isEmpty }
            let escalation = try #require(await slack.messages(in: "C0ADMINS").first)
            // Erin is neither the approver nor in the owning team: refused, nothing changes.
            #expect(try await slack.click("approve", on: escalation, as: SampleCatalog.erin).status == 200)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await slack.request(request.id)?.status == .pending)
            // Dave, of the owning team, approves from the channel.
            #expect(try await slack.click("approve", on: escalation, as: SampleCatalog.dave).status == 200)
            try await eventually("approved") { try await slack.request(request.id)?.status == .approved }
            #expect(try await slack.request(request.id)?.decisions.map(\.approver) == [SampleCatalog.dave])
            try await eventually("escalation card updated") {
                guard let card = await slack.messages(in: "C0ADMINS").first else { return false }
                return card.updates > 0 && (try? SlackHarness.buttonValue("approve", in: card.blocks)) == nil
            }
        }
    }

    @Test(.enabled(if: testPostgresURL != nil, "set ACCESSBOT_TEST_POSTGRES_URL (eval \"$(scripts/pg-cluster.sh start)\")"))
    func twoReplicasOnOnePostgreSQLFireEachTimerOnce() async throws {
        let base = try #require(testPostgresURL)
        let schema = "timers_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let url = base + (base.contains("?") ? "&" : "?") + "search_path=\(schema)"
        let slack = try await FlowHarness.startSlack()
        var configuration = FlowHarness.configuration(databaseURL: url, slack: slack, okta: nil)
        configuration.pollInterval = .milliseconds(50)
        let shared = configuration
        let count = 20
        do {
            try await TestServer.withServer(shared) { first in
                try await TestServer.withServer(shared) { second in
                    _ = try await first.waitUntilReady(timeout: .seconds(20))
                    let ready = try await second.waitUntilReady(timeout: .seconds(20))
                    let harness = SlackHarness(server: first, slack: slack)
                    for index in 0..<count {
                        #expect(try await harness.command("request vpn because replica \(index)", as: SampleCatalog.alice).status == 200)
                    }
                    let requests = try await ready.store.requests(RequestQuery(requester: SampleCatalog.alice, limit: 100))
                    #expect(requests.count == count)
                    try await eventually("every reminder fired", timeout: .seconds(15)) {
                        let pending = try await ready.store.outboxCounts().pending
                        let next = try await ready.store.nextTimerDue()
                        return pending == 0 && next == nil
                    }
                    try await Task.sleep(for: .seconds(1))
                    for request in requests {
                        let reminded = try await ready.store.auditTrail(of: request.id).filter { $0.action == .reminded }
                        #expect(reminded.count == 1, "\(request.id) reminded \(reminded.count) times")
                    }
                    let reminders = await harness.messages(in: SlackHarness.dm(SampleCatalog.bob), containing: "Reminder")
                    #expect(reminders.count == count, "one reminder card per request")
                }
            }
        } catch {
            await slack.stop()
            throw error
        }
        await slack.stop()
        let store = try await SQLStore.open(url: url, logger: .init(label: "cleanup"))
        try? await store.dropSchema()
        try? await store.close()
    }
}
