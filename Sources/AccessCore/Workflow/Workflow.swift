import Foundation

/// The access-request state machine. Pure: the clock is a parameter, there is no I/O,
/// and every call returns the new state plus the effects to carry out.
public struct Workflow: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    /// Handles one command on one request.
    public func handle(_ command: Command, on request: AccessRequest, now: Date) throws(WorkflowError) -> Outcome {
        var transition = Transition(request: request, now: now)
        switch command {
        case .approve(let approver, let comment):
            try approve(by: approver, comment: comment, &transition)
        case .deny(let approver, let reason):
            try deny(by: approver, reason: reason, &transition)
        case .cancel(let actor, let reason):
            try cancel(by: actor, reason: reason, &transition)
        case .timerFired(let kind):
            timerFired(kind, &transition)
        case .grantCompleted(let resource, let actor):
            try grantCompleted(resource, by: actor, &transition)
        case .grantFailed(let resource, let reason):
            grantFailed(resource, reason: reason, &transition)
        case .revoke(let actor, let reason):
            try revoke(by: actor, reason: reason, &transition)
        case .retryGrant(let actor):
            try retryGrant(by: actor, &transition)
        }
        return transition.outcome(expectedVersion: request.version)
    }
}

/// The request being changed plus what the change causes; one per command.
struct Transition {
    var request: AccessRequest
    let now: Date
    var effects: [Effect] = []
    var audit: [AuditEvent] = []

    init(request: AccessRequest, now: Date) {
        self.request = request
        self.now = now
    }

    /// Moves to a status and records it.
    mutating func move(
        to status: RequestStatus, action: AuditEvent.Action, actor: Actor, step: Int? = nil, reason: String? = nil
    ) {
        let from = request.status
        request.status = status
        if status.isTerminal { request.endedAt = now }
        record(action, actor: actor, from: from, step: step, reason: reason)
    }

    /// Records an event that does not change the status.
    mutating func record(_ action: AuditEvent.Action, actor: Actor, from: RequestStatus? = nil, step: Int? = nil, reason: String? = nil) {
        audit.append(
            AuditEvent(
                requestID: request.id, at: now, actor: actor, action: action, fromStatus: from ?? request.status,
                toStatus: request.status, step: step, reason: reason))
    }

    mutating func tell(_ audience: Audience, _ notice: Notice) {
        effects.append(.notify(Notification(requestID: request.id, audience: audience, notice: notice)))
    }

    mutating func tellRequester(_ notice: Notice) { tell(.user(request.requester), notice) }

    func outcome(expectedVersion: Int?) -> Outcome {
        var request = self.request
        if !audit.isEmpty || !effects.isEmpty {
            request.updatedAt = now
            if expectedVersion != nil { request.version += 1 }
        }
        return Outcome(request: request, effects: effects, audit: audit, expectedVersion: expectedVersion)
    }
}
