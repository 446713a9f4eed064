import Foundation

/// Where requests live. Every method that writes takes a whole `Outcome`: the new state,
/// its audit events and its effects are committed in one transaction (the transactional
/// outbox), so a crash never keeps one without the others.
public protocol RequestStore: Sendable {
    /// Saves a new request (`outcome.expectedVersion == nil`). Throws `StoreError.duplicate` if the id exists.
    func create(_ outcome: Outcome) async throws
    /// Saves a transition of an existing request if its stored version is still
    /// `outcome.expectedVersion`; otherwise throws `StoreError.conflict` and writes nothing.
    /// `consumedTimer`, when given, is deleted in the same transaction.
    func commit(_ outcome: Outcome, consumedTimer: TimerID?) async throws
    func request(_ id: RequestID) async throws -> AccessRequest?
    /// Requests matching a query, newest first.
    func requests(_ query: RequestQuery) async throws -> [AccessRequest]
    /// A request's audit trail, oldest first.
    func auditTrail(of id: RequestID) async throws -> [AuditEvent]
}

extension RequestStore {
    public func commit(_ outcome: Outcome) async throws { try await commit(outcome, consumedTimer: nil) }
}

/// A simple filter over requests.
public struct RequestQuery: Hashable, Sendable {
    public var requester: UserID?
    /// Requests whose current step waits on this person (their open tasks).
    public var awaitingApprover: UserID?
    public var statuses: Set<RequestStatus>?
    public var limit: Int

    public init(requester: UserID? = nil, awaitingApprover: UserID? = nil, statuses: Set<RequestStatus>? = nil, limit: Int = 50) {
        self.requester = requester
        self.awaitingApprover = awaitingApprover
        self.statuses = statuses
        self.limit = limit
    }
}

public typealias TimerID = Int64

/// Storage failures the workflow layer reacts to; anything else is an outage.
public enum StoreError: Error, Hashable, Sendable {
    /// Someone else changed the request first (compare-and-swap lost).
    case conflict(RequestID)
    /// A request with this id already exists.
    case duplicate(RequestID)
}
