import AccessTesting
import Foundation
import Logging
import Testing

@testable import AccessStore

extension StoreConformance.Check: CustomTestStringConvertible {
    public var testDescription: String { name }
}

extension SQLStoreChecks.Check: CustomTestStringConvertible {
    public var testDescription: String { name }
}

/// Fresh, migrated, empty stores for one test each.
enum StoreHarness {
    static let logger = Logger(label: "accessbot.store.tests")

    /// The PostgreSQL server the tests may use (`eval "$(scripts/pg-cluster.sh start)"`).
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["ACCESSBOT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A new SQLite file in the temporary directory, removed afterwards.
    static func withSQLite(options: String = "", _ body: (SQLStore) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-test-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try await withStore(url: "sqlite:\(path)\(options)", body)
    }

    /// A new schema on the test server, dropped afterwards.
    static func withPostgres(_ body: (SQLStore) async throws -> Void) async throws {
        let base = try #require(postgresURL, "ACCESSBOT_TEST_POSTGRES_URL is not set")
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let url = base + (base.contains("?") ? "&" : "?") + "search_path=\(schema)&pool_size=4"
        try await withStore(url: url) { store in
            do {
                try await body(store)
            } catch {
                try? await store.dropSchema()
                throw error
            }
            try await store.dropSchema()
        }
    }

    /// Opens and migrates `url`, runs `body`, and closes the store whatever happens.
    static func withStore(url: String, _ body: (SQLStore) async throws -> Void) async throws {
        let store = try await SQLStore.open(url: url, logger: logger)
        do {
            try await store.migrate()
            try await body(store)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}
