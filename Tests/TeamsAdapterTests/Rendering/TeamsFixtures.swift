import AccessCore
import AccessTesting
import Foundation
import TeamsAdapter
import Testing

/// Requests in the states the rendering tests need, on `SampleCatalog`.
enum TeamsFixtures {
    static let catalog = SampleCatalog.catalog
    static let alice = SampleCatalog.alice
    static let bob = SampleCatalog.bob
    static let erin = SampleCatalog.erin
    static let start = SampleCatalog.epoch
    static let now = start.addingTimeInterval(26 * 3600)

    /// A pending `github-admin` request at step 1 of 2.
    static func pending(id: RequestID = "R-7KX2P9QM", justification: String = "incident 4411", answer: String = "on call") -> AccessRequest
    {
        AccessRequest(
            id: id, requester: alice, requestType: "github-admin", resources: ["github-admins"],
            answers: [Answer(question: "reason", value: answer), Answer(question: "duration", value: "4h")],
            justification: justification, accessDuration: .hours(4),
            steps: [
                StepProgress(rule: .manager, eligible: [bob], required: 1),
                StepProgress(rule: .team("it-ops"), eligible: [SampleCatalog.carol, SampleCatalog.dave], required: 1),
            ],
            origin: Origin(platform: .teams, conversation: "a:1abc"), createdAt: start)
    }

    /// The pending request with step 1 approved by bob: step 2 is current.
    static func secondStep() -> AccessRequest {
        var request = pending()
        request.steps[0].approvedBy = [bob]
        request.decisions = [Decision(approver: bob, step: 0, outcome: .approved, reason: nil, at: start.addingTimeInterval(30))]
        request.currentStep = 1
        return request
    }

    static func denied(reason: String) -> AccessRequest {
        var request = pending()
        request.status = .denied
        request.decisions = [Decision(approver: bob, step: 0, outcome: .denied, reason: reason, at: start.addingTimeInterval(60))]
        request.decidedAt = start.addingTimeInterval(60)
        request.endedAt = request.decidedAt
        request.endReason = reason
        return request
    }

    /// An approved `prod-db` request (a manual resource), waiting for someone to grant it.
    static func approvedManual() -> AccessRequest {
        var request = AccessRequest(
            id: "R-MANUAL01", requester: alice, requestType: "prod-db", resources: ["prod-db"], answers: [], justification: "",
            accessDuration: .hours(2), steps: [StepProgress(rule: .resourceOwner, eligible: [erin], required: 1)],
            origin: Origin(platform: .teams), createdAt: start)
        request.status = .approved
        request.currentStep = 1
        request.decisions = [Decision(approver: erin, step: 0, outcome: .approved, reason: nil, at: start.addingTimeInterval(30))]
        request.decidedAt = start.addingTimeInterval(30)
        return request
    }

    /// A value encoded as Teams receives it, parsed back with `JSONSerialization`.
    static func object(_ value: some Encodable) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The card's body elements as JSON objects.
    static func body(_ card: AdaptiveCard) throws -> [[String: Any]] {
        try #require(try object(card)["body"] as? [[String: Any]])
    }

    /// Every Action.* object anywhere in the card (card actions, action sets, fallbacks excluded).
    static func actions(_ card: AdaptiveCard) throws -> [[String: Any]] {
        let json = try object(card)
        var found = (json["actions"] as? [[String: Any]]) ?? []
        for element in (json["body"] as? [[String: Any]]) ?? [] where element["type"] as? String == "ActionSet" {
            found += (element["actions"] as? [[String: Any]]) ?? []
        }
        return found
    }

    /// Every `text`, fact title and fact value in the card, top to bottom.
    static func texts(_ card: AdaptiveCard) -> [String] {
        func walk(_ elements: [CardElement]) -> [String] {
            elements.flatMap { element -> [String] in
                switch element {
                case .textBlock(let block): [block.text]
                case .factSet(let set): set.facts.flatMap { [$0.title, $0.value] }
                case .container(let container): walk(container.items)
                default: []
                }
            }
        }
        return walk(card.body)
    }

    /// The value of the fact titled `title`.
    static func fact(_ title: String, in card: AdaptiveCard) -> String? {
        for case .factSet(let set) in card.body {
            if let fact = set.facts.first(where: { $0.title == title }) { return fact.value }
        }
        return nil
    }
}
