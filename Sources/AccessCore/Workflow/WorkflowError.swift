import Foundation

/// Why the workflow refused a command. Adapters turn each into one chat sentence
/// (`description`) or an HTTP status; nobody matches on the text.
public enum WorkflowError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownResource(String, suggestions: [ResourceID])
    case unknownRequestType(String)
    case noResourceChosen
    case resourceNotOffered(ResourceID, by: RequestTypeID)
    case missingAnswer(QuestionID, question: String)
    case invalidAnswer(QuestionID, value: String, hint: String)
    case requesterInactive(UserID)
    case noManager(UserID)
    case noEligibleApprovers(step: Int)
    case selfApproval
    case notAnApprover(UserID)
    case alreadyVoted(UserID)
    /// A decision on a request that is no longer pending: who settled it and when.
    case alreadyDecided(RequestStatus, by: [UserID], at: Date?)
    case notRequester(UserID)
    case notAllowed(String)
    case invalidState(RequestStatus, expected: [RequestStatus])

    public var description: String {
        switch self {
        case .unknownResource(let text, let suggestions):
            let hint = suggestions.isEmpty ? "" : " Did you mean \(suggestions.map { "`\($0)`" }.joined(separator: ", "))?"
            return "There is no resource called `\(text)`.\(hint)"
        case .unknownRequestType(let text):
            return "There is no request type called `\(text)`."
        case .noResourceChosen:
            return "Choose a resource to request."
        case .resourceNotOffered(let resource, let type):
            return "`\(resource)` cannot be requested with request type `\(type)`."
        case .missingAnswer(_, let question):
            return "Please answer: \(question)"
        case .invalidAnswer(_, let value, let hint):
            return "`\(value)` is not a valid answer: \(hint)"
        case .requesterInactive(let user):
            return "\(user) is suspended or deactivated in the directory, so no access can be requested."
        case .noManager(let user):
            return "This request needs your manager's approval, but the directory has no manager for \(user)."
        case .noEligibleApprovers(let step):
            return "Nobody but you could approve step \(step + 1) of this request; ask an admin to fix the request type."
        case .selfApproval:
            return "You cannot approve or deny your own request."
        case .notAnApprover(let user):
            return "\(user) is not an approver of this request's current step."
        case .alreadyVoted(let user):
            return "\(user) already approved this step; another approver must decide."
        case .alreadyDecided(let status, let by, _):
            let who = by.isEmpty ? "" : " by \(by.map(\.rawValue).joined(separator: ", "))"
            switch status {
            case .approved, .fulfilled, .expired, .revoked, .failed: return "This request was already approved\(who)."
            case .denied: return "This request was already denied\(who)."
            case .cancelled: return "This request was cancelled."
            case .timedOut: return "This request timed out before anyone decided."
            case .pending: return "This request is still pending."
            }
        case .notRequester(let user):
            return "Only the requester can do that; \(user) is not the requester."
        case .notAllowed(let why):
            return why
        case .invalidState(let status, let expected):
            return "The request is \(status.rawValue); this needs it to be \(expected.map(\.rawValue).joined(separator: " or "))."
        }
    }
}
