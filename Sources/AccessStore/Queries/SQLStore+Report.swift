import AccessCore
import Foundation
import SQLKit

/// Which requests a report reads. Every field left nil matches everything.
public struct RequestFilter: Hashable, Sendable {
    /// Created at or after this time.
    public var createdFrom: Date?
    /// Created strictly before this time.
    public var createdBefore: Date?
    public var requester: UserID?
    /// Requests that include this resource.
    public var resource: ResourceID?
    public var statuses: Set<RequestStatus>?

    public init(
        createdFrom: Date? = nil, createdBefore: Date? = nil, requester: UserID? = nil, resource: ResourceID? = nil,
        statuses: Set<RequestStatus>? = nil
    ) {
        self.createdFrom = createdFrom
        self.createdBefore = createdBefore
        self.requester = requester
        self.resource = resource
        self.statuses = statuses
    }
}

extension SQLStore {
    /// Calls `body` for every matching request, oldest first (by `createdAt`, then id).
    ///
    /// Reads in pages of `pageSize` by keyset on `(created_at, id)`, so memory stays at one page
    /// however many rows match, and each page is a short query (no long-held cursor or lock).
    /// A request created during the walk with a time already passed is not seen.
    public func forEachRequest(
        matching filter: RequestFilter, pageSize: Int = 500, _ body: (AccessRequest) async throws -> Void
    ) async throws {
        if let statuses = filter.statuses, statuses.isEmpty { return }
        var after: (createdAt: Double, id: String)?
        while true {
            let sql = Self.pageQuery(filter, after: after, limit: max(1, pageSize), dialect: sessions.dialect)
            let rows = try await sessions.read { db in try await db.raw(sql).all() }
            for row in rows { try await body(try Self.decodeRequest(row)) }
            guard rows.count >= max(1, pageSize), let last = rows.last else { return }
            after = (
                try last.value("created_at", Double.self, table: "requests"), try last.value("id", String.self, table: "requests")
            )
        }
    }

    static func pageQuery(
        _ filter: RequestFilter, after: (createdAt: Double, id: String)?, limit: Int, dialect: Dialect
    ) -> SQLQueryString {
        var conditions: [SQLQueryString] = []
        if let from = filter.createdFrom { conditions.append("created_at >= \(bind: from.stored)") }
        if let before = filter.createdBefore { conditions.append("created_at < \(bind: before.stored)") }
        if let requester = filter.requester { conditions.append("requester = \(bind: requester.rawValue)") }
        if let resource = filter.resource {
            // `resources` is `,a,b,`; instr / strpos avoid LIKE's wildcards in ids.
            let find = dialect == .sqlite ? "instr" : "strpos"
            conditions.append("\(unsafeRaw: find)(resources, \(bind: "," + resource.rawValue + ",")) > 0")
        }
        if let statuses = filter.statuses {
            let values: [Bind] = statuses.map(\.rawValue).sorted()
            conditions.append("status IN \(SQLText.list(values))")
        }
        if let after { conditions.append("(created_at, id) > (\(bind: after.createdAt), \(bind: after.id))") }
        var sql: SQLQueryString = "SELECT created_at, id, body FROM requests"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY created_at, id LIMIT \(bind: limit)"
        return sql
    }
}
