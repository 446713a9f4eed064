import AccessCore
import AccessTesting
import Foundation
import TeamsAdapter
import Testing

@Suite("Teams approval cards")
struct ApprovalCardTests {
    let catalog = TeamsFixtures.catalog
    let now = TeamsFixtures.now

    @Test("a pending card has the reason input and Approve/Deny Action.Execute with the wire contract's verbs and data")
    func pendingCard() throws {
        let card = TeamsCards.card(for: TeamsFixtures.pending(), purpose: .approval, catalog: catalog, now: now)
        let json = try TeamsFixtures.object(card)
        #expect(json["type"] as? String == "AdaptiveCard")
        #expect(json["version"] as? String == "1.5")
        #expect(json["$schema"] as? String == "http://adaptivecards.io/schemas/adaptive-card.json")
        #expect(json["actions"] == nil)

        let body = try TeamsFixtures.body(card)
        let reason = try #require(body.first { $0["type"] as? String == "Input.Text" })
        #expect(reason["id"] as? String == "reason")
        #expect(reason["placeholder"] as? String == "Reason (required to deny)")
        #expect(reason["isMultiline"] as? Bool == true)
        #expect(reason["maxLength"] as? Int == 500)
        #expect(body.last?["type"] as? String == "ActionSet")

        let actions = try TeamsFixtures.actions(card)
        #expect(actions.count == 2)
        for (action, (title, verb, style)) in zip(actions, [("Approve", "approve", "positive"), ("Deny", "deny", "destructive")]) {
            #expect(action["type"] as? String == "Action.Execute")
            #expect(action["title"] as? String == title)
            #expect(action["verb"] as? String == verb)
            #expect(action["style"] as? String == style)
            let data = try #require(action["data"] as? [String: Any])
            #expect(Set(data.keys) == ["requestId", "step"])
            #expect(data["requestId"] as? String == "R-7KX2P9QM")
            #expect(data["step"] as? Int == 0)
            let fallback = try #require(action["fallback"] as? [String: Any])
            #expect(fallback["type"] as? String == "Action.Submit")
            #expect(fallback["title"] as? String == title)
            let fallbackData = try #require(fallback["data"] as? [String: Any])
            #expect(Set(fallbackData.keys) == ["verb", "requestId", "step"])
            #expect(fallbackData["verb"] as? String == verb)
            #expect(fallbackData["requestId"] as? String == "R-7KX2P9QM")
            #expect(fallbackData["step"] as? Int == 0)
        }
    }

    @Test("the step in the action data is the current 0-based step")
    func currentStep() throws {
        let card = TeamsCards.current(request: TeamsFixtures.secondStep(), catalog: catalog, now: now)
        let actions = try TeamsFixtures.actions(card)
        #expect(actions.compactMap { ($0["data"] as? [String: Any])?["step"] as? Int } == [1, 1])
        #expect(TeamsFixtures.fact("Step", in: card) == "2 of 2: team **IT operations**")
    }

    @Test("the card shows requester, resource, duration, answers, justification, id, step and timeout")
    func facts() {
        let card = TeamsCards.card(for: TeamsFixtures.pending(), purpose: .approval, catalog: catalog, now: now)
        #expect(TeamsFixtures.texts(card).first == "Access request R-7KX2P9QM")
        #expect(TeamsFixtures.fact("Requester", in: card) == "alice@example.com")
        #expect(TeamsFixtures.fact("Resource", in: card) == "**GitHub admins**")
        #expect(TeamsFixtures.fact("Duration", in: card) == "4h")
        #expect(TeamsFixtures.fact("Why do you need it?", in: card) == "on call")
        #expect(TeamsFixtures.fact("For how long?", in: card) == "4h")
        #expect(TeamsFixtures.fact("Justification", in: card) == "incident 4411")
        #expect(TeamsFixtures.fact("Request id", in: card) == "R-7KX2P9QM")
        #expect(TeamsFixtures.fact("Step", in: card) == "1 of 2: manager")
        #expect(TeamsFixtures.fact("Times out", in: card) == "2026-01-04 00:00 UTC")
    }

