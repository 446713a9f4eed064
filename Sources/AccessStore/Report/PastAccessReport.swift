import AccessCore
import Foundation

/// The Past Access Requests report: every request a filter matches, oldest first, streamed
/// from the database in keyset pages and written out in chunks, so memory holds one page and
/// one chunk however many rows there are. The HTTP route, `accessbot report` and the
/// benchmark all write it through `stream(from:chunkSize:to:)`.
///
/// Rows are ordered by the filter's time field (requested or decided), then request id.
public struct PastAccessReport: Sendable {
    /// How the report is written.
    public enum Format: String, Hashable, Sendable, CaseIterable {
        /// RFC 4180 CSV with a header row (see `ReportCSV`).
        case csv
        /// One JSON object per line (see the keys in `columns`).
        case jsonLines = "jsonl"

        /// The HTTP `Content-Type`.
        public var contentType: String {
            switch self {
            case .csv: "text/csv; charset=utf-8; header=present"
            case .jsonLines: "application/x-ndjson; charset=utf-8"
            }
        }

        /// For download file names.
        public var fileExtension: String {
            switch self {
            case .csv: "csv"
            case .jsonLines: "jsonl"
            }
        }
    }

    /// What was written.
    public struct Summary: Hashable, Sendable {
        public var rows: Int
        public var bytes: Int
    }

    /// The CSV header names, which are also the JSON keys, in order.
    public static let columns = [
        "request_id", "requested_at", "requester", "resources", "request_type", "justification", "status", "decided_at",
        "decided_by", "granted_at", "access_ends_at", "time_to_resolve_seconds",
    ]

    public var filter: ReportFilter
    public var format: Format

    public init(filter: ReportFilter = ReportFilter(), format: Format = .csv) {
        self.filter = filter
        self.format = format
    }

    /// Writes the report to `sink` in chunks of about `chunkSize` bytes (the last may be
    /// smaller; a CSV report always has at least its header). `sink` is awaited before the
    /// next chunk is built, so a slow reader slows the query instead of filling memory.
    @discardableResult
    public func stream(
        from store: SQLStore, chunkSize: Int = 64 * 1024, pageSize: Int = 1000, to sink: ([UInt8]) async throws -> Void
    ) async throws -> Summary {
        let json = format == .jsonLines ? ReportJSONLines() : nil
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 4096)
        var summary = Summary(rows: 0, bytes: 0)
        if format == .csv { buffer.append(contentsOf: ReportCSV.header) }
        try await store.forEachReportRow(matching: filter, pageSize: pageSize) { row in
            if let json {
                try json.append(row, to: &buffer)
            } else {
                ReportCSV.append(row, to: &buffer)
            }
            summary.rows += 1
            if buffer.count >= chunkSize {
                summary.bytes += buffer.count
                try await sink(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty {
            summary.bytes += buffer.count
            try await sink(buffer)
        }
        return summary
    }

    /// Writes the report to an open file (standard output, a file, `/dev/null`).
    @discardableResult
    public func write(from store: SQLStore, to file: FileHandle, chunkSize: Int = 64 * 1024) async throws -> Summary {
        try await stream(from: store, chunkSize: chunkSize) { chunk in try file.write(contentsOf: chunk) }
    }
}
