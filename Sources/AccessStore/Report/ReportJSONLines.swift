import AccessCore
import Foundation

/// The report as JSON lines: one object per request and line, keys as the CSV header names (sorted),
/// every key present (`null` when a time or duration does not apply), lists as arrays.
///
///     {"request_id":"R-7KX2P9QM","requested_at":"2026-01-01T00:00:00Z",...,
///      "decided_by":[{"approver":"bob@example.com","decision":"approved"}],...}
struct ReportJSONLines {
    private let encoder: JSONEncoder

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Appends one line, LF included.
    func append(_ row: ReportRow, to out: inout [UInt8]) throws {
        out.append(contentsOf: try encoder.encode(Line(row)))
        out.append(UInt8(ascii: "\n"))
    }

    /// The wire shape of one line.
    private struct Line: Encodable {
        let row: ReportRow

        init(_ row: ReportRow) { self.row = row }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case requestID = "request_id"
            case requestedAt = "requested_at"
            case requester
            case resources
            case requestType = "request_type"
            case justification
            case status
            case decidedAt = "decided_at"
            case decidedBy = "decided_by"
            case grantedAt = "granted_at"
            case accessEndsAt = "access_ends_at"
            case timeToResolveSeconds = "time_to_resolve_seconds"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(row.id.rawValue, forKey: .requestID)
            try container.encode(RFC3339.string(from: row.requestedAt), forKey: .requestedAt)
            try container.encode(row.requester.rawValue, forKey: .requester)
            try container.encode(row.resources.map(\.rawValue), forKey: .resources)
            try container.encode(row.requestType.rawValue, forKey: .requestType)
            try container.encode(row.justification, forKey: .justification)
            try container.encode(row.status.rawValue, forKey: .status)
            try container.encode(row.decidedAt.map(RFC3339.string(from:)), forKey: .decidedAt)
            try container.encode(row.decisions.map(DecisionLine.init), forKey: .decidedBy)
            try container.encode(row.grantedAt.map(RFC3339.string(from:)), forKey: .grantedAt)
            try container.encode(row.accessEnd.map(RFC3339.string(from:)), forKey: .accessEndsAt)
            try container.encode(row.timeToResolveSeconds, forKey: .timeToResolveSeconds)
        }
    }

    private struct DecisionLine: Encodable {
        let approver: String
        let decision: String

        init(_ decision: ReportDecision) {
            approver = decision.approver.rawValue
            self.decision = decision.outcome.rawValue
        }
    }
}