    @Test("reminders and escalations say how long it waited", arguments: [CardDelivery.Purpose.reminder, .escalation])
    func nudges(purpose: CardDelivery.Purpose) throws {
        let card = TeamsCards.card(for: TeamsFixtures.pending(), purpose: purpose, catalog: catalog, now: now)
        let texts = TeamsFixtures.texts(card).joined(separator: "\n")
        #expect(texts.contains(purpose == .reminder ? "Reminder: access request" : "Escalation: access request"))
        #expect(texts.contains(purpose == .reminder ? "Still undecided after 1d 2h." : "Waiting 1d 2h on bob@example.com."))
        #expect(try TeamsFixtures.actions(card).count == 2)
    }

    @Test("a denied card has no inputs or actions and shows who denied and why")
    func deniedCard() throws {
        let card = TeamsCards.current(request: TeamsFixtures.denied(reason: "not on call"), catalog: catalog, now: now)
        #expect(try TeamsFixtures.actions(card).isEmpty)
        #expect(!(try TeamsFixtures.body(card)).contains { ($0["type"] as? String)?.hasPrefix("Input.") == true })
        let texts = TeamsFixtures.texts(card)
        #expect(texts.first == "Access request R-7KX2P9QM: denied")
        #expect(texts.contains("⛔ **Denied** by bob@example.com, 2026-01-01 00:01 UTC."))
        #expect(texts.contains("**Reason:** not on call"))
        #expect(TeamsFixtures.fact("Step", in: card) == nil)
    }

    @Test("every state renders; only pending has decisions, only a waiting manual grant has a button", arguments: RequestStatus.allCases)
    func everyState(status: RequestStatus) throws {
        var request = TeamsFixtures.pending()
        request.status = status
        if status != .pending {
            request.currentStep = 2
            request.decisions = [Decision(approver: TeamsFixtures.bob, step: 0, outcome: .approved, reason: nil, at: TeamsFixtures.start)]
            request.decidedAt = TeamsFixtures.start.addingTimeInterval(60)
        }
        request.endReason = status.isTerminal ? "because" : nil
        let card = TeamsCards.current(request: request, catalog: catalog, now: now)
        let verbs = try TeamsFixtures.actions(card).compactMap { $0["verb"] as? String }
        #expect(verbs == (status == .pending ? ["approve", "deny"] : []))
        if status != .pending {
            #expect(TeamsFixtures.texts(card).first == "Access request R-7KX2P9QM: " + statusWord(status))
            #expect(TeamsFixtures.texts(card).count > 4)
        }
        #expect(try AdaptiveCard.decode(card) == card)
    }

    @Test("an approved manual resource gets a markGranted button with request and resource")
    func manualGrant() throws {
        let request = TeamsFixtures.approvedManual()
        for card in [
            TeamsCards.current(request: request, catalog: catalog, now: now),
            TeamsCards.card(for: request, purpose: .confirmManualGrant("prod-db"), catalog: catalog, now: now),
        ] {
            let actions = try TeamsFixtures.actions(card)
            #expect(actions.count == 1)
            let action = try #require(actions.first)
            #expect(action["type"] as? String == "Action.Execute")
            #expect(action["title"] as? String == "Mark Production database as granted")
            #expect(action["verb"] as? String == "markGranted")
            let data = try #require(action["data"] as? [String: Any])
            #expect(Set(data.keys) == ["requestId", "resource"])
            #expect(data["requestId"] as? String == "R-MANUAL01")
            #expect(data["resource"] as? String == "prod-db")
            #expect(TeamsFixtures.texts(card).contains("Waiting for someone to grant **Production database** by hand."))
        }
        let granted = TeamsCards.card(for: request, purpose: .confirmManualGrant("github-admins"), catalog: catalog, now: now)
        #expect(try TeamsFixtures.actions(granted).isEmpty)
        var done = request
        done.granted = ["prod-db"]
        #expect(try TeamsFixtures.actions(TeamsCards.current(request: done, catalog: catalog, now: now)).isEmpty)
    }

