import AccessCore
import AccessStore
import Foundation

/// A filter value that cannot be used, in one line naming the parameter:
/// `from: "yesterday" is not an RFC 3339 time`.
public struct ReportParameterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The query parameter (or, with `-` for `_`, the `accessbot report` flag).
    public let parameter: String
    public let reason: String

    public init(_ parameter: String, _ reason: String) {
        self.parameter = parameter
        self.reason = reason
    }

    public var description: String { "\(parameter): \(reason)" }
}

/// The query parameters of the report and of the request list, read into a filter. The
/// `accessbot report` flags carry the same names, so both edges give the same answers.
///
/// Empty values count as not given (as HTML forms send them); anything else unusable,
/// unknown or repeated is an error. `status` may repeat and takes comma-separated lists.
public struct ReportParameters: Sendable {
    /// Which parameters apply.
    public enum Use: Sendable {
        /// `GET /api/v1/reports/past-access-requests`, `accessbot report`: adds `format`, `time_field`.
        case report
        /// `GET /api/v1/requests`: adds `limit`, `cursor`; times bound the requested time.
        case requestList
    }

    public var filter = ReportFilter()
    public var format = PastAccessReport.Format.csv
    public var limit = 50
    public var cursor: RequestCursor?

    /// The largest `limit` of a request list.
    public static let maxLimit = 500

    static let filterNames = ["from", "to", "requester", "approver", "resource", "request_type", "status", "decision", "time_bounded"]

    /// Reads `pairs` (name, value), in order.
    public init(_ pairs: [(name: String, value: String)], for use: Use) throws(ReportParameterError) {
        let known = Self.filterNames + (use == .report ? ["format", "time_field"] : ["limit", "cursor"])
        var seen = Set<String>()
        var statuses: Set<RequestStatus>?
        var decided: Set<RequestStatus>?
        for (name, raw) in pairs {
            guard known.contains(name) else {
                throw ReportParameterError(String(name.prefix(64)), "unknown parameter (known: \(known.joined(separator: ", ")))")
            }
            guard name == "status" || seen.insert(name).inserted else { throw ReportParameterError(name, "given more than once") }
            let value = raw.trimmingCharacters(in: .whitespaces)
            if value.isEmpty { continue }
            guard value.utf8.count <= 512 else { throw ReportParameterError(name, "is too long") }
            switch name {
            case "format": format = try Self.format(value)
            case "time_field": filter.timeField = try Self.oneOf(name, value, ReportFilter.TimeField.self)
            case "from": filter.from = try Self.time(name, value)
            case "to": filter.to = try Self.time(name, value)
            case "requester": filter.requester = UserID(email: value)
            case "approver": filter.approver = UserID(email: value)
            case "resource": filter.resource = ResourceID(value)
            case "request_type": filter.requestType = RequestTypeID(value)
            case "status": statuses = (statuses ?? []).union(try Self.statuses(value))
            case "decision": decided = try Self.decision(value)
            case "time_bounded": filter.timeBounded = try Self.boolean(name, value)
            case "limit": limit = try Self.limit(value)
            default: cursor = try Self.cursor(value)
            }
        }
        if let from = filter.from, let to = filter.to, to <= from {
            throw ReportParameterError("to", "must be later than from")
        }
        switch (statuses, decided) {
        case (let statuses?, let decided?): filter.statuses = statuses.intersection(decided)
        case (let statuses?, nil): filter.statuses = statuses
        case (nil, let decided): filter.statuses = decided
        }
    }

    /// The statuses each `decision` value stands for.
    static let decisions: [(String, Set<RequestStatus>)] = [
        ("approved", Set(RequestStatus.allCases.filter(\.wasApproved))),
        ("denied", [.denied]),
        ("undecided", [.pending, .cancelled, .timedOut]),
    ]

    private static func format(_ value: String) throws(ReportParameterError) -> PastAccessReport.Format {
        switch value.lowercased() {
        case "csv": return .csv
        case "jsonl", "json", "ndjson": return .jsonLines
        default: throw ReportParameterError("format", "\(shown(value)) is not one of csv, jsonl")
        }
    }

    private static func time(_ name: String, _ value: String) throws(ReportParameterError) -> Date {
        guard let date = RFC3339.date(from: value) else { throw ReportParameterError(name, "\(shown(value)) is not an RFC 3339 time") }
        return date
    }

    private static func statuses(_ value: String) throws(ReportParameterError) -> Set<RequestStatus> {
        var result = Set<RequestStatus>()
        for part in value.split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let status = RequestStatus(rawValue: text) else {
                let names = RequestStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw ReportParameterError("status", "\(shown(text)) is not a status (one of \(names))")
            }
            result.insert(status)
        }
        return result
    }

    private static func decision(_ value: String) throws(ReportParameterError) -> Set<RequestStatus> {
        var result = Set<RequestStatus>()
        for part in value.split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let statuses = decisions.first(where: { $0.0 == text })?.1 else {
                throw ReportParameterError("decision", "\(shown(text)) is not one of approved, denied, undecided")
            }
            result.formUnion(statuses)
        }
        return result
    }

    private static func oneOf<Value: RawRepresentable & CaseIterable>(
        _ name: String, _ value: String, _ type: Value.Type
    ) throws(ReportParameterError) -> Value where Value.RawValue == String {
        guard let parsed = Value(rawValue: value.lowercased()) else {
            throw ReportParameterError(name, "\(shown(value)) is not one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return parsed
    }

    private static func boolean(_ name: String, _ value: String) throws(ReportParameterError) -> Bool {
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default: throw ReportParameterError(name, "\(shown(value)) is not true or false")
        }
    }

    private static func limit(_ value: String) throws(ReportParameterError) -> Int {
        guard let number = Int(value), (1...maxLimit).contains(number) else {
            throw ReportParameterError("limit", "\(shown(value)) is not a number from 1 to \(maxLimit)")
        }
        return number
    }

    private static func cursor(_ value: String) throws(ReportParameterError) -> RequestCursor {
        guard let cursor = RequestCursor(token: value) else {
            throw ReportParameterError("cursor", "\(shown(value)) is not a cursor this API gave out")
        }
        return cursor
    }

    /// A value quoted for an error message, cut to 64 characters.
    static func shown(_ value: String) -> String {
        value.count > 64 ? "\"\(value.prefix(64))…\"" : "\"\(value)\""
    }
}
