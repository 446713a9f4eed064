import AccessCore

/// `GET /api/v1/request-types`.
struct RequestTypeListModel: Encodable, Sendable {
    let requestTypes: [RequestTypeModel]
}

/// A request type as configured: its questions, approval steps, escalation and access duration.
struct RequestTypeModel: Encodable, Sendable {
    let id: String
    let name: String
    let team: String
    let resources: [String]
    let questions: [QuestionModel]
    let approvals: [ApprovalModel]
    let escalation: EscalationModel
    let accessDuration: AccessDurationModel

    init(_ type: RequestType) {
        id = type.id.rawValue
        name = type.name
        team = type.team.rawValue
        resources = type.resources.map(\.rawValue)
        questions = type.questions.map(QuestionModel.init)
        approvals = type.approvals.map { ApprovalModel(approver: ApproverModel($0.approver), count: $0.count) }
        escalation = EscalationModel(type.escalation)
        accessDuration = AccessDurationModel(type.accessDuration)
    }
}

/// `kind` is `text`, `choice` (from `list`) or `duration` (optionally offered from `list`).
struct QuestionModel: Encodable, Sendable {
    let id: String
    let text: String
    let required: Bool
    let kind: String
    @NullEncoded var list: String? = nil

    init(_ question: Question) {
        id = question.id.rawValue
        text = question.text
        required = question.required
        switch question.kind {
        case .text:
            kind = "text"
        case .choice(let list):
            kind = "choice"
            self.list = list.rawValue
        case .duration(let list):
            kind = "duration"
            self.list = list?.rawValue
        }
    }
}

struct ApprovalModel: Encodable, Sendable {
    let approver: ApproverModel
    let count: Int
}

/// Seconds after submission; null when the step is not configured.
struct EscalationModel: Encodable, Sendable {
    @NullEncoded var remindAfterSeconds: Int64? = nil
    @NullEncoded var escalateAfterSeconds: Int64? = nil
    @NullEncoded var expireAfterSeconds: Int64? = nil

    init(_ policy: EscalationPolicy) {
        remindAfterSeconds = policy.remindAfter?.seconds
        escalateAfterSeconds = policy.escalateAfter?.seconds
        expireAfterSeconds = policy.expireAfter?.seconds
    }
}

/// `permanent`, `fixed` (with `seconds`) or `from_question` (with `question`).
struct AccessDurationModel: Encodable, Sendable {
    let kind: String
    @NullEncoded var seconds: Int64? = nil
    @NullEncoded var question: String? = nil

    init(_ policy: AccessDurationPolicy) {
        switch policy {
        case .permanent:
            kind = "permanent"
        case .fixed(let span):
            kind = "fixed"
            seconds = span.seconds
        case .fromQuestion(let question):
            kind = "from_question"
            self.question = question.rawValue
        }
    }
}
