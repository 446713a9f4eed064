import AccessCore
import Foundation

/// The catalog, people and outcomes the store conformance suite and the store benchmark use.
/// Outcomes come from the real `Workflow`, never from hand-built rows.
public enum StoreFixtures {
    public static let alice = UserID(email: "alice@example.com")
    /// Alice's manager: the second step of `github-admin`.
    public static let bob = UserID(email: "bob@example.com")
    public static let carol = UserID(email: "carol@example.com")
    public static let dave = UserID(email: "dave@example.com")
    public static let erin = UserID(email: "erin@example.com")
    public static let frank = UserID(email: "frank@example.com")
    /// Twenty members of the `panel` team; `panel-review` needs two of them.
    public static let panel: [UserID] = (1...20).map { UserID(email: String(format: "panel%02d@example.com", $0)) }

    public static let catalog = Catalog(
        resources: [
            Resource(id: "github-admins", name: "GitHub admins", grant: .oktaGroup("00g1a2b3c4"), owners: [erin], maxDuration: .hours(8)),
            Resource(id: "prod-db", name: "Production database", grant: .manual, owners: [erin]),
        ],
        teams: [
            Team(id: "it-ops", name: "IT operations", members: [carol, dave, frank], channel: ChannelRef(slack: "C0ITOPS")),
            Team(id: "panel", name: "Review panel", members: panel),
        ],
        requestTypes: [
            RequestType(
                id: "github-admin", name: "GitHub admin access", team: "it-ops", resources: ["github-admins"],
                approvals: [ApprovalStep(approver: .team("it-ops")), ApprovalStep(approver: .manager)],
                escalation: EscalationPolicy(remindAfter: .hours(4), escalateAfter: .days(1), expireAfter: .days(3)),
                accessDuration: .fixed(.hours(4))),
            RequestType(
                id: "panel-review", name: "Production database", team: "panel", resources: ["prod-db"],
                approvals: [ApprovalStep(approver: .team("panel"), count: 2)],
                escalation: EscalationPolicy(expireAfter: .days(1))),
        ],
        users: [
            DirectoryUser(id: alice, displayName: "Alice", manager: bob),
            DirectoryUser(id: bob, displayName: "Bob"),
            DirectoryUser(id: carol, displayName: "Carol", manager: bob),
            DirectoryUser(id: dave, displayName: "Dave", manager: bob),
            DirectoryUser(id: erin, displayName: "Erin", manager: bob),
            DirectoryUser(id: frank, displayName: "Frank", manager: bob),
        ] + panel.map { DirectoryUser(id: $0, manager: bob) },
        escalationChannel: ChannelRef(slack: "C0ADMINS"))

    public static let workflow = Workflow(catalog: catalog)

    /// 2026-01-01T00:00:00Z: whole seconds, so every stored time is exact in any representation.
    public static let epoch = Date(timeIntervalSince1970: 1_767_225_600)

    /// `github-admin` by `requester`: the realistic submit (cards to the three team members and
    /// the team channel, three timers, one audit event, four tasks).
    public static func githubSubmission(id: RequestID, requester: UserID = alice) -> Submission {
        Submission(
            id: id, requester: DirectoryUser(id: requester, manager: bob), requestType: "github-admin",
            resources: ["github-admins"], justification: "incident 4411", origin: Origin(platform: .slack, conversation: "D0ALICE"))
    }

    /// `panel-review` by `requester`: one step, two of twenty panel members must approve.
    public static func panelSubmission(id: RequestID, requester: UserID = alice) -> Submission {
        Submission(
            id: id, requester: DirectoryUser(id: requester, manager: bob), requestType: "panel-review", resources: ["prod-db"],
            justification: "quarterly audit", origin: Origin(platform: .teams, conversation: "a:1xyz"))
    }

    /// The outcome of submitting at `now`.
    public static func submit(_ submission: Submission, now: Date = epoch) throws -> Outcome {
        try workflow.submit(submission, now: now)
    }

    /// The outcome of a command on a loaded request.
    public static func handle(_ command: Command, on request: AccessRequest, now: Date) throws -> Outcome {
        try workflow.handle(command, on: request, now: now)
    }
}
