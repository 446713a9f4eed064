import AccessCore
import AccessTesting
import Foundation
import Testing

@testable import AccessStore

@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test("conformance", arguments: StoreConformance.all)
    func conformance(_ check: StoreConformance.Check) async throws {
        try await StoreHarness.withSQLite { store in try await check.run(store) }
    }

    @Test("SQLStore", arguments: SQLStoreChecks.all)
    func sqlStore(_ check: SQLStoreChecks.Check) async throws {
        try await StoreHarness.withSQLite { store in try await check.run(store) }
    }

    @Test("conformance in memory", arguments: StoreConformance.all)
    func inMemory(_ check: StoreConformance.Check) async throws {
        try await StoreHarness.withStore(url: "sqlite::memory:") { store in try await check.run(store) }
    }

    @Test("WAL mode, synchronous FULL by default and NORMAL on request")
    func pragmas() async throws {
        try await StoreHarness.withSQLite { store in
            let journal = try await store.pragma("journal_mode")
            let synchronous = try await store.pragma("synchronous")
            let timeout = try await store.pragma("busy_timeout")
            #expect(journal == "wal")
            #expect(synchronous == "2")  // FULL
            #expect(timeout == "5000")
        }
        try await StoreHarness.withSQLite(options: "?synchronous=normal") { store in
            let synchronous = try await store.pragma("synchronous")
            #expect(synchronous == "1")  // NORMAL
        }
    }

    @Test("a reopened file keeps what was committed")
    func reopen() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-reopen-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let outcome = try StoreFixtures.submit(StoreFixtures.githubSubmission(id: "R-REOPEN01"))
        try await StoreHarness.withStore(url: "sqlite:\(path)") { store in try await store.create(outcome) }
        let store = try await SQLStore.open(url: "sqlite:\(path)", logger: StoreHarness.logger)
        #expect(try await store.isMigrated())
        #expect(try await store.request("R-REOPEN01") == outcome.request)
        #expect(try await store.outboxCounts().pending == outcome.effects.filter { if case .schedule = $0 { false } else { true } }.count)
        try await store.close()
    }

    @Test("a fresh file is not migrated until migrate() runs")
    func notMigrated() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-fresh-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try await SQLStore.open(url: "sqlite:\(path)", logger: StoreHarness.logger)
        #expect(try await store.isMigrated() == false)
        try await store.migrate()
        #expect(try await store.isMigrated())
        try await store.close()
        await #expect(throws: SQLStoreError.closed) { try await store.ping() }
    }

    @Test("under writes that never pause, the WAL is restarted once it outgrows the limit")
    func walRestartsUnderContinuousWrites() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-wal-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try await SQLStore.open(StoreLocation(url: "sqlite:\(path)"), logger: StoreHarness.logger, walRestartFrames: 64)
        try await store.migrate()
        let restarts = try #require((store.sessions as? SQLiteSessions)?.walRestarts)
        // 16 writers in a closed loop, as in production under load, until two restarts or 10 s.
        let deadline = ContinuousClock.now + .seconds(10)
        let written = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<16 {
                group.addTask {
                    var count = 0
                    while restarts.value < 2, ContinuousClock.now < deadline {
                        let id = RequestID(rawValue: String(format: "R-W%02d%05d", writer, count))
                        try await store.create(try StoreFixtures.submit(StoreFixtures.githubSubmission(id: id)))
                        count += 1
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(restarts.value >= 2, "the WAL was never restarted")
        #expect(try await store.requestCount() == written)
        try await store.close()
    }
}
