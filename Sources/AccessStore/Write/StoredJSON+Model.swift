import AccessCore
import Foundation

// How each stored core type is written by `StoredJSONWriter`: the same keys, order and case
// shapes as its Codable conformance (synthesized, or the hand-written ones of `Identifier`
// and `TimeSpan`). Keep each `write` next to its type's fields when the model changes.

extension Identifier: StoredJSONWritable {}
extension RequestStatus: StoredJSONWritable {}
extension Decision.Outcome: StoredJSONWritable {}
extension Origin.Platform: StoredJSONWritable {}
extension TimerKind: StoredJSONWritable {}

extension TimeSpan: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) { writer.integer(seconds) }
}

extension AccessRequest: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        writer.beginObject()
        writer.field("id", id)
        writer.field("requester", requester)
        writer.field("requestType", requestType)
        writer.field("resources", resources)
        writer.field("answers", answers)
        writer.field("justification", justification)
        writer.field("accessDuration", ifPresent: accessDuration)
        writer.field("status", status)
        writer.field("steps", steps)
        writer.field("currentStep", currentStep)
        writer.field("decisions", decisions)
        writer.field("granted", granted)
        writer.field("origin", origin)
        writer.field("createdAt", createdAt)
        writer.field("updatedAt", updatedAt)
        writer.field("decidedAt", ifPresent: decidedAt)
        writer.field("grantedAt", ifPresent: grantedAt)
        writer.field("accessEndsAt", ifPresent: accessEndsAt)
        writer.field("endedAt", ifPresent: endedAt)
        writer.field("endReason", ifPresent: endReason)
        writer.field("version", version)
        writer.endObject()
    }
}

extension Answer: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        writer.beginObject()
        writer.field("question", question)
        writer.field("value", value)
        writer.endObject()
    }
}

extension StepProgress: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        writer.beginObject()
        writer.field("rule", rule)
        writer.field("eligible", eligible)
        writer.field("required", required)
        writer.field("approvedBy", approvedBy)
        writer.field("channel", ifPresent: channel)
        writer.endObject()
    }
}

extension ApproverRule: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        switch self {
        case .manager: writer.enumCase("manager")
        case .user(let user): writer.enumCase("user", single: user)
        case .team(let team): writer.enumCase("team", single: team)
        case .resourceOwner: writer.enumCase("resourceOwner")
        }
    }
}

extension ChannelRef: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        writer.beginObject()
        writer.field("slack", ifPresent: slack)
        writer.field("teams", ifPresent: teams)
        writer.endObject()
    }
}

extension Decision: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        writer.beginObject()
        writer.field("approver", approver)
        writer.field("step", step)
        writer.field("outcome", outcome)
        writer.field("reason", ifPresent: reason)
        writer.field("at", at)
        writer.endObject()
    }
}

extension Origin: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        writer.beginObject()
        writer.field("platform", platform)
        writer.field("conversation", ifPresent: conversation)
        writer.endObject()
    }
}

extension Effect: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        switch self {
        case .card(let delivery): writer.enumCase("card", single: delivery)
        case .updateCards(let id): writer.enumCase("updateCards", single: id)
        case .notify(let notification): writer.enumCase("notify", single: notification)
        case .grant(let order): writer.enumCase("grant", single: order)
        case .revoke(let order): writer.enumCase("revoke", single: order)
        case .schedule(let timer): writer.enumCase("schedule", single: timer)
        case .cancelTimers(let id): writer.enumCase("cancelTimers", single: id)
        }
    }
}

extension Audience: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        switch self {
        case .user(let user): writer.enumCase("user", single: user)
        case .channel(let channel): writer.enumCase("channel", single: channel)
        }
    }
}

extension CardDelivery: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        writer.beginObject()
        writer.field("requestID", requestID)
        writer.field("audience", audience)
        writer.field("purpose", purpose)
        writer.endObject()
    }
}

extension CardDelivery.Purpose: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        switch self {
        case .approval: writer.enumCase("approval")
        case .reminder: writer.enumCase("reminder")
        case .escalation: writer.enumCase("escalation")
        case .confirmManualGrant(let resource): writer.enumCase("confirmManualGrant", single: resource)
        }
    }
}

extension AccessCore.Notification: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        writer.beginObject()
        writer.field("requestID", requestID)
        writer.field("audience", audience)
        writer.field("notice", notice)
        writer.endObject()
    }
}

extension Notice: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        switch self {
        case .submitted: writer.enumCase("submitted")
        case .durationCapped(let span): writer.enumCase("durationCapped") { $0.field("to", span) }
        case .stepApproved(let step, let total, let user):
            writer.enumCase("stepApproved") {
                $0.field("step", step)
                $0.field("of", total)
                $0.field("by", user)
            }
        case .approved(let users): writer.enumCase("approved") { $0.field("by", users) }
        case .denied(let user, let reason):
            writer.enumCase("denied") {
                $0.field("by", user)
                $0.field("reason", reason)
            }
        case .cancelled(let actor, let reason):
            writer.enumCase("cancelled") {
                $0.field("by", actor)
                $0.field("reason", ifPresent: reason)
            }
        case .timedOut: writer.enumCase("timedOut")
        case .granted(let until): writer.enumCase("granted") { $0.field("until", ifPresent: until) }
        case .grantFailed(let reason): writer.enumCase("grantFailed") { $0.field("reason", reason) }
        case .expiringSoon(let at): writer.enumCase("expiringSoon") { $0.field("at", at) }
        case .expired: writer.enumCase("expired")
        case .revoked(let actor, let reason):
            writer.enumCase("revoked") {
                $0.field("by", actor)
                $0.field("reason", ifPresent: reason)
            }
        }
    }
}

extension Actor: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        switch self {
        case .user(let user): writer.enumCase("user", single: user)
        case .admin(let name): writer.enumCase("admin", single: name)
        case .system: writer.enumCase("system")
        }
    }
}

extension GrantOrder: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        writer.beginObject()
        writer.field("requestID", requestID)
        writer.field("resource", resource)
        writer.field("user", user)
        writer.field("method", method)
        writer.endObject()
    }
}

extension GrantMethod: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        switch self {
        case .oktaGroup(let group): writer.enumCase("oktaGroup", single: group)
        case .oktaApp(let app): writer.enumCase("oktaApp", single: app)
        case .manual: writer.enumCase("manual")
        }
    }
}

extension ScheduledTimer: StoredJSONWritable {
    func write(to writer: inout StoredJSONWriter) {
        writer.beginObject()
        writer.field("requestID", requestID)
        writer.field("kind", kind)
        writer.field("due", due)
        writer.endObject()
    }
}
