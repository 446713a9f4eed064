import AccessCore
import Yams

/// Approval steps and escalation timings of a request type.
extension ConfigParser {
    static let approverHint = "write approver: manager, user, team or resource_owner"

    /// `{ approver: team, team: it-ops, count: 2 }`, `{ approver: user, user: erin@example.com }`, ...
    mutating func parseStep(_ node: Node, index: Int, of type: RequestTypeID) -> StepDraft? {
        let context = "approval step \(index) of request type '\(type)'"
        guard
            let fields = fields(
                of: node, context: context, allowed: ["approver", "team", "user", "count"],
                required: [("approver", Self.approverHint)])
        else { return nil }
        var step = StepDraft(place: fields.place)
        if let node = fields["approver"], let written = text(node, what: fields.what("approver")) {
            step.approver = StepDraft.Approver(rawValue: written)
            if step.approver == nil {
                reportBadChoice(
                    written, at: Place(node), what: fields.what("approver"), choices: StepDraft.Approver.allCases.map(\.rawValue))
            }
        }
        step.team = fields["team"].flatMap { identifier($0, what: fields.what("team")) }
        step.user = fields["user"].flatMap { person($0, what: fields.what("user")) }
        step.count = fields["count"].flatMap { integer($0, what: fields.what("count")) }
        if let count = step.count, count.value < 1 {
            error("\(fields.what("count")) is \(count.value); at least 1 approval is needed", at: count.place)
        }

        switch step.approver {
        case .team?:
            if !fields.has("team") { error("\(context) is a team step but names no team", at: fields.place, hint: "add team: <team id>") }
        case .user?:
            if !fields.has("user") {
                error("\(context) is a user step but names nobody", at: fields.place, hint: "add user: <email of the approver>")
            }
        case .manager?, .resourceOwner?, nil:
            break
        }
        if let approver = step.approver {
            for key in ["team", "user"] where fields.has(key) && key != approver.rawValue {
                error(
                    "\(fields.what(key)) does not apply to a '\(approver.rawValue)' step", at: fields.keyPlace(key),
                    hint: "remove it, or write approver: \(key)")
            }
            if approver == .manager || approver == .user, let count = step.count, count.value > 1 {
                error(
                    "\(fields.what("count")) is \(count.value), but a '\(approver.rawValue)' step has one approver", at: count.place,
                    hint: "remove count, or use a team step for several approvals")
            }
        }
        return step
    }

    /// `{ remind_after: 4h, escalate_after: 1d, expire_after: 3d }`: each optional, in increasing order.
    mutating func escalation(_ node: Node, of type: RequestTypeID) -> EscalationPolicy {
        let context = "'escalation' of request type '\(type)'"
        let keys = ["remind_after", "escalate_after", "expire_after"]
        guard let fields = fields(of: node, context: context, allowed: keys) else { return EscalationPolicy() }
        let spans = keys.map { key in fields[key].flatMap { duration($0, what: fields.what(key)) } }
        // Each set timing must come after every earlier set one: remind < escalate < expire.
        var previous: (key: String, span: TimeSpan)?
        for (key, span) in zip(keys, spans) {
            guard let span else { continue }
            if let last = previous, span.value <= last.span {
                error(
                    "\(fields.what(key)) (\(span.value)) is not after \(last.key) (\(last.span))", at: span.place,
                    hint: "timings are measured from submission and must increase: remind_after < escalate_after < expire_after")
            } else {
                previous = (key, span.value)
            }
        }
        return EscalationPolicy(remindAfter: spans[0]?.value, escalateAfter: spans[1]?.value, expireAfter: spans[2]?.value)
    }
}
