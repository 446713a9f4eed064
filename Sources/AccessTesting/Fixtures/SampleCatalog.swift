import AccessCore
import Foundation

/// A small catalog used across the test suites: two teams, a manager chain,
/// an Okta group, an Okta app and a manual resource.
public enum SampleCatalog {
    public static let alice = UserID(email: "alice@example.com")
    public static let bob = UserID(email: "bob@example.com")  // alice's manager
    public static let carol = UserID(email: "carol@example.com")
    public static let dave = UserID(email: "dave@example.com")
    public static let erin = UserID(email: "erin@example.com")  // owns prod-db
    public static let frank = UserID(email: "frank@example.com")  // no manager

    public static let catalog = Catalog(
        resources: [
            Resource(id: "github-admins", name: "GitHub admins", grant: .oktaGroup("00g1a2b3c4"), owners: [erin], maxDuration: .hours(8)),
            Resource(id: "aws-prod", name: "AWS production", grant: .oktaApp("0oa5d6e7f8"), owners: [erin]),
            Resource(id: "prod-db", name: "Production database", grant: .manual, owners: [erin], maxDuration: .hours(4)),
        ],
        teams: [
            Team(id: "it-ops", name: "IT operations", members: [carol, dave], channel: ChannelRef(slack: "C0ITOPS")),
            Team(id: "security", name: "Security", members: [erin, dave]),
        ],
        lists: [ConfigurationList(id: "durations", options: ["1h", "4h", "8h"])],
        requestTypes: [
            RequestType(
                id: "github-admin", name: "GitHub admin access", team: "it-ops", resources: ["github-admins"],
                questions: [
                    Question(id: "reason", text: "Why do you need it?", required: true),
                    Question(id: "duration", text: "For how long?", kind: .duration("durations")),
                ],
                approvals: [ApprovalStep(approver: .manager), ApprovalStep(approver: .team("it-ops"), count: 1)],
                escalation: EscalationPolicy(remindAfter: .hours(4), escalateAfter: .days(1), expireAfter: .days(3)),
                accessDuration: .fromQuestion("duration")),
            RequestType(
                id: "aws-prod", name: "AWS production", team: "security", resources: ["aws-prod"],
                questions: [Question(id: "reason", text: "Why?", required: true)],
                approvals: [ApprovalStep(approver: .team("security"), count: 2)],
                escalation: EscalationPolicy(expireAfter: .hours(8))),
            RequestType(
                id: "prod-db", name: "Production database", team: "security", resources: ["prod-db"],
                approvals: [ApprovalStep(approver: .resourceOwner)], accessDuration: .fixed(.hours(2))),
        ],
        users: [
            DirectoryUser(id: alice, displayName: "Alice", manager: bob),
            DirectoryUser(id: bob, displayName: "Bob"),
            DirectoryUser(id: carol, displayName: "Carol", manager: bob),
            DirectoryUser(id: dave, displayName: "Dave", manager: bob),
            DirectoryUser(id: erin, displayName: "Erin", manager: bob),
            DirectoryUser(id: frank, displayName: "Frank"),
        ],
        escalationChannel: ChannelRef(slack: "C0ADMINS"))

    /// A fixed instant for tests: 2026-01-01T00:00:00Z.
    public static let epoch = Date(timeIntervalSince1970: 1_767_225_600)

    /// A valid submission of `github-admins` by alice.
    public static func githubSubmission(id: RequestID = "R-TEST0001", duration: String? = "4h") -> Submission {
        var answers = [Answer(question: "reason", value: "incident 4411")]
        if let duration { answers.append(Answer(question: "duration", value: duration)) }
        return Submission(
            id: id, requester: catalog.user(alice) ?? DirectoryUser(id: alice), requestType: "github-admin",
            resources: ["github-admins"], answers: answers, justification: "incident 4411",
            origin: Origin(platform: .slack, conversation: "C0001"))
    }
}
