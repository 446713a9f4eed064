import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import SlackAdapter
import Testing

@Suite struct SlackFlowTests {
    @Test func oneLineRequestIsApprovedGrantedAndEveryCopyUpdated() async throws {
        try await SlackHarness.run { slack in
            // Alice asks; the ack is ephemeral and names the new request.
            let ack = try await slack.command("request github-admins for 4h because incident 4411", as: SampleCatalog.alice)
            #expect(ack.status == 200)
            let reply = try #require(SlackJSONValue.parse(ack.body))
            #expect(reply["response_type"]?.string == "ephemeral")
            let ackText = reply["text"]?.string ?? ""
            #expect(ackText.contains("submitted"))
            let ready = try #require(slack.server.state.ready)
            let request = try #require(try await ready.store.requests(RequestQuery(requester: SampleCatalog.alice)).first)
            #expect(ackText.contains(request.id.rawValue))

            // Bob (her manager) gets the card by DM.
            let bobDM = SlackHarness.dm(SampleCatalog.bob)
            try await eventually("card to bob") { await !slack.messages(in: bobDM).isEmpty }
            let bobCard = try #require(await slack.messages(in: bobDM).first)
            #expect(SlackHarness.hasButtons(bobCard))

            // Alice cannot approve her own request; she is told so ephemerally.
            let own = try await slack.click("approve", on: bobCard, as: SampleCatalog.alice)
            #expect(own.status == 200)

            // Bob approves step 1: the IT-ops members and channel get step 2 cards.
            #expect(try await slack.click("approve", on: bobCard, as: SampleCatalog.bob).status == 200)
            try await eventually("step 2 cards") { await !slack.messages(in: "C0ITOPS").isEmpty }
            let teamCard = try #require(await slack.messages(in: "C0ITOPS").first)

            // Dave approves from the team channel: approved, and (no Okta) the team is asked to grant by hand.
            #expect(try await slack.click("approve", on: teamCard, as: SampleCatalog.dave).status == 200)
            try await eventually("approved") { try await ready.store.request(request.id)?.status == .approved }
            try await eventually("mark-as-granted card") {
                await slack.messages(in: "C0ITOPS").contains { (try? SlackHarness.buttonValue("mark_granted", in: $0.blocks)) != nil }
            }
            let grantCard = try #require(
                await slack.messages(in: "C0ITOPS").first { (try? SlackHarness.buttonValue("mark_granted", in: $0.blocks)) != nil })
            #expect(try await slack.click("mark_granted", on: grantCard, as: SampleCatalog.carol).status == 200)
            try await eventually("fulfilled") { try await ready.store.request(request.id)?.status == .fulfilled }

            // Every copy of the approval card lost its buttons and shows the outcome.
            try await eventually("bob's card updated") {
                guard let card = await slack.messages(in: bobDM).first else { return false }
                return card.updates > 0 && !SlackHarness.hasButtons(card)
            }
            // Alice was told along the way (approved, granted).
            let aliceDM = SlackHarness.dm(SampleCatalog.alice)
            try await eventually("alice told it was granted") {
                await slack.messages(in: aliceDM).contains { $0.text.lowercased().contains("grant") }
            }
            let audit = try await ready.store.auditTrail(of: request.id).map(\.action)
            #expect(audit == [.submitted, .stepApproved, .approved, .granted, .fulfilled])
        }
    }

    @Test func aClickOnADecidedCardIsAnsweredAndChangesNothing() async throws {
        try await SlackHarness.run { slack in
            _ = try await slack.command("request prod-db because migration", as: SampleCatalog.alice)
            let erinDM = SlackHarness.dm(SampleCatalog.erin)
            try await eventually("card to erin") { await !slack.messages(in: erinDM).isEmpty }
            let card = try #require(await slack.messages(in: erinDM).first)
            #expect(try await slack.click("approve", on: card, as: SampleCatalog.erin).status == 200)
            let ready = try #require(slack.server.state.ready)
            let request = try #require(try await ready.store.requests(RequestQuery(requester: SampleCatalog.alice)).first)
            try await eventually("approved") { try await ready.store.request(request.id)?.status == .approved }
            let version = try #require(try await ready.store.request(request.id)?.version)

            // A second click on the old card: an ephemeral "already approved by" through response_url.
            #expect(try await slack.click("approve", on: card, as: SampleCatalog.erin).status == 200)
            try await eventually("already-approved answer") {
                await slack.slack.calls().contains { call in
                    call.method.hasPrefix("response_url") && call.body.allTexts.joined().contains("already approved by erin@example.com")
                }
            }
            #expect(try await ready.store.request(request.id)?.version == version)
        }
    }

    @Test func twentySimultaneousClicksMakeOneDecision() async throws {
        try await SlackHarness.run { slack in
            _ = try await slack.command("request prod-db because migration", as: SampleCatalog.alice)
            let erinDM = SlackHarness.dm(SampleCatalog.erin)
            try await eventually("card to erin") { await !slack.messages(in: erinDM).isEmpty }
            let card = try #require(await slack.messages(in: erinDM).first)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 { group.addTask { try await slack.click("approve", on: card, as: SampleCatalog.erin).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 200 })
            let ready = try #require(slack.server.state.ready)
            let request = try #require(try await ready.store.requests(RequestQuery(requester: SampleCatalog.alice)).first)
            let approvals = try await ready.store.auditTrail(of: request.id).filter { $0.action == .approved }
            #expect(approvals.count == 1)
            #expect(try await ready.store.request(request.id)?.decisions.count == 1)
        }
    }

    @Test func denyOpensAReasonModalAndTheSubmissionDenies() async throws {
        try await SlackHarness.run { slack in
            _ = try await slack.command("request prod-db because migration", as: SampleCatalog.alice)
            let erinDM = SlackHarness.dm(SampleCatalog.erin)
            try await eventually("card to erin") { await !slack.messages(in: erinDM).isEmpty }
            let card = try #require(await slack.messages(in: erinDM).first)
            #expect(try await slack.click("deny", on: card, as: SampleCatalog.erin).status == 200)
            let opened = await slack.slack.calls(method: "views.open")
            #expect(opened.count == 1)
            #expect(opened.first?.body["view"]?["callback_id"]?.string == "deny_reason")
            let requestID = try #require(opened.first?.body["view"]?["private_metadata"]?.string)

            let submission = SlackPayloadFixtures.viewSubmission(
                callbackID: "deny_reason", privateMetadata: requestID, values: ["reason": .text("not during the freeze")],
                userID: SlackHarness.slackID(SampleCatalog.erin))
            let closed = try await slack.signedPost("/slack/interactions", body: submission)
            #expect(closed.status == 200)
            let ready = try #require(slack.server.state.ready)
            let request = try #require(try await ready.store.request(RequestID(requestID)))
            #expect(request.status == .denied)
            #expect(request.endReason == "not during the freeze")
            let aliceDM = SlackHarness.dm(SampleCatalog.alice)
            try await eventually("alice told the reason") {
                await slack.messages(in: aliceDM).contains { $0.text.contains("not during the freeze") }
            }
            try await eventually("card updated") { await slack.messages(in: erinDM).first.map { !SlackHarness.hasButtons($0) } ?? false }
        }
    }

    @Test func bareRequestOpensTheModalAndItsSubmissionCreatesTheRequest() async throws {
        try await SlackHarness.run { slack in
            let ack = try await slack.command("request", as: SampleCatalog.alice)
            #expect(ack.status == 200)
            let opened = await slack.slack.calls(method: "views.open")
            #expect(opened.first?.body["view"]?["callback_id"]?.string == "access_request")

            let submission = SlackPayloadFixtures.viewSubmission(
                callbackID: "access_request", privateMetadata: "github-admin",
                values: [
                    "request_type": .option("github-admin"), "resource": .option("github-admins"),
                    "q.reason": .text("on call"), "q.duration": .option("1h"), "justification": .text("on call"),
                ], userID: SlackHarness.slackID(SampleCatalog.alice))
            let response = try await slack.signedPost("/slack/interactions", body: submission)
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            let ready = try #require(slack.server.state.ready)
            let request = try #require(try await ready.store.requests(RequestQuery(requester: SampleCatalog.alice)).first)
            #expect(request.accessDuration == .hours(1))
            #expect(request.status == .pending)
        }
    }

    @Test func typosGetDidYouMeanAndHelpIsShown() async throws {
        try await SlackHarness.run { slack in
            let typo = try await slack.command("request github-admns", as: SampleCatalog.alice)
            #expect(String(decoding: typo.body, as: UTF8.self).contains("github-admins"))
            let help = try await slack.command("frobnicate", as: SampleCatalog.alice)
            #expect(String(decoding: help.body, as: UTF8.self).contains("request RESOURCE"))
            let status = try await slack.command("status", as: SampleCatalog.alice)
            #expect(status.status == 200)
            let ready = try #require(slack.server.state.ready)
            #expect(try await ready.store.requests(RequestQuery(requester: SampleCatalog.alice)).isEmpty)
        }
    }

    @Test func urlVerificationAndHomeTab() async throws {
        try await SlackHarness.run { slack in
            let challenge = try await slack.signedPost(
                "/slack/events", body: SlackPayloadFixtures.urlVerification(challenge: "3eZbrw1aB"), contentType: "application/json")
            #expect(String(decoding: challenge.body, as: UTF8.self).contains("3eZbrw1aB"))

            let event = SlackPayloadFixtures.appHomeOpened(userID: SlackHarness.slackID(SampleCatalog.alice), eventID: "EvHOME1")
            #expect(try await slack.signedPost("/slack/events", body: event, contentType: "application/json").status == 200)
            // A retry of the same event id is acknowledged and not acted on twice.
            #expect(try await slack.signedPost("/slack/events", body: event, contentType: "application/json").status == 200)
            try await eventually("home published") { await slack.slack.home(of: SlackHarness.slackID(SampleCatalog.alice)) != nil }
            try await Task.sleep(for: .milliseconds(200))
            #expect(await slack.slack.calls(method: "views.publish").count == 1)
        }
    }
}
