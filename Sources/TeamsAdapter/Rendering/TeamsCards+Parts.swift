import AccessCore
import Foundation

extension TeamsCards {
    /// Requester, resources, type, duration, answers, justification, id, step, approvals and times.
    static func facts(_ request: AccessRequest, format: TeamsFormat, budget: Budget) -> [CardElement.Fact] {
        func fact(_ title: String, _ value: String) -> CardElement.Fact { CardElement.Fact(title: title, value: value) }
        var facts = [
            fact("Requester", format.person(request.requester)),
            fact(request.resources.count == 1 ? "Resource" : "Resources", format.resources(request.resources)),
            fact("Request type", TeamsMarkdown.escape(format.typeName(request.requestType), max: TeamsLimits.name)),
            fact("Duration", TeamsFormat.duration(request.accessDuration)),
        ]
        for answer in request.answers.prefix(budget.answersShown) {
            let label = TeamsMarkdown.escape(format.question(answer.question, of: request), max: TeamsLimits.name)
            facts.append(fact(label, answer.value.isEmpty ? "-" : TeamsMarkdown.escape(answer.value, max: budget.answer)))
        }
        if request.answers.count > budget.answersShown {
            facts.append(fact("More answers", "\(request.answers.count - budget.answersShown) not shown"))
        }
        if !request.justification.isEmpty {
            facts.append(fact("Justification", TeamsMarkdown.escape(request.justification, max: budget.justification)))
        }
        facts.append(fact("Request id", TeamsMarkdown.escape(request.id.rawValue, max: 64)))
        if let step = request.activeStep {
            facts.append(fact("Step", "\(request.currentStep + 1) of \(request.steps.count): " + format.rule(step.rule)))
            if step.required > 1 {
                let approvers = step.approvedBy.isEmpty ? "nobody yet" : format.people(step.approvedBy)
                facts.append(fact("Approvals", "\(step.approvedBy.count) of \(step.required): " + approvers))
            }
        }
        facts.append(fact("Requested", TeamsFormat.utc(request.createdAt)))
        if let end = format.timesOut(request) { facts.append(fact("Times out", TeamsFormat.utc(end))) }
        return facts
    }

    /// For escalations and reminders: how long it has waited, and on whom.
    static func waiting(_ request: AccessRequest, purpose: CardDelivery.Purpose?, format: TeamsFormat, now: Date) -> String? {
        guard request.status == .pending else { return nil }
        let age = TeamsFormat.age(from: request.createdAt, to: now)
        switch purpose {
        case .escalation: return "Waiting \(age) on " + format.people(request.currentApprovers) + "."
        case .reminder: return "Still undecided after \(age)."
        default: return nil
        }
    }

    /// The outcome lines once the request left `pending`.
    static func outcome(_ request: AccessRequest, format: TeamsFormat, budget: Budget) -> [String] {
        let when = TeamsFormat.utc(request.decidedAt ?? request.endedAt ?? request.updatedAt)
        let ended = TeamsFormat.utc(request.endedAt ?? request.decidedAt ?? request.updatedAt)
        let approvers = format.people(request.decisions.filter { $0.outcome == .approved }.map(\.approver))
        let reason = request.endReason.flatMap { $0.isEmpty ? nil : "**Reason:** " + TeamsMarkdown.escape($0, max: budget.reason) }
        switch request.status {
        case .pending:
            return []
        case .approved:
            let manual = pendingManualGrants(request, format: format)
            let next = manual.isEmpty ? "Granting access…" : "Waiting for someone to grant " + format.resources(manual) + " by hand."
            return ["✅ **Approved** by \(approvers), \(when).", next]
        case .fulfilled:
            let until = request.accessEndsAt.map { " until " + TeamsFormat.utc($0) } ?? " (permanent)"
            return ["✅ **Granted**\(until).", "Approved by \(approvers)."]
        case .denied:
            let denier = format.people(request.decisions.filter { $0.outcome == .denied }.map(\.approver))
            return ["⛔ **Denied** by \(denier), \(when)."] + [reason].compactMap { $0 }
        case .cancelled:
            return ["🚫 **Cancelled**, \(ended)."] + [reason].compactMap { $0 }
        case .timedOut:
            return ["⌛ **Timed out**, \(ended): nobody decided in time."]
        case .failed:
            return ["⚠️ **Grant failed**, \(ended)."] + [reason].compactMap { $0 }
        case .expired:
            return ["🔒 **Access ended**, \(ended).", "Approved by \(approvers)."]
        case .revoked:
            return ["🔒 **Revoked**, \(ended)."] + [reason].compactMap { $0 }
        }
    }

    /// Manual resources approved but not granted yet.
    static func pendingManualGrants(_ request: AccessRequest, format: TeamsFormat) -> [ResourceID] {
        guard request.status == .approved else { return [] }
        return request.resources.filter { id in
            !request.granted.contains(id) && format.catalog.resource(id)?.grant == .manual
        }
    }

    /// The reason input with Approve and Deny while pending; "Mark … as granted" while a manual grant waits.
    static func actions(_ request: AccessRequest, purpose: CardDelivery.Purpose?, format: TeamsFormat) -> [CardElement] {
        if request.status == .pending {
            if case .confirmManualGrant = purpose { return [] }
            return [
                .inputText(
                    CardElement.InputText(
                        id: TeamsCardField.reason, placeholder: "Reason (required to deny)", isMultiline: true,
                        maxLength: TeamsLimits.reasonInput)),
                .actionSet(CardElement.ActionSet(actions: decisionActions(request))),
            ]
        }
        var manual = pendingManualGrants(request, format: format)
        if case .confirmManualGrant(let resource) = purpose { manual = manual.filter { $0 == resource } }
        guard !manual.isEmpty else { return [] }
        let buttons = manual.prefix(10).map { resource in
            let data: CardData = [
                TeamsCardField.requestID: .string(request.id.rawValue), TeamsCardField.resource: .string(resource.rawValue),
            ]
            var fallback = data
            fallback[TeamsCardField.verb] = .string(TeamsVerb.markGranted.rawValue)
            let title = "Mark " + TeamsMarkdown.plain(format.resourceName(resource), max: 50) + " as granted"
            return CardAction.execute(
                .init(
                    title: title, verb: TeamsVerb.markGranted.rawValue, data: data, style: .positive,
                    fallback: .init(title: title, data: fallback)))
        }
        return [.actionSet(CardElement.ActionSet(actions: Array(buttons)))]
    }

    /// Approve (positive) and Deny (destructive) for the current step, each with an `Action.Submit` fallback.
    static func decisionActions(_ request: AccessRequest) -> [CardAction] {
        let data: CardData = [TeamsCardField.requestID: .string(request.id.rawValue), TeamsCardField.step: .int(request.currentStep)]
        let buttons: [(String, TeamsVerb, CardAction.Style)] = [("Approve", .approve, .positive), ("Deny", .deny, .destructive)]
        return buttons.map { title, verb, style in
            var fallback = data
            fallback[TeamsCardField.verb] = .string(verb.rawValue)
            return .execute(
                .init(title: title, verb: verb.rawValue, data: data, style: style, fallback: .init(title: title, data: fallback)))
        }
    }
}
