import AccessCore
import Foundation

/// One line of the Past Access Requests report: a request as an auditor reads it.
public struct ReportRow: Hashable, Sendable {
    public var id: RequestID
    public var requestedAt: Date
    public var requester: UserID
    public var resources: [ResourceID]
    public var requestType: RequestTypeID
    public var justification: String
    public var status: RequestStatus
    /// When the last approval or the denial was given.
    public var decidedAt: Date?
    /// Every approver's decision, in the order they were made.
    public var decisions: [ReportDecision]
    public var grantedAt: Date?
    /// When granted access is due to end (time-bounded requests only).
    public var accessEndsAt: Date?
    /// When the request reached a final state.
    public var endedAt: Date?

    public init(
        id: RequestID, requestedAt: Date, requester: UserID, resources: [ResourceID], requestType: RequestTypeID,
        justification: String, status: RequestStatus, decidedAt: Date?, decisions: [ReportDecision], grantedAt: Date?,
        accessEndsAt: Date?, endedAt: Date?
    ) {
        self.id = id
        self.requestedAt = requestedAt
        self.requester = requester
        self.resources = resources
        self.requestType = requestType
        self.justification = justification
        self.status = status
        self.decidedAt = decidedAt
        self.decisions = decisions
        self.grantedAt = grantedAt
        self.accessEndsAt = accessEndsAt
        self.endedAt = endedAt
    }

    /// The report's "access ends / revoked at": when access ended (expired, revoked) or is due
    /// to end (fulfilled and time-bounded); nil while nothing is granted or access is permanent.
    public var accessEnd: Date? {
        switch status {
        case .expired, .revoked: endedAt ?? accessEndsAt
        case .fulfilled: accessEndsAt
        case .pending, .approved, .denied, .cancelled, .timedOut, .failed: nil
        }
    }

    /// When the request stopped waiting on people: its decision, or its end when it ended
    /// undecided (cancelled, timed out). Nil while pending.
    public var resolvedAt: Date? {
        if let decidedAt { return decidedAt }
        switch status {
        case .cancelled, .timedOut: return endedAt
        default: return nil
        }
    }

    /// Whole seconds from request to resolution, computed from the two times as the report
    /// prints them (cut to the second), so the columns always agree.
    public var timeToResolveSeconds: Int64? {
        guard let resolvedAt else { return nil }
        return RFC3339.wholeSeconds(resolvedAt) - RFC3339.wholeSeconds(requestedAt)
    }
}

/// One approver's decision as the report shows it.
public struct ReportDecision: Hashable, Sendable {
    public var approver: UserID
    public var outcome: Decision.Outcome

    public init(approver: UserID, outcome: Decision.Outcome) {
        self.approver = approver
        self.outcome = outcome
    }
}
