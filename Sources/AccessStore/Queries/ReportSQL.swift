import AccessCore
import Foundation
import SQLKit

/// A position in a walk over `requests` ordered by a time column, then id: the last row seen.
/// Times are the stored doubles themselves, never a `Date` round trip, so the next page
/// starts exactly after the last row.
struct ReportKey: Hashable, Sendable {
    var time: Double
    var id: String
}

/// The SQL the report and the request list share: conditions for a `ReportFilter` and the
/// keyset over `(time column, id)`, on `requests r`, in both dialects.
enum ReportSQL {
    /// `r.created_at` or `r.decided_at`.
    static func timeColumn(_ field: ReportFilter.TimeField) -> String {
        switch field {
        case .requested: "r.created_at"
        case .decided: "r.decided_at"
        }
    }

    /// The `WHERE` conditions of a filter (to be joined with AND).
    ///
    /// On SQLite, status and request type are written `+r.status` so the planner keeps walking
    /// the time index in order: one pass over the table for the whole report, where a status
    /// index would make every page sort all remaining matches again.
    static func conditions(_ filter: ReportFilter, dialect: Dialect) -> [SQLQueryString] {
        let time = timeColumn(filter.timeField)
        let keepOrder = dialect == .sqlite ? "+" : ""
        var conditions: [SQLQueryString] = []
        if filter.timeField == .decided { conditions.append("r.decided_at IS NOT NULL") }
        if let from = filter.from { conditions.append("\(unsafeRaw: time) >= \(bind: from.stored)") }
        if let to = filter.to { conditions.append("\(unsafeRaw: time) < \(bind: to.stored)") }
        if let requester = filter.requester { conditions.append("r.requester = \(bind: requester.rawValue)") }
        if let approver = filter.approver {
            // Tasks hold each approver's state per step; approved/denied ones are decisions.
            conditions.append(
                """
                EXISTS (SELECT 1 FROM tasks t WHERE t.request_id = r.id AND t.approver = \(bind: approver.rawValue) \
                AND t.state IN ('approved', 'denied'))
                """)
        }
        if let resource = filter.resource {
            // `resources` is `,a,b,`; instr / strpos avoid LIKE's wildcards in ids.
            let find = dialect == .sqlite ? "instr" : "strpos"
            conditions.append("\(unsafeRaw: find)(r.resources, \(bind: "," + resource.rawValue + ",")) > 0")
        }
        if let requestType = filter.requestType {
            conditions.append("\(unsafeRaw: keepOrder)r.request_type = \(bind: requestType.rawValue)")
        }
        if let statuses = filter.statuses {
            let values: [Bind] = statuses.map(\.rawValue).sorted()
            conditions.append("\(unsafeRaw: keepOrder)r.status IN \(SQLText.list(values))")
        }
        if let timeBounded = filter.timeBounded {
            // `accessDuration` is absent from the stored body of a permanent request.
            let duration = dialect == .sqlite ? "(r.body ->> '$.accessDuration')" : "(r.body::jsonb ->> 'accessDuration')"
            conditions.append("\(unsafeRaw: duration) IS \(unsafeRaw: timeBounded ? "NOT NULL" : "NULL")")
        }
        return conditions
    }

    /// `WHERE ... ORDER BY time, id LIMIT n` after `key`, oldest first or newest first.
    static func page(
        _ filter: ReportFilter, after key: ReportKey?, newestFirst: Bool, limit: Int, dialect: Dialect
    ) -> SQLQueryString {
        let time = timeColumn(filter.timeField)
        var conditions = conditions(filter, dialect: dialect)
        if let key {
            let comparison = newestFirst ? "<" : ">"
            conditions.append("(\(unsafeRaw: time), r.id) \(unsafeRaw: comparison) (\(bind: key.time), \(bind: key.id))")
        }
        var sql: SQLQueryString = ""
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        let direction = newestFirst ? " DESC" : ""
        sql += " ORDER BY \(unsafeRaw: time)\(unsafeRaw: direction), r.id\(unsafeRaw: direction) LIMIT \(bind: limit)"
        return sql
    }

    /// The report's columns, in the order `SQLiteReportReader` reads them by position.
    ///
    /// Justification and decisions live in the JSON body; the database reads them, so no body
    /// is decoded in Swift. On SQLite, `->>` and `jsonb_extract` on the same body share one
    /// parse (SQLite caches it), and `jsonb_each` walks the decisions in SQLite's binary JSON,
    /// never as text again (a quarter of the report's time). Decisions come
    /// joined as `index US approver US outcome RS ...` (ASCII unit and record separators,
    /// which no id holds); the index lets Swift restore their order, because ordering the
    /// aggregate in SQLite costs a sorter per row. On PostgreSQL the body is cast to jsonb once
    /// per row in a lateral subquery (`OFFSET 0` keeps the planner from copying the cast into
    /// both uses, which doubled the server's time).
    static func reportColumns(_ dialect: Dialect) -> String {
        let plain = """
            r.id, r.created_at, r.requester, r.resources, r.request_type, r.status, r.decided_at, r.granted_at, \
            r.access_ends_at, r.ended_at
            """
        switch dialect {
        case .sqlite:
            return plain + """
                , r.body ->> '$.justification' AS justification, \
                (SELECT group_concat(d.key || char(31) || (d.value ->> '$.approver') || char(31) || (d.value ->> '$.outcome'), \
                char(30)) FROM jsonb_each(jsonb_extract(r.body, '$.decisions')) AS d) AS decided_by \
                FROM requests r
                """
        case .postgres:
            return plain + """
                , j.body ->> 'justification' AS justification, \
                (SELECT string_agg((d.n - 1) || chr(31) || (d.value ->> 'approver') || chr(31) || (d.value ->> 'outcome'), \
                chr(30) ORDER BY d.n) \
                FROM jsonb_array_elements(j.body -> 'decisions') WITH ORDINALITY AS d(value, n)) AS decided_by \
                FROM requests r CROSS JOIN LATERAL (SELECT r.body::jsonb AS body OFFSET 0) AS j
                """
        }
    }
}
