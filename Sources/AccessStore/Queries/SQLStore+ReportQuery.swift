import AccessCore
import Foundation
import SQLKit

extension SQLStore {
    /// Calls `body` for every request `filter` matches, as a report row, ordered by the filter's
    /// time field (oldest first), then id.
    ///
    /// Reads keyset pages of `pageSize` on `(time, id)`: memory holds two pages however many
    /// rows match, each page is a short query (no long-held cursor or lock), and the next page
    /// is read while `body` handles the current one. On a SQLite file the pages come through a
    /// read-only connection of the report's own (`SQLiteReportReader`); elsewhere through
    /// SQLKit. A request created during the walk with a time already passed is not seen.
    public func forEachReportRow(
        matching filter: ReportFilter, pageSize: Int = 1000, _ body: (ReportRow) async throws -> Void
    ) async throws {
        if let statuses = filter.statuses, statuses.isEmpty { return }
        let limit = max(1, pageSize)
        guard case .sqlite(let path, _) = location else {
            try await Self.walk(limit: limit, body, decode: { try Self.reportRow(Self.reportColumns($0)) }) { key in
                try await self.sqlKitPage(filter, after: key, limit: limit)
            }
            return
        }
        let reader = try await SQLiteReportReader.open(path: path)
        do {
            try await Self.walk(limit: limit, body, decode: Self.reportRow) { key in
                let sql =
                    "SELECT \(unsafeRaw: ReportSQL.reportColumns(.sqlite))" as SQLQueryString
                    + ReportSQL.page(filter, after: key, newestFirst: false, limit: limit, dialect: .sqlite)
                let (text, binds) = try await self.sessions.read { db in db.serialize(sql) }
                return try await reader.page(text, binds, walking: filter.timeField)
            }
        } catch {
            await reader.close()
            throw error
        }
        await reader.close()
    }

    /// Pages from `fetch` until one comes back short. The next page is read while the rows of
    /// the one before are decoded and handed to `body`, so the database and the decoding work
    /// at the same time; `fetch` only reads and finds the page's last key.
    private static func walk<Raw: Sendable>(
        limit: Int, _ body: (ReportRow) async throws -> Void, decode: (Raw) throws -> ReportRow,
        fetch: @escaping @Sendable (ReportKey?) async throws -> ReadPage<Raw>
    ) async throws {
        var page = try await fetch(nil)
        while !page.rows.isEmpty {
            let next = page.rows.count < limit ? nil : page.last
            async let following = next == nil ? ReadPage(rows: [], last: nil) : fetch(next)
            for raw in page.rows { try await body(try decode(raw)) }
            page = try await following
        }
    }

    /// One page through SQLKit (PostgreSQL, and SQLite in memory), rows still undecoded.
    func sqlKitPage(_ filter: ReportFilter, after key: ReportKey?, limit: Int) async throws -> ReadPage<any SQLRow> {
        let dialect = sessions.dialect
        let sql =
            "SELECT \(unsafeRaw: ReportSQL.reportColumns(dialect))" as SQLQueryString
            + ReportSQL.page(filter, after: key, newestFirst: false, limit: limit, dialect: dialect)
        let rows = try await sessions.read { db in try await db.raw(sql).all() }
        guard let last = rows.last else { return ReadPage(rows: [], last: nil) }
        let table = "requests"
        let time = try last.optional(filter.timeField == .requested ? "created_at" : "decided_at", Double.self, table: table)
        // Rows walked by decided time all have one (the query leaves the others out).
        let key = ReportKey(
            time: try time ?? last.value("created_at", Double.self, table: table), id: try last.value("id", String.self, table: table))
        return ReadPage(rows: rows, last: key)
    }

    /// The report query's columns of one row, through SQLKit.
    static func reportColumns(_ row: any SQLRow) throws -> ReportColumns {
        let table = "requests"
        return ReportColumns(
            id: try row.value("id", String.self, table: table), created: try row.value("created_at", Double.self, table: table),
            requester: try row.value("requester", String.self, table: table),
            resources: try row.value("resources", String.self, table: table),
            requestType: try row.value("request_type", String.self, table: table),
            status: try row.value("status", String.self, table: table),
            decided: try row.optional("decided_at", Double.self, table: table),
            granted: try row.optional("granted_at", Double.self, table: table),
            accessEnds: try row.optional("access_ends_at", Double.self, table: table),
            ended: try row.optional("ended_at", Double.self, table: table),
            justification: try row.optional("justification", String.self, table: table),
            decidedBy: try row.optional("decided_by", String.self, table: table))
    }

    /// A report row from the report query's columns.
    static func reportRow(_ columns: ReportColumns) throws -> ReportRow {
        guard let status = RequestStatus(rawValue: columns.status) else {
            throw SQLStoreError.unreadableRow(table: "requests", key: columns.id, reason: "unknown status \(columns.status)")
        }
        return ReportRow(
            id: RequestID(rawValue: columns.id), requestedAt: Date(stored: columns.created), requester: UserID(rawValue: columns.requester),
            // `resources` is `,a,b,`.
            resources: columns.resources.utf8.split(separator: UInt8(ascii: ",")).map {
                ResourceID(rawValue: String(decoding: $0, as: UTF8.self))
            },
            requestType: RequestTypeID(rawValue: columns.requestType), justification: columns.justification ?? "", status: status,
            decidedAt: columns.decided.map(Date.init(stored:)), decisions: try decisions(columns.decidedBy, id: columns.id),
            grantedAt: columns.granted.map(Date.init(stored:)), accessEndsAt: columns.accessEnds.map(Date.init(stored:)),
            endedAt: columns.ended.map(Date.init(stored:)))
    }

    /// `index US approver US outcome RS ...` back into decisions, in index order.
    static func decisions(_ joined: String?, id: String) throws -> [ReportDecision] {
        guard let joined, !joined.isEmpty else { return [] }
        var indexed: [(index: Int, decision: ReportDecision)] = []
        for entry in joined.utf8.split(separator: 0x1E) {
            let parts = entry.split(separator: 0x1F, maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let index = Int(String(decoding: parts[0], as: UTF8.self)),
                let outcome = Decision.Outcome(rawValue: String(decoding: parts[2], as: UTF8.self))
            else {
                throw SQLStoreError.unreadableRow(table: "requests", key: id, reason: "unreadable decision")
            }
            indexed.append((index, ReportDecision(approver: UserID(rawValue: String(decoding: parts[1], as: UTF8.self)), outcome: outcome)))
        }
        if !indexed.indices.dropFirst().allSatisfy({ indexed[$0 - 1].index < indexed[$0].index }) { indexed.sort { $0.index < $1.index } }
        return indexed.map(\.decision)
    }
}

/// The report query's columns of one row, as read from either database.
struct ReportColumns: Sendable {
    var id: String
    var created: Double
    var requester: String
    var resources: String
    var requestType: String
    var status: String
    var decided: Double?
    var granted: Double?
    var accessEnds: Double?
    var ended: Double?
    var justification: String?
    var decidedBy: String?
}

/// One page of the report query as read, and the key of its last row.
struct ReadPage<Raw: Sendable>: Sendable {
    var rows: [Raw]
    var last: ReportKey?
}
