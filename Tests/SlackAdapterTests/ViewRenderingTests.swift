import AccessCore
import AccessTesting
import Foundation
import SlackAdapter
import Testing

@Suite("Modals, App Home, replies and notices")
struct ViewRenderingTests {
    @Test("the request modal shows the type, its resources and questions, and submits back as a RequestForm")
    func requestForm() throws {
        let view = SlackViews.requestForm(catalog: Fixtures.catalog)
        #expect(try Fixtures.viewProblem(view) == nil)
        #expect(view.callbackID == "access_request")
        #expect(view.privateMetadata == "github-admin")
        let json = try Fixtures.json(view)
        let blocks = try #require(json["blocks"]?.array)
        let ids = blocks.compactMap { $0["block_id"]?.string }
        #expect(ids == ["request_type", "resource", "q.reason", "q.duration", "justification"])
        #expect(blocks[0]["dispatch_action"]?.bool == true)
        #expect(blocks[1]["element"]?["initial_option"]?["value"]?.string == "github-admins")
        #expect(blocks[2]["optional"] == nil)
        #expect(blocks[3]["element"]?["type"]?.string == "static_select")
        #expect(blocks[3]["element"]?["options"]?.array?.count == 3)

        // Submit what the modal offers: every input id round-trips to the form.
        let body = SlackPayloadFixtures.viewSubmission(
            callbackID: try #require(view.callbackID), privateMetadata: try #require(view.privateMetadata),
            values: [
                "request_type": .option("github-admin"), "resource": .option("github-admins"), "q.reason": .text("on call"),
                "q.duration": .option("8h"), "justification": .text("incident"),
            ])
        guard case .requestSubmitted(let form, _) = try SlackInteraction.decode(formBody: body).kind else { Issue.record("kind"); return }
        let submission = form.submission(
            id: "R-NEW00001", requester: DirectoryUser(id: Fixtures.alice, manager: Fixtures.bob), origin: Origin(platform: .slack))
        let outcome = try Workflow(catalog: Fixtures.catalog).submit(submission, now: Fixtures.start)
        #expect(outcome.request.accessDuration == .hours(8))
        #expect(outcome.request.justification == "incident")
    }

    @Test("the modal for another type, and for an empty catalog")
    func otherTypes() throws {
        let view = SlackViews.requestForm(catalog: Fixtures.catalog, requestType: "db-access")
        #expect(try Fixtures.viewProblem(view) == nil)
        #expect(view.privateMetadata == "db-access")
        let empty = SlackViews.requestForm(catalog: Catalog(resources: [], teams: [], requestTypes: []))
        #expect(try Fixtures.viewProblem(empty) == nil)
        #expect(empty.submit == nil)
    }

    @Test("refusals point at the input they concern")
    func formErrors() throws {
        let missing = SlackViews.requestFormErrors(for: .missingAnswer("reason", question: "Why?"))
        #expect(missing == .errors(["q.reason": "Please answer: Why?"]))
        #expect(SlackViews.requestFormErrors(for: .noResourceChosen) == .errors(["resource": "Choose a resource to request."]))
        guard case .errors(let other) = SlackViews.requestFormErrors(for: .noManager(Fixtures.alice)) else { return }
        #expect(other.keys.first == "request_type")
        guard case .errors(let deny) = SlackViews.denyReasonErrors(for: .selfApproval) else { return }
        #expect(deny == ["reason": "You cannot approve or deny your own request."])
    }

    @Test("the deny-reason modal carries the request id")
    func denyModal() throws {
        let view = SlackViews.denyReason(request: Fixtures.pending(), catalog: Fixtures.catalog, mentions: Fixtures.mentions)
        #expect(try Fixtures.viewProblem(view) == nil)
        #expect(view.callbackID == "deny_reason")
        #expect(view.privateMetadata == "R-7KX2P9QM")
    }

