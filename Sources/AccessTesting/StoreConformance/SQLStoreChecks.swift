import AccessCore
import AccessStore
import Foundation

/// Properties of `SQLStore` beyond the ports: schema management, readiness and the report's
/// streaming read. Run on every backend, like `StoreConformance`.
public enum SQLStoreChecks {
    /// One property of an `SQLStore`.
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        public let run: @Sendable (SQLStore) async throws -> Void

        public init(_ name: String, _ run: @escaping @Sendable (SQLStore) async throws -> Void) {
            self.name = name
            self.run = run
        }

        public var description: String { name }
    }

    typealias F = StoreFixtures

    public static let all: [Check] = [
        Check("migrate is idempotent and isMigrated says so") { store in
            try require(try await store.isMigrated(), "migrated store")
            try await store.migrate()
            try await store.migrate()
            try require(try await store.isMigrated(), "still migrated")
            try await store.ping()
        },
        Check("forEachRequest walks every match oldest first, in pages, with filters") { store in
            let outcomes = try await makeReportData(store)
            // Expected: oldest first by (createdAt, id), as stored after the cancels.
            var expected: [AccessRequest] = []
            for outcome in outcomes { expected.append(try await load(store, outcome.request.id)) }
            expected.sort { ($0.createdAt, $0.id.rawValue) < ($1.createdAt, $1.id.rawValue) }

            func walk(_ filter: RequestFilter, pageSize: Int = 7) async throws -> [RequestID] {
                var seen: [RequestID] = []
                try await store.forEachRequest(matching: filter, pageSize: pageSize) { seen.append($0.id) }
                return seen
            }
            try requireEqual(try await walk(RequestFilter()), expected.map(\.id), "everything")
            try requireEqual(try await walk(RequestFilter(), pageSize: 1000), expected.map(\.id), "one page")
            try requireEqual(try await walk(RequestFilter(), pageSize: 3), expected.map(\.id), "pages as big as a tie")

            let from = F.epoch.addingTimeInterval(600)
            let before = F.epoch.addingTimeInterval(1200)
            try requireEqual(
                try await walk(RequestFilter(createdFrom: from, createdBefore: before)),
                expected.filter { $0.createdAt >= from && $0.createdAt < before }.map(\.id), "time range")
            try requireEqual(
                try await walk(RequestFilter(requester: F.carol)), expected.filter { $0.requester == F.carol }.map(\.id), "requester")
            try requireEqual(
                try await walk(RequestFilter(resource: "prod-db")), expected.filter { $0.resources.contains("prod-db") }.map(\.id),
                "resource")
            try requireEqual(try await walk(RequestFilter(resource: "prod")), [], "a resource id prefix matches nothing")
            try requireEqual(
                try await walk(RequestFilter(statuses: [.cancelled])), expected.filter { $0.status == .cancelled }.map(\.id), "status")
            try requireEqual(
                try await walk(RequestFilter(createdFrom: from, requester: F.alice, resource: "github-admins", statuses: [.pending])),
                expected.filter {
                    $0.createdAt >= from && $0.requester == F.alice && $0.resources.contains("github-admins") && $0.status == .pending
                }.map(\.id), "all filters")
            try requireEqual(try await walk(RequestFilter(statuses: [])), [], "no statuses")
        },
    ]

    /// 100 requests, three per minute (ties on `createdAt`), of three requesters and two
    /// types; every fifth one cancelled.
    static func makeReportData(_ store: SQLStore) async throws -> [Outcome] {
        let requesters = [F.alice, F.carol, F.erin]
        let outcomes = try (0..<100).map { index in
            let id = RequestID(rawValue: String(format: "R-REPORT%02d", 99 - index))  // ids against time order
            let requester = requesters[index % 3]
            let submission =
                index.isMultiple(of: 2)
                ? F.githubSubmission(id: id, requester: requester) : F.panelSubmission(id: id, requester: requester)
            return try F.submit(submission, now: F.epoch.addingTimeInterval(Double(index / 3) * 60))
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for outcome in outcomes { group.addTask { try await store.create(outcome) } }
            try await group.waitForAll()
        }
        for (index, outcome) in outcomes.enumerated() where index.isMultiple(of: 5) {
            let cancel = try F.handle(
                .cancel(by: .user(outcome.request.requester), reason: "changed my mind"), on: outcome.request,
                now: F.epoch.addingTimeInterval(7200))
            try await store.commit(cancel)
        }
        return outcomes
    }
}
