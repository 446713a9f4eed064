import AccessCore
import AccessTesting
import Foundation
import SlackAdapter
import Testing

/// A small catalog and requests in every state, shared by the rendering tests.
enum Fixtures {
    static let alice = UserID(email: "alice@example.com")
    static let bob = UserID(email: "bob@example.com")
    static let carol = UserID(email: "carol@example.com")
    static let dave = UserID(email: "dave@example.com")
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    static let catalog = Catalog(
        resources: [
            Resource(id: "github-admins", name: "GitHub admins", grant: .oktaGroup("00g1"), maxDuration: .hours(8)),
            Resource(id: "prod-db", name: "Production database", grant: .manual, owners: [carol]),
        ],
        teams: [Team(id: "it-ops", name: "IT operations", members: [carol, dave], channel: ChannelRef(slack: "C0ITOPS"))],
        lists: [ConfigurationList(id: "durations", options: ["1h", "4h", "8h"])],
        requestTypes: [
            RequestType(
                id: "github-admin", name: "GitHub admin access", team: "it-ops", resources: ["github-admins"],
                questions: [
                    Question(id: "reason", text: "Why do you need it?", required: true),
                    Question(id: "duration", text: "For how long?", kind: .duration("durations")),
                ],
                approvals: [ApprovalStep(approver: .manager), ApprovalStep(approver: .team("it-ops"))],
                escalation: EscalationPolicy(remindAfter: .hours(4), escalateAfter: .days(1), expireAfter: .days(3)),
                accessDuration: .fromQuestion("duration")),
            RequestType(
                id: "db-access", name: "Database access", team: "it-ops", resources: ["prod-db"],
                approvals: [ApprovalStep(approver: .resourceOwner)]),
        ],
        users: [
            DirectoryUser(id: alice, displayName: "Alice", manager: bob),
            DirectoryUser(id: bob, displayName: "Bob"),
        ])

    static let mentions = SlackMentions([alice: "U0001CCCC", bob: "U0002EEEE", carol: "U0003CARO"])

    /// A pending request at step 1 of 2.
    static func pending(id: RequestID = "R-7KX2P9QM", justification: String = "incident 4411", answer: String = "on call") -> AccessRequest
    {
        AccessRequest(
            id: id, requester: alice, requestType: "github-admin", resources: ["github-admins"],
            answers: [Answer(question: "reason", value: answer), Answer(question: "duration", value: "4h")],
            justification: justification, accessDuration: .hours(4),
            steps: [
                StepProgress(rule: .manager, eligible: [bob], required: 1),
                StepProgress(rule: .team("it-ops"), eligible: [carol, dave], required: 1, channel: ChannelRef(slack: "C0ITOPS")),
            ],
            origin: Origin(platform: .slack, conversation: "C0001BBBB"), createdAt: start)
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

    /// An approved request for the manual resource, waiting for someone to grant it.
    static func approvedManual() -> AccessRequest {
        var request = AccessRequest(
            id: "R-MANUAL01", requester: alice, requestType: "db-access", resources: ["prod-db"], answers: [], justification: "",
            accessDuration: nil, steps: [StepProgress(rule: .resourceOwner, eligible: [carol], required: 1)],
            origin: Origin(platform: .slack), createdAt: start)
        request.status = .approved
        request.currentStep = 1
        request.decisions = [Decision(approver: carol, step: 0, outcome: .approved, reason: nil, at: start.addingTimeInterval(30))]
        request.decidedAt = start.addingTimeInterval(30)
        return request
    }

    /// A rendered value as the JSON Slack would receive.
    static func json(_ value: some Encodable) throws -> SlackJSONValue {
        let data = try JSONEncoder().encode(value)
        return try #require(SlackJSONValue.parse(Array(data)))
    }

    /// The first problem Slack would find in a message's blocks, or nil.
    static func messageProblem(_ content: SlackMessageContent) throws -> String? {
        var validator = FakeSlackValidator(surface: .message)
        return validator.check(blocks: try json(content.blocks))
    }

    static func viewProblem(_ view: SlackView) throws -> String? {
        var validator = FakeSlackValidator(surface: view.type == .home ? .home : .modal)
        return validator.check(view: try json(view))
    }
}