    @Test("the App Home with many requests stays within 100 blocks and unique action ids")
    func home() throws {
        let waiting = (0..<40).map {
            Fixtures.pending(id: RequestID("R-W\($0)"), justification: "<!channel> " + String(repeating: "j", count: 5000))
        }
        let mine = (0..<40).map { Fixtures.pending(id: RequestID("R-M\($0)")) }
        let view = SlackHome.view(
            mine: mine, waitingOnMe: waiting, catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: Fixtures.start)
        #expect(try Fixtures.viewProblem(view) == nil)
        let json = try Fixtures.json(view)
        #expect(!json.allTexts.joined().contains("<!channel>"))
        #expect(json.allTexts.joined().contains("… and 25 more"))
        let empty = SlackHome.view(mine: [], waitingOnMe: [], catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: Fixtures.start)
        #expect(try Fixtures.viewProblem(empty) == nil)
        // The Home buttons decode like the card buttons.
        let approve = json["blocks"]?.array?.first { $0["block_id"]?.string == "home-decide:R-W0:0" }?["elements"]?[0]
        let click = SlackPayloadFixtures.blockActions(
            actionID: try #require(approve?["action_id"]?.string), value: approve?["value"]?.string,
            container: .view(id: "VHOME", type: "home"))
        #expect(try SlackInteraction.decode(formBody: click).kind == .cardAction(.approve("R-W0"), source: .homeTab(viewID: "VHOME")))
    }

    @Test("replies escape what people typed")
    func replies() throws {
        #expect(SlackReplies.help().text == ChatCommandParser.usage)
        guard case .invalid(let reason) = ChatCommandParser.parse("<!channel> now") else { Issue.record("parser"); return }
        let invalid = SlackReplies.invalid(reason)
        #expect(!invalid.text.contains("<!channel>"))
        #expect(invalid.text.contains("&lt;!channel&gt;"))
        let error = SlackReplies.error(.unknownResource("<!here>", suggestions: ["github-admins"]))
        #expect(!error.text.contains("<!here>"))
        let list = SlackReplies.status(
            (0..<60).map { Fixtures.pending(id: RequestID("R-\($0)")) }, catalog: Fixtures.catalog, mentions: Fixtures.mentions)
        #expect(try Fixtures.messageProblem(list) == nil)
        #expect(SlackReplies.pending([], catalog: Fixtures.catalog, mentions: Fixtures.mentions).text == "Nothing waits on you.")
        let one = SlackReplies.status(of: Fixtures.pending(), catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: Fixtures.start)
        #expect(!one.blocks.contains { if case .actions = $0 { true } else { false } })
    }

    static let notices: [Notice] = [
        .submitted, .durationCapped(to: .hours(8)), .stepApproved(step: 0, of: 2, by: Fixtures.bob), .approved(by: [Fixtures.bob]),
        .approved(by: []), .denied(by: Fixtures.bob, reason: "<!channel> " + String(repeating: "r", count: 10_000)),
        .cancelled(by: .user(Fixtures.alice), reason: nil), .cancelled(by: .admin("ops"), reason: "dup"), .timedOut,
        .granted(until: Fixtures.start), .granted(until: nil), .grantFailed(reason: "okta said <no>"),
        .expiringSoon(at: Fixtures.start), .expired, .revoked(by: .system, reason: "left"),
    ]

    @Test("every notice has words, for the requester and for others", arguments: notices)
    func noticeTexts(notice: Notice) throws {
        let request = Fixtures.pending()
        for audience in [Audience.user(Fixtures.alice), .user(Fixtures.carol), .channel(ChannelRef(slack: "C0ITOPS"))] {
            let message = SlackNotices.message(
                for: Notification(requestID: request.id, audience: audience, notice: notice), request: request,
                catalog: Fixtures.catalog, mentions: Fixtures.mentions)
            #expect(message.text.count > 20)
            #expect(message.text.utf16.count <= 4000)
            #expect(!message.text.contains("<!channel>"))
            #expect(!message.text.contains("<no>"))
            #expect(message.text.contains("R-7KX2P9QM"))
            #expect(message.text.lowercased().contains("your ") == (audience == .user(Fixtures.alice)))
        }
    }
}
