import AccessCore
import Foundation

/// A request store that wakes the delivery service after every commit that wrote outbox rows,
/// and the timer service when a commit scheduled a timer due before its next look, so what a
/// request causes leaves at once instead of at the next poll.
public struct SignallingStore<Base: RequestStore>: RequestStore {
    public let base: Base
    let outbox: WakeSignal
    let timers: TimerAlarm

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
        var earliestTimer: Date?
        for effect in outcome.effects {
            switch effect {
            case .schedule(let timer): earliestTimer = min(earliestTimer ?? timer.due, timer.due)
            case .cancelTimers: break
            default: outboxRows = true
            }
        }
        if outboxRows { outbox.signal() }
        if let earliestTimer { timers.scheduled(due: earliestTimer) }
    }
}
