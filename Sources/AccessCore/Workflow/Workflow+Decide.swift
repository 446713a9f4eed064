import Foundation

extension Workflow {
    func approve(by approver: UserID, comment: String?, _ transition: inout Transition) throws(WorkflowError) {
        let stepIndex = try checkDecider(approver, transition.request)
        if transition.request.steps[stepIndex].approvedBy.contains(approver) { throw .alreadyVoted(approver) }

        transition.request.steps[stepIndex].approvedBy.append(approver)
        transition.request.decisions.append(
            Decision(approver: approver, step: stepIndex, outcome: .approved, reason: comment, at: transition.now))
        guard transition.request.steps[stepIndex].isSatisfied else {
            // More distinct approvals needed on this step: the cards show the count so far.
            transition.record(.stepApproved, actor: .user(approver), step: stepIndex, reason: comment)
            transition.effects.append(.updateCards(transition.request.id))
            return
        }

        let next = stepIndex + 1
        transition.request.currentStep = next
        if next < transition.request.steps.count {
            transition.record(.stepApproved, actor: .user(approver), step: stepIndex, reason: comment)
            transition.effects.append(.updateCards(transition.request.id))
            transition.tellRequester(.stepApproved(step: stepIndex, of: transition.request.steps.count, by: approver))
            postCards(forStep: next, purpose: .approval, &transition)
        } else {
            let deciders = transition.request.decisions.filter { $0.outcome == .approved }.map(\.approver)
            approveFully(by: deciders, actor: .user(approver), step: stepIndex, &transition)
        }
    }

    func deny(by approver: UserID, reason: String, _ transition: inout Transition) throws(WorkflowError) {
        let stepIndex = try checkDecider(approver, transition.request)
        let reason = String(reason.trimmed.prefix(3000))
        transition.request.decisions.append(
            Decision(approver: approver, step: stepIndex, outcome: .denied, reason: reason, at: transition.now))
        transition.request.decidedAt = transition.now
        transition.request.endReason = reason
        transition.move(to: .denied, action: .denied, actor: .user(approver), step: stepIndex, reason: reason)
        transition.effects.append(.updateCards(transition.request.id))
        transition.effects.append(.cancelTimers(transition.request.id))
        transition.tellRequester(.denied(by: approver, reason: reason))
    }

    func cancel(by actor: Actor, reason: String?, _ transition: inout Transition) throws(WorkflowError) {
        let request = transition.request
        if case .user(let user) = actor, user != request.requester { throw .notRequester(user) }
        guard request.status == .pending else {
            throw .alreadyDecided(request.status, by: request.deciders, at: request.decidedAt ?? request.endedAt)
        }
        transition.request.endReason = reason
        transition.move(to: .cancelled, action: .cancelled, actor: actor, reason: reason)
        transition.effects.append(.updateCards(request.id))
        transition.effects.append(.cancelTimers(request.id))
        if actor.user != request.requester { transition.tellRequester(.cancelled(by: actor, reason: reason)) }
    }

    /// The step index `approver` may decide, or why they may not.
    private func checkDecider(_ approver: UserID, _ request: AccessRequest) throws(WorkflowError) -> Int {
        guard request.status == .pending, request.steps.indices.contains(request.currentStep) else {
            throw .alreadyDecided(request.status, by: request.deciders, at: request.decidedAt ?? request.endedAt)
        }
        if approver == request.requester { throw .selfApproval }
        guard request.steps[request.currentStep].eligible.contains(approver) else { throw .notAnApprover(approver) }
        return request.currentStep
    }

    /// Every step passed: the request is approved and its grants start.
    func approveFully(by deciders: [UserID], actor: Actor, step: Int? = nil, _ transition: inout Transition) {
        transition.request.decidedAt = transition.now
        transition.request.currentStep = transition.request.steps.count
        transition.move(to: .approved, action: .approved, actor: actor, step: step)
        transition.effects.append(.updateCards(transition.request.id))
        transition.effects.append(.cancelTimers(transition.request.id))
        transition.tellRequester(.approved(by: deciders))
        startGrants(&transition)
    }

    /// Grants every resource not granted yet: through Okta, or by asking the owning team.
    func startGrants(_ transition: inout Transition) {
        let request = transition.request
        for resourceID in request.resources where !request.granted.contains(resourceID) {
            guard let resource = catalog.resource(resourceID) else { continue }
            let order = GrantOrder(requestID: request.id, resource: resourceID, user: request.requester, method: resource.grant)
            if resource.grant == .manual {
                for audience in fulfilmentAudience(for: request) {
                    transition.effects.append(
                        .card(CardDelivery(requestID: request.id, audience: audience, purpose: .confirmManualGrant(resourceID))))
                }
            } else {
                transition.effects.append(.grant(order))
            }
        }
    }

    /// The owning team's channel when it has one, else each member.
    func fulfilmentAudience(for request: AccessRequest) -> [Audience] {
        guard let team = catalog.requestType(request.requestType).flatMap({ catalog.team($0.team) }) else { return [] }
        if let channel = team.channel, !channel.isEmpty { return [.channel(channel)] }
        return team.members.map(Audience.user)
    }

    /// Cards to every approver of a step, and to the step team's channel.
    func postCards(forStep index: Int, purpose: CardDelivery.Purpose, _ transition: inout Transition) {
        let step = transition.request.steps[index]
        for approver in step.eligible where !step.approvedBy.contains(approver) {
            transition.effects.append(.card(CardDelivery(requestID: transition.request.id, audience: .user(approver), purpose: purpose)))
        }
        if let channel = step.channel, !channel.isEmpty {
            transition.effects.append(.card(CardDelivery(requestID: transition.request.id, audience: .channel(channel), purpose: purpose)))
        }
    }
}
