import AccessCore
import Foundation
import SQLKit

/// Where the next page of a request list starts: opaque to clients, which get it as `token`
/// and hand it back. It is not signed: a made-up cursor only moves where a page starts.
public struct RequestCursor: Hashable, Sendable {
    let key: ReportKey

    init(_ key: ReportKey) { self.key = key }

    /// URL-safe base64 of `1:<time bits in hex>:<request id>`.
    public var token: String {
        let text = "1:" + String(key.time.bitPattern, radix: 16) + ":" + key.id
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a token; nil when it is not one this store wrote.
    public init?(token: String) {
        guard token.count <= 512 else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "1", let bits = UInt64(parts[1], radix: 16), !parts[2].isEmpty else { return nil }
        let time = Double(bitPattern: bits)
        guard time.isFinite else { return nil }
        key = ReportKey(time: time, id: String(parts[2]))
    }
}

/// One page of a request list.
public struct RequestPage: Sendable {
    public var requests: [AccessRequest]
    /// Where the following page starts; nil on the last page.
    public var next: RequestCursor?
}

extension SQLStore {
    /// Requests `filter` matches, newest first by the filter's time field, then id, `limit` at
    /// a time: pass the page's `next` to get the following one. Keyset paging, so a page costs
    /// the same however deep into the list it is, and requests created meanwhile never shift it.
    public func requestPage(matching filter: ReportFilter, after cursor: RequestCursor?, limit: Int) async throws -> RequestPage {
        let limit = max(1, limit)
        if let statuses = filter.statuses, statuses.isEmpty { return RequestPage(requests: [], next: nil) }
        let time = ReportSQL.timeColumn(filter.timeField)
        // One row more than asked for tells whether another page follows.
        let sql =
            "SELECT \(unsafeRaw: time) AS walk_time, r.id, r.body FROM requests r" as SQLQueryString
            + ReportSQL.page(filter, after: cursor?.key, newestFirst: true, limit: limit + 1, dialect: sessions.dialect)
        let rows = try await sessions.read { db in try await db.raw(sql).all() }
        var requests: [AccessRequest] = []
        var last: ReportKey?
        for row in rows.prefix(limit) {
            requests.append(try Self.decodeRequest(row))
            last = ReportKey(
                time: try row.value("walk_time", Double.self, table: "requests"), id: try row.value("id", String.self, table: "requests"))
        }
        let next = rows.count > limit ? last.map(RequestCursor.init) : nil
        return RequestPage(requests: requests, next: next)
    }
}
