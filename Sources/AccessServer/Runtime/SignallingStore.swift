import AccessCore

/// A request store that wakes the delivery and timer services after every commit, so
/// what a request causes leaves at once instead of at the next poll.
public struct SignallingStore<Base: RequestStore>: RequestStore {
    public let base: Base
    let outbox: WakeSignal
    let timers: WakeSignal

    public func create(_ outcome: Outcome) async throws {
        try await base.create(outcome)
        wake(for: outcome)
    }

    public func commit(_ outcome: Outcome, consumedTimer: TimerID?) async throws {
        try await base.commit(outcome, consumedTimer: consumedTimer)
        wake(for: outcome)
    }

    public func request(_ id: RequestID) async throws -> AccessRequest? { try await base.request(id) }
    public func requests(_ query: RequestQuery) async throws -> [AccessRequest] { try await base.requests(query) }
    public func auditTrail(of id: RequestID) async throws -> [AuditEvent] { try await base.auditTrail(of: id) }

    private func wake(for outcome: Outcome) {
        var outboxRows = false
        var timerRows = false
        for effect in outcome.effects {
            switch effect {
            case .schedule: timerRows = true
            case .cancelTimers: break
            default: outboxRows = true
            }
        }
        if outboxRows { outbox.signal() }
        if timerRows { timers.signal() }
    }
}