    @Test("a confirmManualGrant card for a still-pending request has no buttons")
    func manualWhilePending() throws {
        let card = TeamsCards.card(for: TeamsFixtures.pending(), purpose: .confirmManualGrant("prod-db"), catalog: catalog, now: now)
        #expect(try TeamsFixtures.actions(card).isEmpty)
    }

    @Test("a notice is the first line, escaped, in attention color")
    func notice() throws {
        let card = TeamsCards.current(
            request: TeamsFixtures.pending(), catalog: catalog, now: now, notice: "Already approved by [bob](https://evil.example)")
        guard case .textBlock(let block) = card.body.first else {
            Issue.record("no notice block")
            return
        }
        #expect(block.text == "⚠️ Already approved by \\[bob\\]\\(https://evil.example\\)")
        #expect(block.color == .attention)
    }

    @Test("markdown and link injection in user text is escaped")
    func injection() {
        let evil = "**bold** [click](https://evil.example) <at>ceo</at> _x_ `code` # head\n- item\n1. one\n> quote | t ~s~"
        let request = TeamsFixtures.pending(justification: evil, answer: evil)
        let card = TeamsCards.card(for: request, purpose: .approval, catalog: catalog, now: now)
        let expected =
            "\\*\\*bold\\*\\* \\[click\\]\\(https://evil.example\\) \\<at\\>ceo\\</at\\> \\_x\\_ \\`code\\` \\# head\n"
            + "\\- item\n1\\. one\n\\> quote \\| t \\~s\\~"
        #expect(TeamsFixtures.fact("Justification", in: card) == expected)
        #expect(TeamsFixtures.fact("Why do you need it?", in: card) == expected)
        for text in TeamsFixtures.texts(card) {
            #expect(!text.contains("[click]"))
            #expect(!text.contains("<at>"))
        }
    }

    @Test("long user text is cut to its limit")
    func cuts() throws {
        let request = TeamsFixtures.pending(justification: String(repeating: "j", count: 5000), answer: String(repeating: "a", count: 5000))
        let card = TeamsCards.card(for: request, purpose: .approval, catalog: catalog, now: now)
        let justification = try #require(TeamsFixtures.fact("Justification", in: card))
        #expect(justification.count == 1500)
        #expect(justification.hasSuffix("…"))
        #expect(try #require(TeamsFixtures.fact("Why do you need it?", in: card)).count == 300)
    }

    @Test("a huge justification and 50 huge answers stay under Teams' message size", arguments: ["x", "*", "界"])
    func sizeLimit(unit: String) throws {
        var request = TeamsFixtures.pending(justification: String(repeating: unit, count: 20_000))
        request.answers = (0..<50).map {
            Answer(question: QuestionID("q\($0)-" + String(repeating: "n", count: 200)), value: String(repeating: unit, count: 5000))
        }
        for purpose in [CardDelivery.Purpose.approval, .escalation] {
            let card = TeamsCards.card(for: request, purpose: purpose, catalog: catalog, now: now)
            let activity = OutgoingActivity.card(card, summary: TeamsCards.summary(for: request, catalog: catalog))
            #expect(card.jsonBytes.count <= TeamsLimits.cardBytes)
            #expect(activity.jsonBody.count < 28 * 1024)
            #expect(try TeamsFixtures.actions(card).count == 2)
            #expect(TeamsFixtures.fact("Justification", in: card) != nil)
        }
    }

    @Test("the summary is plain text")
    func summary() {
        #expect(
            TeamsCards.summary(for: TeamsFixtures.denied(reason: "no"), catalog: catalog)
                == "Access request R-7KX2P9QM from alice@example.com: GitHub admins for 4h (denied)")
    }

    private func statusWord(_ status: RequestStatus) -> String {
        switch status {
        case .fulfilled: "granted"
        case .timedOut: "timed out"
        case .failed: "grant failed"
        default: status.rawValue
        }
    }
}

extension AdaptiveCard {
    /// The card encoded and decoded again.
    static func decode(_ card: AdaptiveCard) throws -> AdaptiveCard {
        try JSONDecoder().decode(AdaptiveCard.self, from: Data(card.jsonBytes))
    }
}
