import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import SlackAdapter
import Testing

/// Teams end to end over loopback: the fake Bot Framework signs activities with the suite's
/// key, serves the keys and tokens, and records what the connector got.
@Suite struct TeamsFlowTests {
    private typealias H = TeamsHarness
    private static let alice = SampleCatalog.alice
    private static let erin = SampleCatalog.erin
    private static let dave = SampleCatalog.dave

    @Test func slackRequestIsApprovedFromTeamsAndBothPlatformsShowIt() async throws {
        try await H.run { h in
            // The install greeted the team and remembered it.
            let ready = try #require(h.server.state.ready)
            #expect(try await ready.store.installations(platform: .teams).map(\.conversation) == [H.teamID])

            // Alice asks in Slack; erin owns prod-db and approves.
            let ack = try await SlackHarness(server: h.server, slack: h.slack).command(
                "request prod-db for 2h because incident 4411", as: Self.alice)
            #expect(ack.status == 200)
            let request = try #require(try await ready.store.requests(RequestQuery(requester: Self.alice)).first)

            // The card reaches erin on both platforms: Slack DM, and a Teams chat opened from the team roster.
            try await eventually("card in Slack") { await !h.slack.messages(in: SlackHarness.dm(Self.erin)).isEmpty }
            try await eventually("card in Teams") { !h.cards(for: Self.erin).isEmpty }
            #expect(h.teams.createdConversations.count == 1)
            let card = try #require(h.cards(for: Self.erin).first)
            #expect(H.actions(in: card.card).map { $0["verb"]?.string } == ["approve", "deny"])

            // Erin approves in Teams: the invoke answers with the decided card.
            let answer = try await h.invoke("approve", on: card, as: Self.erin)
            #expect(answer.status == 200)
            #expect(answer.body["statusCode"]?.number == 200)
            #expect(answer.body["type"]?.string == "application/vnd.microsoft.card.adaptive")
            #expect(!H.actions(in: answer.body["value"]).contains { $0["verb"]?.string == "approve" })
            #expect(H.text(of: answer.body["value"]).contains("erin@example.com"))
            #expect(try await ready.store.request(request.id)?.status == .approved)

            // Every copy follows: the Teams activity is PUT, the Slack copy is chat.update'd.
            try await eventually("Teams copy updated") { (h.teams.message(card.id, in: card.conversationID)?.updates ?? 0) > 0 }
            let updated = try #require(h.teams.message(card.id, in: card.conversationID))
            #expect(!H.actions(in: updated.card).contains { $0["verb"]?.string == "approve" })
            try await eventually("Slack copy updated") {
                guard let copy = await h.slack.messages(in: SlackHarness.dm(Self.erin)).first else { return false }
                return copy.updates > 0 && (try? SlackHarness.buttonValue("approve", in: copy.blocks)) == nil
            }

            // Granted by hand from Teams: the owning team gets "Mark as granted"; erin clicks it.
            try await eventually("mark-as-granted card in Teams") {
                h.cards(for: Self.erin).contains { m in H.actions(in: m.card).contains { $0["verb"]?.string == "markGranted" } }
            }
            let grantCard = try #require(
                h.cards(for: Self.erin).first { m in H.actions(in: m.card).contains { $0["verb"]?.string == "markGranted" } })
            #expect(try await h.invoke("markGranted", on: grantCard, as: Self.erin).status == 200)
            try await eventually("fulfilled") { try await ready.store.request(request.id)?.status == .fulfilled }
            let audit = try await ready.store.auditTrail(of: request.id).map(\.action)
            #expect(audit == [.submitted, .approved, .granted, .fulfilled])

            // Alice asked in Slack and hears back there, not in Teams.
            let aliceDM = SlackHarness.dm(Self.alice)
            try await eventually("alice told in Slack") { await h.slack.messages(in: aliceDM).contains { $0.text.contains("grant") } }
            #expect(h.teams.messages(in: H.personalConversation(Self.alice)).isEmpty)

            // Every connector call carried the bot's token; one token served them all.
            #expect(h.teams.calls.allSatisfy { $0.authorization?.hasPrefix("Bearer ") == true })
            #expect(h.teams.tokenRequests == 1)
        }
    }

    @Test func teamsRequesterTypesARequestAndTheApproverDecidesInTeams() async throws {
        try await H.run { h in
            #expect(try await h.say("request prod-db for 2h because incident 7", as: Self.alice).status == 200)
            let ready = try #require(h.server.state.ready)
            let request = try #require(try await ready.store.requests(RequestQuery(requester: Self.alice)).first)
            #expect(request.origin.platform == .teams)
            // The reply went to alice's chat and names the request.
            try await eventually("reply to alice") {
                h.teams.messages(in: H.personalConversation(Self.alice)).contains {
                    $0.activity["text"]?.string?.contains(request.id.rawValue) == true
                }
            }
            try await eventually("card to erin") { !h.cards(for: Self.erin).isEmpty }
            let card = try #require(h.cards(for: Self.erin).first)

            // The requester cannot decide; a deny needs a reason; with one it denies.
            let own = try await h.invoke("approve", on: card, as: Self.alice)
            #expect(H.text(of: own.body["value"]).lowercased().contains("not"))
            #expect(try await ready.store.request(request.id)?.status == .pending)
            let noReason = try await h.invoke("deny", on: card, as: Self.erin)
            #expect(H.text(of: noReason.body["value"]).contains("reason is required"))
            #expect(try await ready.store.request(request.id)?.status == .pending)
            let denied = try await h.invoke("deny", on: card, as: Self.erin, reason: "not on call")
            #expect(H.text(of: denied.body["value"]).contains("not on call"))
            #expect(try await ready.store.request(request.id)?.status == .denied)

            // A click on the decided card changes nothing and says who decided.
            let late = try await h.invoke("approve", on: card, as: Self.erin)
            #expect(H.text(of: late.body["value"]).lowercased().contains("already denied by erin@example.com"))
            #expect(try await ready.store.auditTrail(of: request.id).map(\.action) == [.submitted, .denied])
            // Alice is told in Teams, with the reason.
            try await eventually("alice told") {
                h.teams.messages(in: H.personalConversation(Self.alice)).contains {
                    $0.activity["text"]?.string?.contains("not on call") == true
                }
            }
            // She asked in Teams, so Slack stays quiet.
            #expect(await h.slack.messages(in: SlackHarness.dm(Self.alice)).isEmpty)
        }
    }

    @Test func bareRequestAnswersWithTheFormAndItsSubmissionCreatesTheRequest() async throws {
        try await H.run { h in
            #expect(try await h.say("request", as: Self.alice).status == 200)
            try await eventually("form card") { !h.cards(for: Self.alice).isEmpty }
            let chooser = try #require(h.cards(for: Self.alice).first)
            let form = try await h.invoke("chooseType", on: chooser, as: Self.alice, extra: ["requestType": .string("prod-db")])
            let submit = try #require(H.actions(in: form.body["value"]).first { $0["verb"]?.string == "submitRequest" })
            var data = submit["data"]?.object ?? [:]
            data["resource"] = .string("prod-db")
            data["justification"] = .string("migration tonight")
            let response = try await h.post(
                TeamsActivityFixtures.invoke(
                    verb: "submitRequest", data: data, from: H.teamsID(Self.alice), replyToID: chooser.id,
                    conversationID: chooser.conversationID, serviceURL: h.teams.serviceURL))
            let shown = H.text(of: SlackJSONValue.parse(response.body)?["value"])
            #expect(shown.contains("submitted"))
            let ready = try #require(h.server.state.ready)
            let request = try #require(try await ready.store.requests(RequestQuery(requester: Self.alice)).first)
            #expect(request.justification == "migration tonight")
        }
    }

    @Test func twentySimultaneousInvokesMakeOneDecision() async throws {
        try await H.run { h in
            #expect(try await h.say("request aws-prod because audit", as: Self.alice).status == 200)
            try await eventually("card to dave") { !h.cards(for: Self.dave).isEmpty }
            let card = try #require(h.cards(for: Self.dave).first)
            let answers = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 { group.addTask { try await h.invoke("approve", on: card, as: Self.dave).status } }
                var statuses: [Int] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(answers == Array(repeating: 200, count: 20))
            let ready = try #require(h.server.state.ready)
            let request = try #require(try await ready.store.requests(RequestQuery(requester: Self.alice)).first)
            #expect(request.decisions.count == 1, "aws-prod needs two of security; one click of dave counts once")
            #expect(request.status == .pending)
        }
    }

    @Test func throttledConnectorIsRetriedAfterRetryAfterAndSlackIsNotDoubled() async throws {
        try await H.run { h in
            h.teams.failNext(count: 1, method: "POST", status: 429, retryAfter: 1)
            #expect(
                try await SlackHarness(server: h.server, slack: h.slack).command("request prod-db for 1h because x", as: Self.alice).status
                    == 200)
            try await eventually("card in Teams after the wait", timeout: .seconds(15)) { !h.cards(for: Self.erin).isEmpty }
            #expect(h.cards(for: Self.erin).count == 1)
            #expect(await h.slack.messages(in: SlackHarness.dm(Self.erin)).count == 1, "the Slack copy was not sent again")
            let throttled = h.teams.calls.filter { $0.status == 429 }
            let retried = try #require(h.cards(for: Self.erin).first)
            #expect(!throttled.isEmpty)
            let sent = try #require(
                h.teams.calls.first { $0.activityID == nil && $0.status == 201 && $0.conversationID == retried.conversationID })
            #expect(sent.at.timeIntervalSince(try #require(throttled.first).at) >= 0.9, "Retry-After: 1 was honoured")
        }
    }

    @Test func aRevokedTokenIsReplacedOnceAndTheCallRetried() async throws {
        try await H.run { h in
            h.teams.revokeAllTokens()
            #expect(try await h.say("help", as: Self.alice).status == 200)
            try await eventually("help reply") { !h.teams.messages(in: H.personalConversation(Self.alice)).isEmpty }
            #expect(h.teams.tokenRequests == 2)
        }
    }

    @Test func uninstallForgetsTheTeamAndUnknownActivitiesAreIgnored() async throws {
        try await H.run { h in
            let typing = Array(#"{"type":"typing","channelId":"msteams","serviceUrl":"SERVICE","conversation":{"id":"a:1x"}}"#.utf8)
            let body = Array(String(decoding: typing, as: UTF8.self).replacingOccurrences(of: "SERVICE", with: h.teams.serviceURL).utf8)
            #expect(try await h.post(body).status == 200)
            #expect(
                try await h.post(
                    TeamsActivityFixtures.installationUpdate(action: "remove", teamID: H.teamID, serviceURL: h.teams.serviceURL)
                ).status == 200)
            let ready = try #require(h.server.state.ready)
            #expect(try await ready.store.installations(platform: .teams).isEmpty)
        }
    }
}
