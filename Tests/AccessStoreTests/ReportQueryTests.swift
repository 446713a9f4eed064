import AccessCore
import AccessTesting
import Foundation
import SQLKit
import Testing

@_spi(Seeding) @testable import AccessStore

/// The report's and the request list's queries on every store: keyset pages across ties in
/// time, each filter against the same filter done in Swift, the bulk seeding path.
@Suite struct ReportQueryTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sqlite, postgres
        static var available: [Backend] { StoreHarness.postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }
        var testDescription: String { rawValue }

        func withStore(_ body: (SQLStore) async throws -> Void) async throws {
            switch self {
            case .sqlite: try await StoreHarness.withSQLite(body)
            case .postgres: try await StoreHarness.withPostgres(body)
            }
        }
    }

    typealias F = StoreFixtures

    /// 23 github-admin requests, three to a minute (ties in created and decided time), written
    /// in the reverse of id order within a minute: pending, approved, denied and cancelled in turn.
    static func seed(_ store: SQLStore) async throws -> [AccessRequest] {
        var finished: [AccessRequest] = []
        for index in 0..<23 {
            let id = RequestID(rawValue: String(format: "R-Q%03d", 100 - index))
            let created = F.epoch.addingTimeInterval(Double(index / 3) * 60)
            var outcome = try F.submit(F.githubSubmission(id: id), now: created)
            try await store.create(outcome)
            let commands: [(Command, Double)]
            switch index % 4 {
            case 0: commands = []
            case 1: commands = [(.approve(by: F.carol), 300), (.approve(by: F.bob), 600)]
            case 2: commands = [(.deny(by: F.carol, reason: "no, not \"now\""), 120)]
            default: commands = [(.cancel(by: .user(F.alice), reason: nil), 30)]
            }
            for (command, after) in commands {
                outcome = try F.handle(command, on: outcome.request, now: created.addingTimeInterval(after))
                try await store.commit(outcome)
            }
            finished.append(outcome.request)
        }
        return finished
    }

    static func walk(_ store: SQLStore, _ filter: ReportFilter, pageSize: Int) async throws -> [ReportRow] {
        var rows: [ReportRow] = []
        try await store.forEachReportRow(matching: filter, pageSize: pageSize) { rows.append($0) }
        return rows
    }

    @Test("pages of any size give every match once, in order, with each filter", arguments: Backend.available)
    func keysetPages(_ backend: Backend) async throws {
        try await backend.withStore { store in
            let requests = try await Self.seed(store)
            let byCreated = requests.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            let byDecided = requests.filter { $0.decidedAt != nil }.sorted {
                ($0.decidedAt ?? .distantPast, $0.id) < ($1.decidedAt ?? .distantPast, $1.id)
            }
            let minute = { (n: Double) in F.epoch.addingTimeInterval(n * 60) }
            let cases: [(String, ReportFilter, [AccessRequest])] = [
                ("all", ReportFilter(), byCreated),
                ("decided", ReportFilter(timeField: .decided), byDecided),
                (
                    "range", ReportFilter(from: minute(2), to: minute(5)),
                    byCreated.filter { $0.createdAt >= minute(2) && $0.createdAt < minute(5) }
                ),
                (
                    "decided range", ReportFilter(timeField: .decided, from: minute(12), to: minute(16)),
                    byDecided.filter { ($0.decidedAt ?? .distantPast) >= minute(12) && ($0.decidedAt ?? .distantPast) < minute(16) }
                ),
                ("approver", ReportFilter(approver: F.carol), byCreated.filter { $0.decisions.contains { $0.approver == F.carol } }),
                ("approver bob", ReportFilter(approver: F.bob), byCreated.filter { $0.status == .approved }),
                (
                    "statuses", ReportFilter(statuses: [.denied, .cancelled]),
                    byCreated.filter { [.denied, .cancelled].contains($0.status) }
                ),
                ("no statuses", ReportFilter(statuses: []), []),
                ("time bounded", ReportFilter(timeBounded: true), byCreated),
                ("permanent", ReportFilter(timeBounded: false), []),
                ("type and resource", ReportFilter(resource: "github-admins", requestType: "github-admin"), byCreated),
                ("another requester", ReportFilter(requester: F.bob), []),
            ]
            for (name, filter, expected) in cases {
                for pageSize in [1, 2, 3, 7, 1000] {
                    let rows = try await Self.walk(store, filter, pageSize: pageSize)
                    #expect(rows.map(\.id) == expected.map(\.id), "\(name), pages of \(pageSize)")
                }
            }
            let denied = try #require(try await Self.walk(store, ReportFilter(statuses: [.denied]), pageSize: 10).first)
            #expect(denied.justification == "incident 4411")
            #expect(denied.decisions == [ReportDecision(approver: F.carol, outcome: .denied)])
            #expect(denied.timeToResolveSeconds == 120)
            let approved = try #require(try await Self.walk(store, ReportFilter(statuses: [.approved]), pageSize: 10).first)
            #expect(approved.decisions.map(\.approver) == [F.carol, F.bob])
        }
    }

    @Test("the request list walks newest first with cursors, across ties", arguments: Backend.available)
    func requestPages(_ backend: Backend) async throws {
        try await backend.withStore { store in
            let requests = try await Self.seed(store)
            let expected = requests.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }.map(\.id)
            for limit in [1, 4, 23, 50] {
                var seen: [RequestID] = []
                var cursor: RequestCursor?
                repeat {
                    let page = try await store.requestPage(matching: ReportFilter(), after: cursor, limit: limit)
                    seen += page.requests.map(\.id)
                    cursor = page.next.flatMap { RequestCursor(token: $0.token) }
                    #expect(page.requests.count == limit || cursor == nil)
                } while cursor != nil && seen.count <= 23
                #expect(seen == expected, "pages of \(limit)")
            }
            let denied = try await store.requestPage(matching: ReportFilter(statuses: [.denied]), after: nil, limit: 50)
            #expect(denied.requests.allSatisfy { $0.status == .denied } && denied.requests.count == 6 && denied.next == nil)
        }
    }

    @Test("bulk insert writes what create and commit write", arguments: Backend.available)
    func bulkInsert(_ backend: Backend) async throws {
        try await backend.withStore { store in
            let requests = try await Self.seed(store)
            var copies: [Outcome] = []
            for original in requests {
                var copy = original
                copy.id = RequestID(rawValue: original.id.rawValue.replacingOccurrences(of: "R-Q", with: "R-Z"))
                let audit = try await store.auditTrail(of: original.id).map { event in
                    var event = event
                    event.requestID = copy.id
                    return event
                }
                copies.append(Outcome(request: copy, effects: [], audit: audit, expectedVersion: nil))
            }
            try await store.bulkInsert(copies)
            for copy in copies {
                #expect(try await store.request(copy.request.id) == copy.request)
                #expect(try await store.auditTrail(of: copy.request.id) == copy.audit)
            }
            let rows = try await Self.walk(store, ReportFilter(approver: F.carol), pageSize: 5)
            #expect(rows.count == 2 * requests.filter { $0.decisions.contains { $0.approver == F.carol } }.count)
            await #expect(throws: (any Error).self) { try await store.bulkInsert(Array(copies.prefix(1))) }
        }
    }

    @Test("SQLite walks the time indexes in order: no sort, one pass")
    func sqlitePlans() async throws {
        try await StoreHarness.withSQLite { store in
            for filter in [
                ReportFilter(), ReportFilter(statuses: [.pending, .denied]), ReportFilter(timeField: .decided, statuses: [.denied]),
                ReportFilter(requestType: "github-admin", timeBounded: true), ReportFilter(requester: F.alice),
            ] {
                let sql =
                    "EXPLAIN QUERY PLAN SELECT \(unsafeRaw: ReportSQL.reportColumns(.sqlite))" as SQLQueryString
                    + ReportSQL.page(filter, after: ReportKey(time: 1, id: "R-1"), newestFirst: false, limit: 10, dialect: .sqlite)
                let plan = try await store.sessions.read { db in
                    try await db.raw(sql).all().map { try $0.decode(column: "detail", as: String.self) }
                }.joined(separator: " | ")
                #expect(!plan.contains("TEMP B-TREE"), "\(filter): \(plan)")
                #expect(plan.contains(filter.timeField == .decided ? "requests_decided" : "requests_"), "\(plan)")
            }
        }
    }
}
