import AccessCore
import Foundation

/// Which requests the Past Access Requests report (and the admin API's request list) reads,
/// with the filters Okta's report has. Every field left nil matches everything.
public struct ReportFilter: Hashable, Sendable {
    /// The time that `from` and `to` bound, and that rows are ordered by.
    public enum TimeField: String, Hashable, Sendable, CaseIterable {
        /// When the request was made.
        case requested
        /// When it was approved or denied. Requests never decided (pending, cancelled,
        /// timed out) have no such time and are left out.
        case decided
    }

    public var timeField: TimeField
    /// At or after this time.
    public var from: Date?
    /// Strictly before this time.
    public var to: Date?
    public var requester: UserID?
    /// Requests this person approved or denied, at any step.
    public var approver: UserID?
    /// Requests that include this resource.
    public var resource: ResourceID?
    public var requestType: RequestTypeID?
    /// An empty set matches nothing.
    public var statuses: Set<RequestStatus>?
    /// True: only requests with an access duration; false: only permanent ones.
    public var timeBounded: Bool?

    public init(
        timeField: TimeField = .requested, from: Date? = nil, to: Date? = nil, requester: UserID? = nil,
        approver: UserID? = nil, resource: ResourceID? = nil, requestType: RequestTypeID? = nil,
        statuses: Set<RequestStatus>? = nil, timeBounded: Bool? = nil
    ) {
        self.timeField = timeField
        self.from = from
        self.to = to
        self.requester = requester
        self.approver = approver
        self.resource = resource
        self.requestType = requestType
        self.statuses = statuses
        self.timeBounded = timeBounded
    }
}
