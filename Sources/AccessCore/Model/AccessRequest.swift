import Foundation

/// One person's ask, with everything decided about it so far.
public struct AccessRequest: Hashable, Sendable, Codable {
    public var id: RequestID
    public var requester: UserID
    public var requestType: RequestTypeID
    public var resources: [ResourceID]
    /// Answers in the order of the request type's questions.
    public var answers: [Answer]
    public var justification: String
    /// How long access lasts once granted; nil is permanent.
    public var accessDuration: TimeSpan?
    public var status: RequestStatus
    /// Approval steps with the people resolved at submission.
    public var steps: [StepProgress]
    /// Index into `steps` of the step being decided; equals `steps.count` once all passed.
    public var currentStep: Int
    public var decisions: [Decision]
    /// Resources granted so far (all of them once fulfilled).
    public var granted: [ResourceID]
    /// Where the request was made, so replies go back there.
    public var origin: Origin
    public var createdAt: Date
    public var updatedAt: Date
    public var decidedAt: Date?
    public var grantedAt: Date?
    public var accessEndsAt: Date?
    /// When it reached a terminal state.
    public var endedAt: Date?
    /// Why it ended, when a person or the server gave a reason (deny, cancel, failure).
    public var endReason: String?
    /// Bumped by every transition; stores compare-and-swap on it so two decisions never both win.
    public var version: Int

    public init(
        id: RequestID, requester: UserID, requestType: RequestTypeID, resources: [ResourceID], answers: [Answer],
        justification: String, accessDuration: TimeSpan?, steps: [StepProgress], origin: Origin, createdAt: Date
    ) {
        self.id = id
        self.requester = requester
        self.requestType = requestType
        self.resources = resources
        self.answers = answers
        self.justification = justification
        self.accessDuration = accessDuration
        self.status = .pending
        self.steps = steps
        self.currentStep = 0
        self.decisions = []
        self.granted = []
        self.origin = origin
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.version = 1
    }

    /// The step being decided, while pending.
    public var activeStep: StepProgress? {
        status == .pending && steps.indices.contains(currentStep) ? steps[currentStep] : nil
    }

    /// People who may decide right now.
    public var currentApprovers: [UserID] {
        guard let step = activeStep else { return [] }
        return step.eligible.filter { !step.approvedBy.contains($0) }
    }

    /// The people whose decisions settled the request, for "already approved by X".
    public var deciders: [UserID] {
        switch status {
        case .denied: decisions.filter { $0.outcome == .denied }.map(\.approver)
        default: decisions.filter { $0.outcome == .approved }.map(\.approver)
        }
    }
}

/// One answer to one question.
public struct Answer: Hashable, Sendable, Codable {
    public var question: QuestionID
    public var value: String

    public init(question: QuestionID, value: String) {
        self.question = question
        self.value = value
    }
}

/// One approval step with its approvers resolved.
public struct StepProgress: Hashable, Sendable, Codable {
    public var rule: ApproverRule
    /// Who may decide this step (the requester is never among them).
    public var eligible: [UserID]
    /// Distinct approvals needed.
    public var required: Int
    public var approvedBy: [UserID]
    /// The team whose channel also gets the card, for `team` steps.
    public var channel: ChannelRef?

    public init(rule: ApproverRule, eligible: [UserID], required: Int, channel: ChannelRef? = nil) {
        self.rule = rule
        self.eligible = eligible
        self.required = required
        self.approvedBy = []
        self.channel = channel
    }

    public var isSatisfied: Bool { approvedBy.count >= required }
}

/// One approver's decision.
public struct Decision: Hashable, Sendable, Codable {
    public enum Outcome: String, Hashable, Sendable, Codable {
        case approved
        case denied
    }

    public var approver: UserID
    public var step: Int
    public var outcome: Outcome
    public var reason: String?
    public var at: Date

    public init(approver: UserID, step: Int, outcome: Outcome, reason: String?, at: Date) {
        self.approver = approver
        self.step = step
        self.outcome = outcome
        self.reason = reason
        self.at = at
    }
}

/// Where a request came from: the platform and the conversation to answer in.
public struct Origin: Hashable, Sendable, Codable {
    public enum Platform: String, Hashable, Sendable, Codable {
        case slack
        case teams
        case api
        case cli
    }

    public var platform: Platform
    /// The platform's conversation id (Slack channel, Teams conversation), if any.
    public var conversation: String?

    public init(platform: Platform, conversation: String? = nil) {
        self.platform = platform
        self.conversation = conversation
    }
}
