import AccessCore
import AccessTesting
import Foundation
import SlackAdapter
import Testing

@Suite("Approval cards")
struct CardRenderingTests {
    let now = Fixtures.start.addingTimeInterval(26 * 3600)

    @Test("a pending card shows who, what, answers, step and the two buttons")
    func approvalCard() throws {
        let card = SlackCards.card(
            for: Fixtures.pending(), purpose: .approval, catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: now)
        #expect(try Fixtures.messageProblem(card) == nil)
        let json = try Fixtures.json(card.blocks)
        let texts = json.allTexts.joined(separator: "\n")
        #expect(texts.contains("Access request R-7KX2P9QM"))
        #expect(texts.contains("<@U0001CCCC> asks for *GitHub admins*"))
        #expect(texts.contains("*Duration*\n4h"))
        #expect(texts.contains("*Step*\n1 of 2: manager"))
        #expect(texts.contains("*Why do you need it?*\non call"))
        #expect(texts.contains("incident 4411"))
        #expect(texts.contains("Times out <!date^1700259200^"))
        #expect(card.text.contains("Access request R-7KX2P9QM from Alice"))

        let actions = try #require(json.array?.last)
        #expect(actions["type"]?.string == "actions")
        let approve = try #require(actions["elements"]?[0])
        let deny = try #require(actions["elements"]?[1])
        #expect(approve["action_id"]?.string == "approve")
        #expect(approve["style"]?.string == "primary")
        #expect(approve["value"]?.string == "R-7KX2P9QM")
        #expect(approve["confirm"] != nil)
        #expect(deny["action_id"]?.string == "deny")
        #expect(deny["style"]?.string == "danger")
        #expect(deny["value"]?.string == "R-7KX2P9QM")
    }

    @Test(
        "huge and hostile user input stays escaped and within limits", arguments: [CardDelivery.Purpose.approval, .reminder, .escalation])
    func hostileInput(purpose: CardDelivery.Purpose) throws {
        let evil = "<!channel> <!here> <@U0BOSS> <https://evil.example|click> & " + String(repeating: "x<>&", count: 2500)
        var request = Fixtures.pending(justification: evil, answer: evil)
        request.answers += (0..<30).map { Answer(question: QuestionID("q\($0)"), value: evil) }
        let card = SlackCards.card(for: request, purpose: purpose, catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: now)
        #expect(try Fixtures.messageProblem(card) == nil)
        let json = try Fixtures.json(card.blocks)
        #expect(FakeSlackValidator.totalText(json) < 13_000)
        for text in json.allTexts + [card.text] {
            #expect(!text.contains("<!channel>"))
            #expect(!text.contains("<!here>"))
            #expect(!text.contains("<@U0BOSS>"))
            #expect(!text.contains("<https://evil"))
        }
        #expect(json.allTexts.joined().contains("&lt;!channel&gt;"))
    }

    @Test("a 10k-character deny reason is cut, escaped, and the buttons are gone")
    func deniedCard() throws {
        let reason = "<!channel> " + String(repeating: "no ", count: 3400)
        let card = SlackCards.current(
            request: Fixtures.denied(reason: reason), catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: now)
        #expect(try Fixtures.messageProblem(card) == nil)
        let json = try Fixtures.json(card.blocks)
        #expect(!(json.array ?? []).contains { $0["type"]?.string == "actions" })
        let texts = json.allTexts.joined(separator: "\n")
        #expect(texts.contains(":no_entry: *Denied* by <@U0002EEEE>"))
        #expect(texts.contains("*Reason:* &lt;!channel&gt; no no"))
        #expect(!texts.contains("<!channel>"))
        #expect(texts.contains("Access request R-7KX2P9QM: denied"))
        #expect(card.text.hasSuffix("(denied)"))
    }

    @Test("every state renders within limits; only pending shows decision buttons", arguments: RequestStatus.allCases)
    func everyState(status: RequestStatus) throws {
        var request = Fixtures.pending()
        request.status = status
        if status != .pending { request.currentStep = 2 }
        request.endReason = status.isTerminal ? "because" : nil
        request.accessEndsAt = status == .fulfilled ? Fixtures.start.addingTimeInterval(4 * 3600) : nil
        let card = SlackCards.current(request: request, catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: now)
        #expect(try Fixtures.messageProblem(card) == nil)
        let hasButtons = card.blocks.contains { if case .actions = $0 { true } else { false } }
        #expect(hasButtons == (status == .pending))
    }

    @Test("escalation cards say how long and on whom it waits")
    func escalation() throws {
        let card = SlackCards.card(
            for: Fixtures.pending(), purpose: .escalation, catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: now)
        let texts = try Fixtures.json(card.blocks).allTexts.joined(separator: "\n")
        #expect(texts.contains("Escalation: access request R-7KX2P9QM"))
        #expect(texts.contains("Waiting 1d 2h on <@U0002EEEE>"))
        let reminder = SlackCards.card(
            for: Fixtures.pending(), purpose: .reminder, catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: now)
        #expect(try Fixtures.json(reminder.blocks).allTexts.joined().contains("Reminder: access request"))
    }

    @Test("a manual grant card has a Mark as granted button whose click decodes back")
    func manualGrant() throws {
        let request = Fixtures.approvedManual()
        let card = SlackCards.card(
            for: request, purpose: .confirmManualGrant("prod-db"), catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: now)
        #expect(try Fixtures.messageProblem(card) == nil)
        let json = try Fixtures.json(card.blocks)
        #expect(json.allTexts.joined().contains("Grant by hand: request R-MANUAL01"))
        let button = try #require(json.array?.last?["elements"]?[0])
        #expect(button["text"]?["text"]?.string == "Mark as granted")
        let actionID = try #require(button["action_id"]?.string)
        let click = SlackPayloadFixtures.blockActions(actionID: actionID, value: button["value"]?.string, userID: "U0003CARO")
        guard case .cardAction(let action, _) = try SlackInteraction.decode(formBody: click).kind else { Issue.record("kind"); return }
        #expect(action == .markGranted("R-MANUAL01", "prod-db"))

        var granted = request
        granted.granted = ["prod-db"]
        granted.status = .fulfilled
        let after = SlackCards.current(request: granted, catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: now)
        #expect(!after.blocks.contains { if case .actions = $0 { true } else { false } })
        #expect(try Fixtures.json(after.blocks).allTexts.joined().contains("*Granted* (permanent)"))
    }

    @Test("people without a Slack id are named, escaped")
    func unknownPeople() throws {
        let card = SlackCards.card(
            for: Fixtures.pending(), purpose: .approval, catalog: Fixtures.catalog,
            mentions: SlackMentions([Fixtures.alice: "not-an-id<!channel>"]), now: now)
        let texts = try Fixtures.json(card.blocks).allTexts.joined()
        #expect(texts.contains("Alice asks for"))
        #expect(!texts.contains("<!channel>"))
    }
}
