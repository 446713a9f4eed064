import Foundation

extension Workflow {
    /// A timer fired. A timer that no longer applies (the request moved on) does nothing.
    func timerFired(_ kind: TimerKind, _ transition: inout Transition) {
        let request = transition.request
        switch (kind, request.status) {
        case (.remind, .pending):
            transition.record(.reminded, actor: .system, step: request.currentStep)
            postCards(forStep: request.currentStep, purpose: .reminder, &transition)
        case (.escalate, .pending):
            let waitingOn = request.currentApprovers.map(\.rawValue).joined(separator: ", ")
            transition.record(.escalated, actor: .system, step: request.currentStep, reason: "waiting on \(waitingOn)")
            openStepToOwningTeam(&transition)
            if let channel = catalog.escalationChannel, !channel.isEmpty {
                transition.effects.append(.card(CardDelivery(requestID: request.id, audience: .channel(channel), purpose: .escalation)))
            }
        case (.expire, .pending):
            let waitingOn = request.currentApprovers
            transition.move(to: .timedOut, action: .timedOut, actor: .system, step: request.currentStep)
            transition.effects.append(.updateCards(request.id))
            transition.effects.append(.cancelTimers(request.id))
            transition.tellRequester(.timedOut)
            for approver in waitingOn { transition.tell(.user(approver), .timedOut) }
        case (.expiryWarning, .fulfilled):
            guard let end = request.accessEndsAt else { return }
            transition.record(.expiryWarned, actor: .system)
            transition.tellRequester(.expiringSoon(at: end))
        case (.accessExpiry, .fulfilled):
            transition.move(to: .expired, action: .expired, actor: .system)
            transition.effects.append(.updateCards(request.id))
            transition.effects.append(.cancelTimers(request.id))
            transition.tellRequester(.expired)
            revokeAll(&transition)
        default:
            return
        }
    }

    /// A stalled step may be decided by the owning team from the escalation card: its members
    /// join the current step's approvers (never the requester). Later steps keep their own.
    func openStepToOwningTeam(_ transition: inout Transition) {
        let index = transition.request.currentStep
        guard transition.request.steps.indices.contains(index),
            let team = catalog.requestType(transition.request.requestType).flatMap({ catalog.team($0.team) })
        else { return }
        for member in team.members
        where member != transition.request.requester && !transition.request.steps[index].eligible.contains(member) {
            transition.request.steps[index].eligible.append(member)
        }
    }

    func revokeAll(_ transition: inout Transition) {
        let request = transition.request
        for resourceID in request.granted {
            guard let resource = catalog.resource(resourceID) else { continue }
            if resource.grant == .manual {
                // A manual grant is taken away by hand too: the owning team is told.
                for audience in fulfilmentAudience(for: request) { transition.tell(audience, .expired) }
            } else {
                transition.effects.append(
                    .revoke(GrantOrder(requestID: request.id, resource: resourceID, user: request.requester, method: resource.grant)))
            }
        }
    }
}
