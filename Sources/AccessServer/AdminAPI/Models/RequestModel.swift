import AccessCore
import AccessStore
import Foundation

/// A request on the wire (`Request` in the OpenAPI document). Times are RFC 3339 UTC; the
/// stored version and the chat conversation stay inside.
struct RequestModel: Encodable, Sendable {
    let id: String
    let requester: String
    let requestType: String
    let resources: [String]
    let status: String
    let justification: String
    let answers: [AnswerModel]
    @NullEncoded var accessDurationSeconds: Int64? = nil
    let steps: [StepModel]
    /// Index into `steps` of the step being decided; null once the request is not pending.
    @NullEncoded var currentStep: Int? = nil
    let decisions: [DecisionModel]
    let granted: [String]
    let origin: String
    let createdAt: String
    let updatedAt: String
    @NullEncoded var decidedAt: String? = nil
    @NullEncoded var grantedAt: String? = nil
    @NullEncoded var accessEndsAt: String? = nil
    @NullEncoded var endedAt: String? = nil
    @NullEncoded var endReason: String? = nil

    init(_ request: AccessRequest) {
        id = request.id.rawValue
        requester = request.requester.rawValue
        requestType = request.requestType.rawValue
        resources = request.resources.map(\.rawValue)
        status = request.status.rawValue
        justification = request.justification
        answers = request.answers.map { AnswerModel(question: $0.question.rawValue, value: $0.value) }
        accessDurationSeconds = request.accessDuration?.seconds
        steps = request.steps.map(StepModel.init)
        currentStep = request.activeStep == nil ? nil : request.currentStep
        decisions = request.decisions.map(DecisionModel.init)
        granted = request.granted.map(\.rawValue)
        origin = request.origin.platform.rawValue
        createdAt = RFC3339.string(from: request.createdAt)
        updatedAt = RFC3339.string(from: request.updatedAt)
        decidedAt = request.decidedAt.map(RFC3339.string(from:))
        grantedAt = request.grantedAt.map(RFC3339.string(from:))
        accessEndsAt = request.accessEndsAt.map(RFC3339.string(from:))
        endedAt = request.endedAt.map(RFC3339.string(from:))
        endReason = request.endReason
    }
}

struct AnswerModel: Encodable, Sendable {
    let question: String
    let value: String
}

/// One approval step with the people resolved when the request was made.
struct StepModel: Encodable, Sendable {
    let approver: ApproverModel
    let eligible: [String]
    let required: Int
    let approvedBy: [String]

    init(_ step: StepProgress) {
        approver = ApproverModel(step.rule)
        eligible = step.eligible.map(\.rawValue)
        required = step.required
        approvedBy = step.approvedBy.map(\.rawValue)
    }
}

/// Who a step asks: `manager`, `user` (with `user`), `team` (with `team`) or `resource_owner`.
struct ApproverModel: Encodable, Sendable {
    let kind: String
    @NullEncoded var user: String? = nil
    @NullEncoded var team: String? = nil

    init(_ rule: ApproverRule) {
        switch rule {
        case .manager: kind = "manager"
        case .user(let id):
            kind = "user"
            user = id.rawValue
        case .team(let id):
            kind = "team"
            team = id.rawValue
        case .resourceOwner: kind = "resource_owner"
        }
    }
}

struct DecisionModel: Encodable, Sendable {
    let approver: String
    let step: Int
    /// `approved` or `denied`.
    let decision: String
    @NullEncoded var reason: String? = nil
    let at: String

    init(_ decision: Decision) {
        approver = decision.approver.rawValue
        step = decision.step
        self.decision = decision.outcome.rawValue
        reason = decision.reason
        at = RFC3339.string(from: decision.at)
    }
}

/// `GET /api/v1/requests`: one page, and the cursor of the next (null on the last page).
struct RequestListModel: Encodable, Sendable {
    let requests: [RequestModel]
    @NullEncoded var nextCursor: String? = nil
}
