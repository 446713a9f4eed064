import AccessCore
import Foundation
import SQLKit

extension SQLStore {
    /// Calls `body` for every request `filter` matches, as a report row, ordered by the filter's
    /// time field (oldest first), then id.
    ///
    /// Reads keyset pages of `pageSize` on `(time, id)`: memory holds two pages however many
    /// rows match, each page is a short query (no long-held cursor or lock), and the next page
    /// is read while `body` handles the current one. A request created during the walk with
    /// a time already passed is not seen.
    public func forEachReportRow(
        matching filter: ReportFilter, pageSize: Int = 1000, _ body: (ReportRow) async throws -> Void
    ) async throws {
        if let statuses = filter.statuses, statuses.isEmpty { return }
        let limit = max(1, pageSize)
        guard case .sqlite(let path, _) = location else {
            try await Self.walk(limit: limit, body) { key in try await self.reportPage(filter, after: key, limit: limit) }
            return
        }
        let reader = try await SQLiteReportReader.open(path: path)
        do {
            try await Self.walk(limit: limit, body) { key in
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

    /// Pages from `fetch` until one comes back short, each read while `body` handles the one before.
    private static func walk(
        limit: Int, _ body: (ReportRow) async throws -> Void, fetch: @escaping @Sendable (ReportKey?) async throws -> ReportPage
    ) async throws {
        var page = try await fetch(nil)
        while !page.rows.isEmpty {
            let next = page.rows.count < limit ? nil : page.last
            async let following = next == nil ? ReportPage() : fetch(next)
            for row in page.rows { try await body(row) }
            page = try await following
        }
    }

    /// One page of report rows after `key`.
    func reportPage(_ filter: ReportFilter, after key: ReportKey?, limit: Int) async throws -> ReportPage {
        let dialect = sessions.dialect
        let sql =
            "SELECT \(unsafeRaw: ReportSQL.reportColumns(dialect))" as SQLQueryString
            + ReportSQL.page(filter, after: key, newestFirst: false, limit: limit, dialect: dialect)
        let rows = try await sessions.read { db in try await db.raw(sql).all() }
        var page = ReportPage()
        page.rows.reserveCapacity(rows.count)
        var lastTimes: (created: Double, decided: Double?)?
        for row in rows {
            let (decoded, created, decided) = try Self.decodeReportRow(row)
            page.rows.append(decoded)
            lastTimes = (created, decided)
        }
        if let lastTimes, let last = page.rows.last {
            // Rows walked by decided time all have one (the query leaves the others out).
            let time = filter.timeField == .requested ? lastTimes.created : lastTimes.decided ?? lastTimes.created
            page.last = ReportKey(time: time, id: last.id.rawValue)
        }
        return page
    }

    /// A row and its raw created/decided times (the keyset needs them exactly as stored).
    static func decodeReportRow(_ row: any SQLRow) throws -> (ReportRow, created: Double, decided: Double?) {
        let table = "requests"
        let created = try row.value("created_at", Double.self, table: table)
        let decided = try row.optional("decided_at", Double.self, table: table)
        let report = try reportRow(
            id: try row.value("id", String.self, table: table), created: created,
            requester: try row.value("requester", String.self, table: table),
            resources: try row.value("resources", String.self, table: table),
            requestType: try row.value("request_type", String.self, table: table),
            status: try row.value("status", String.self, table: table), decided: decided,
            granted: try row.optional("granted_at", Double.self, table: table),
            accessEnds: try row.optional("access_ends_at", Double.self, table: table),
            ended: try row.optional("ended_at", Double.self, table: table),
            justification: try row.optional("justification", String.self, table: table),
            decidedBy: try row.optional("decided_by", String.self, table: table))
        return (report, created, decided)
    }

    /// A report row from the report query's columns, however they were read.
    static func reportRow(
        id: String, created: Double, requester: String, resources: String, requestType: String, status: String, decided: Double?,
        granted: Double?, accessEnds: Double?, ended: Double?, justification: String?, decidedBy: String?
    ) throws -> ReportRow {
        guard let status = RequestStatus(rawValue: status) else {
            throw SQLStoreError.unreadableRow(table: "requests", key: id, reason: "unknown status \(status)")
        }
        return ReportRow(
            id: RequestID(rawValue: id), requestedAt: Date(stored: created), requester: UserID(rawValue: requester),
            // `resources` is `,a,b,`.
            resources: resources.utf8.split(separator: UInt8(ascii: ",")).map { ResourceID(rawValue: String(decoding: $0, as: UTF8.self)) },
            requestType: RequestTypeID(rawValue: requestType), justification: justification ?? "", status: status,
            decidedAt: decided.map(Date.init(stored:)), decisions: try decisions(decidedBy, id: id),
            grantedAt: granted.map(Date.init(stored:)), accessEndsAt: accessEnds.map(Date.init(stored:)),
            endedAt: ended.map(Date.init(stored:)))
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

/// Report rows of one page and the key of its last row.
struct ReportPage: Sendable {
    var rows: [ReportRow] = []
    var last: ReportKey?
}
