import AccessCore
import Foundation

extension SlackCards {
    /// Who asks for what, with type, duration, step and id as fields.
    static func summary(_ request: AccessRequest, format: SlackFormat) -> SlackBlock {
        let text = format.person(request.requester) + " asks for " + format.resources(request.resources)
        var fields: [Mrkdwn] = [
            "*Request type*\n" + .text(format.typeName(request), max: 200),
            .markup("*Duration*\n\(SlackFormat.duration(request.accessDuration))"),
        ]
        if let step = request.activeStep {
            fields.append(.markup("*Step*\n\(request.currentStep + 1) of \(request.steps.count): ") + format.rule(step.rule))
        }
        fields.append(.markup("*Request id*\n\(request.id.rawValue)"))
        return .section(text, fields: fields)
    }

    /// `*Question*\nanswer` lines; nil without answers.
    static func answers(_ request: AccessRequest, format: SlackFormat) -> SlackBlock? {
        guard !request.answers.isEmpty else { return nil }
        let lines = request.answers.prefix(20).map { answer in
            "*" + Mrkdwn.text(format.question(answer.question, of: request), max: 150) + "*\n" + .text(answer.value, max: 400)
        }
        return .section(Mrkdwn.joined(Array(lines), separator: "\n"))
    }

    /// When it was asked, when it times out, and for escalations and reminders how long it has waited on whom.
    static func timeline(_ request: AccessRequest, purpose: CardDelivery.Purpose?, format: SlackFormat, now: Date) -> [Mrkdwn] {
        var parts: [Mrkdwn] = ["Requested " + SlackFormat.date(request.createdAt)]
        if let end = format.timesOut(request) { parts.append("Times out " + SlackFormat.date(end)) }
        if let step = request.activeStep, step.required > 1 {
            let approvers = step.approvedBy.isEmpty ? Mrkdwn("nobody yet") : format.people(step.approvedBy)
            parts.append(.markup("\(step.approvedBy.count) of \(step.required) approvals: ") + approvers)
        }
        if request.status == .pending {
            switch purpose {
            case .escalation:
                parts.append(
                    .markup("Waiting \(SlackFormat.age(from: request.createdAt, to: now)) on ") + format.people(request.currentApprovers))
            case .reminder:
                parts.append(.markup("Still undecided after \(SlackFormat.age(from: request.createdAt, to: now))"))
            default:
                break
            }
        }
        return parts
    }

    /// The outcome once the request left `pending`.
    static func outcome(_ request: AccessRequest, format: SlackFormat) -> Mrkdwn? {
        let when = (request.decidedAt ?? request.endedAt ?? request.updatedAt)
        let approvers = format.people(request.decisions.filter { $0.outcome == .approved }.map(\.approver))
        let reason = request.endReason.map { "\n*Reason:* " + Mrkdwn.text($0, max: 1000) } ?? Mrkdwn()
        switch request.status {
        case .pending:
            return nil
        case .approved:
            let manual = pendingManualGrants(request, format: format)
            let next: Mrkdwn =
                manual.isEmpty
                ? "\nGranting access…"
                : "\nWaiting for someone to grant " + format.resources(manual) + " by hand."
            return ":white_check_mark: *Approved* by " + approvers + " " + SlackFormat.date(when) + next
        case .fulfilled:
            let until = request.accessEndsAt.map { " until " + SlackFormat.date($0) } ?? " (permanent)"
            return ":white_check_mark: *Granted*" + until + "\nApproved by " + approvers
        case .denied:
            let denier = format.people(request.decisions.filter { $0.outcome == .denied }.map(\.approver))
            return ":no_entry: *Denied* by " + denier + " " + SlackFormat.date(when) + reason
        case .cancelled:
            return ":no_entry_sign: *Cancelled* " + SlackFormat.date(request.endedAt ?? when) + reason
        case .timedOut:
            return ":hourglass: *Timed out* " + SlackFormat.date(request.endedAt ?? when) + ": nobody decided in time."
        case .failed:
            return ":warning: *Grant failed* " + SlackFormat.date(request.endedAt ?? when) + reason
        case .expired:
            return ":lock: *Access ended* " + SlackFormat.date(request.endedAt ?? when) + "\nApproved by " + approvers
        case .revoked:
            return ":lock: *Revoked* " + SlackFormat.date(request.endedAt ?? when) + reason
        }
    }

    /// Manual resources approved but not granted yet.
    static func pendingManualGrants(_ request: AccessRequest, format: SlackFormat) -> [ResourceID] {
        guard request.status == .approved else { return [] }
        return request.resources.filter { id in
            !request.granted.contains(id) && format.catalog.resource(id)?.grant == .manual
        }
    }

    /// Decision buttons while pending; "Mark as granted" while a manual grant waits.
    static func buttons(_ request: AccessRequest, purpose: CardDelivery.Purpose?, format: SlackFormat) -> SlackBlock? {
        if request.status == .pending {
            if case .confirmManualGrant = purpose { return nil }
            return .actions(decisionButtons(request, format: format), blockID: "decide:\(request.id.rawValue):\(request.currentStep)")
        }
        var manual = pendingManualGrants(request, format: format)
        if case .confirmManualGrant(let resource) = purpose { manual = manual.filter { $0 == resource } }
        guard !manual.isEmpty else { return nil }
        let elements = manual.enumerated().map { index, resource in
            SlackElement.button(
                manual.count == 1 ? "Mark as granted" : "Mark \(format.resourceName(resource)) as granted",
                action: .markGranted, discriminator: index == 0 ? nil : String(index),
                value: MarkGrantedValue(request: request.id, resource: resource).encoded, style: .primary)
        }
        return .actions(elements, blockID: "grant:\(request.id.rawValue)")
    }

    /// Approve (primary, with a confirmation) and Deny (danger, opens the reason modal).
    /// `discriminator` keeps action ids unique when several requests share a view.
    static func decisionButtons(_ request: AccessRequest, format: SlackFormat, discriminator: String? = nil) -> [SlackElement] {
        let grants =
            "Grants " + format.resources(request.resources) + " to " + format.person(request.requester)
            + .markup(" for \(SlackFormat.duration(request.accessDuration)).")
        let confirm = SlackElement.confirm(
            title: "Approve \(request.id.rawValue)?", text: grants, confirm: "Approve", deny: "Cancel", style: .primary)
        return [
            .button(
                "Approve", action: .approve, discriminator: discriminator, value: request.id.rawValue, style: .primary, confirm: confirm),
            .button("Deny", action: .deny, discriminator: discriminator, value: request.id.rawValue, style: .danger),
        ]
    }
}
