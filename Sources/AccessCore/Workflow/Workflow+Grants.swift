import Foundation

extension Workflow {
    func grantCompleted(_ resource: ResourceID, by actor: Actor, _ transition: inout Transition) throws(WorkflowError) {
        let request = transition.request
        guard request.resources.contains(resource) else { throw .resourceNotOffered(resource, by: request.requestType) }
        if case .user(let user) = actor {
            guard mayFulfil(user, request) else {
                throw .notAllowed("Only members of the owning team can mark this access as granted.")
            }
        }
        // A late or repeated confirmation of something already granted changes nothing.
        guard request.status == .approved, !request.granted.contains(resource) else {
            if request.status == .pending { throw .invalidState(.pending, expected: [.approved]) }
            return
        }
        transition.request.granted.append(resource)
        transition.record(.granted, actor: actor, reason: resource.rawValue)
        guard Set(transition.request.granted) == Set(request.resources) else { return }

        let now = transition.now
        transition.request.grantedAt = now
        transition.request.accessEndsAt = request.accessDuration.map { now.adding($0) }
        transition.move(to: .fulfilled, action: .fulfilled, actor: actor)
        transition.effects.append(.updateCards(request.id))
        transition.tellRequester(.granted(until: transition.request.accessEndsAt))
        if let duration = request.accessDuration, let end = transition.request.accessEndsAt {
            // Warn at 90 % of the duration, but never less than a minute ahead of the end.
            let lead = max(60, duration.seconds / 10)
            if duration.seconds > lead {
                transition.effects.append(
                    .schedule(ScheduledTimer(requestID: request.id, kind: .expiryWarning, due: end.addingTimeInterval(-TimeInterval(lead))))
                )
            }
            transition.effects.append(.schedule(ScheduledTimer(requestID: request.id, kind: .accessExpiry, due: end)))
        }
    }

    func grantFailed(_ resource: ResourceID, reason: String, _ transition: inout Transition) {
        guard transition.request.status == .approved else { return }
        let reason = String(reason.prefix(1000))
        transition.request.endReason = reason
        transition.move(to: .failed, action: .grantFailed, actor: .system, reason: "\(resource): \(reason)")
        transition.effects.append(.updateCards(transition.request.id))
        transition.tellRequester(.grantFailed(reason: reason))
        for audience in fulfilmentAudience(for: transition.request) { transition.tell(audience, .grantFailed(reason: reason)) }
    }

    func revoke(by actor: Actor, reason: String?, _ transition: inout Transition) throws(WorkflowError) {
        let request = transition.request
        if case .user(let user) = actor, !mayFulfil(user, request) {
            throw .notAllowed("Only members of the owning team can revoke this access.")
        }
        guard request.status == .fulfilled else { throw .invalidState(request.status, expected: [.fulfilled]) }
        transition.request.endReason = reason
        transition.move(to: .revoked, action: .revoked, actor: actor, reason: reason)
        transition.effects.append(.updateCards(request.id))
        transition.effects.append(.cancelTimers(request.id))
        transition.tellRequester(.revoked(by: actor, reason: reason))
        revokeAll(&transition)
    }

    func retryGrant(by actor: Actor, _ transition: inout Transition) throws(WorkflowError) {
        let request = transition.request
        if case .user(let user) = actor, !mayFulfil(user, request) {
            throw .notAllowed("Only members of the owning team can retry this grant.")
        }
        guard request.status == .failed else { throw .invalidState(request.status, expected: [.failed]) }
        transition.request.endedAt = nil
        transition.request.endReason = nil
        transition.move(to: .approved, action: .approved, actor: actor, reason: "grant retried")
        transition.effects.append(.updateCards(request.id))
        startGrants(&transition)
    }

    /// Owning-team members and resource owners may confirm, retry and revoke grants.
    func mayFulfil(_ user: UserID, _ request: AccessRequest) -> Bool {
        if let type = catalog.requestType(request.requestType), let team = catalog.team(type.team), team.members.contains(user) {
            return true
        }
        return request.resources.contains { catalog.resource($0)?.owners.contains(user) ?? false }
    }
}
