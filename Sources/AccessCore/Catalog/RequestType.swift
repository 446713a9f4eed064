/// The no-code recipe for one kind of request.
public struct RequestType: Hashable, Sendable, Codable {
    public var id: RequestTypeID
    public var name: String
    /// The owning team: its members manage these requests and confirm manual grants.
    public var team: TeamID
    public var resources: [ResourceID]
    public var questions: [Question]
    /// Run in order; every step must pass, any deny ends the request.
    public var approvals: [ApprovalStep]
    public var escalation: EscalationPolicy
    public var accessDuration: AccessDurationPolicy

    public init(
        id: RequestTypeID, name: String, team: TeamID, resources: [ResourceID], questions: [Question] = [],
        approvals: [ApprovalStep], escalation: EscalationPolicy = .init(), accessDuration: AccessDurationPolicy = .permanent
    ) {
        self.id = id
        self.name = name
        self.team = team
        self.resources = resources
        self.questions = questions
        self.approvals = approvals
        self.escalation = escalation
        self.accessDuration = accessDuration
    }
}

/// One question a requester answers.
public struct Question: Hashable, Sendable, Codable {
    public var id: QuestionID
    public var text: String
    public var required: Bool
    public var kind: Kind

    public enum Kind: Hashable, Sendable, Codable {
        /// Free text.
        case text
        /// One option of a configuration list.
        case choice(ListID)
        /// A duration such as `4h`, optionally offered from a list.
        case duration(ListID?)
    }

    public init(id: QuestionID, text: String, required: Bool = false, kind: Kind = .text) {
        self.id = id
        self.text = text
        self.required = required
        self.kind = kind
    }
}

/// Who must approve one step, and how many of them.
public struct ApprovalStep: Hashable, Sendable, Codable {
    public var approver: ApproverRule
    /// Distinct people who must approve; at least 1.
    public var count: Int

    public init(approver: ApproverRule, count: Int = 1) {
        self.approver = approver
        self.count = count
    }
}

public enum ApproverRule: Hashable, Sendable, Codable {
    /// The requester's manager from the directory.
    case manager
    /// One named person.
    case user(UserID)
    /// Members of a team.
    case team(TeamID)
    /// The owners of the requested resources.
    case resourceOwner
}

/// When to nudge, escalate and give up; each measured from submission.
public struct EscalationPolicy: Hashable, Sendable, Codable {
    public var remindAfter: TimeSpan?
    public var escalateAfter: TimeSpan?
    public var expireAfter: TimeSpan?

    public init(remindAfter: TimeSpan? = nil, escalateAfter: TimeSpan? = nil, expireAfter: TimeSpan? = nil) {
        self.remindAfter = remindAfter
        self.escalateAfter = escalateAfter
        self.expireAfter = expireAfter
    }
}

/// How long granted access lasts.
public enum AccessDurationPolicy: Hashable, Sendable, Codable {
    case permanent
    case fixed(TimeSpan)
    /// The requester's answer to this question, capped by the resource's maximum.
    case fromQuestion(QuestionID)
}
