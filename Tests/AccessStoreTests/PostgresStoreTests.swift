import AccessCore
import AccessTesting
import Foundation
import Testing

@testable import AccessStore

/// Runs only when `ACCESSBOT_TEST_POSTGRES_URL` is set (`eval "$(scripts/pg-cluster.sh start)"`);
/// otherwise the run lists these tests as skipped. Each test works in its own schema.
@Suite(
    "PostgreSQL store",
    .enabled(if: StoreHarness.postgresURL != nil, "set ACCESSBOT_TEST_POSTGRES_URL, e.g. with scripts/pg-cluster.sh start"))
struct PostgresStoreTests {
    @Test("conformance", arguments: StoreConformance.all)
    func conformance(_ check: StoreConformance.Check) async throws {
        try await StoreHarness.withPostgres { store in try await check.run(store) }
    }

    @Test("SQLStore", arguments: SQLStoreChecks.all)
    func sqlStore(_ check: SQLStoreChecks.Check) async throws {
        try await StoreHarness.withPostgres { store in try await check.run(store) }
    }

    @Test("replicas migrating at once apply each step once")
    func concurrentMigrations() async throws {
        try await StoreHarness.withPostgres { store in
            let url = try #require(StoreHarness.postgresURL)
            guard case .postgres(let location) = store.location, let schema = location.searchPath else {
                Issue.record("the test store has no schema")
                return
            }
            let replicaURL = url + (url.contains("?") ? "&" : "?") + "search_path=\(schema)_r&pool_size=2"
            let replicas = try await withThrowingTaskGroup(of: SQLStore.self) { group in
                for _ in 0..<4 { group.addTask { try await SQLStore.open(url: replicaURL, logger: StoreHarness.logger) } }
                var all: [SQLStore] = []
                for try await replica in group { all.append(replica) }
                return all
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for replica in replicas { group.addTask { try await replica.migrate() } }
                try await group.waitForAll()
            }
            for replica in replicas { #expect(try await replica.isMigrated()) }
            try await replicas[0].dropSchema()
            for replica in replicas { try await replica.close() }
        }
    }

    @Test("a wrong password fails at open with the driver's error")
    func wrongPassword() async throws {
        let url = try #require(StoreHarness.postgresURL)
        let wrong = url.replacingOccurrences(of: #":[^:@/]+@"#, with: ":wrong-password@", options: .regularExpression)
        await #expect(throws: (any Error).self) { try await SQLStore.open(url: wrong, logger: StoreHarness.logger) }
    }
}
