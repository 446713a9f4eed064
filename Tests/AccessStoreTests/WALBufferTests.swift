import AccessCore
import AccessTesting
import Foundation
import SQLKit
import SQLiteKit
import Testing

@testable import AccessStore

/// The VFS that gathers the batch writer's WAL frames into one write per commit
/// (CSQLiteWALBuffer): it must never let another connection or a later sync see the file
/// differently from how SQLite wrote it.
@Suite("SQLite WAL write buffer")
struct WALBufferTests {
    @Test("the batch writer goes through the buffer under synchronous FULL, and not under NORMAL")
    func usedOnlyWhenEveryCommitSyncs() async throws {
        try await StoreHarness.withSQLite { store in
            let vfs = try await store.batchConnectionVFS()
            #expect(vfs?.hasPrefix("accessbot-wal-buffer/") == true)
        }
        try await StoreHarness.withSQLite(options: "?synchronous=normal") { store in
            let vfs = try await store.batchConnectionVFS()
            #expect(vfs != nil)
            #expect(vfs?.hasPrefix("accessbot-wal-buffer/") == false)
        }
    }

    @Test("a WAL write that fails (a full disk) fails its own batch only; the store goes on")
    func failedWrite() async throws {
        try await StoreHarness.withSQLite { store in
            func submission(_ id: String) throws -> Outcome {
                try StoreFixtures.submit(StoreFixtures.githubSubmission(id: RequestID(rawValue: id)))
            }
            try await store.create(submission("R-DISK0001"))

            // A batch of one: its COMMIT fails, and so does its caller.
            store.failWALWrites(count: 1)
            await #expect(throws: (any Error).self) { try await store.create(submission("R-DISK0002")) }
            store.failWALWrites(count: 0)
            try await store.create(submission("R-DISK0003"))

            // Sixteen at once: the batch fails, each is written again on its own, one more fails.
            store.failWALWrites(count: 2)
            let ids = (10..<26).map { String(format: "R-DISK%04d", $0) }
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for id in ids {
                    let outcome = try submission(id)
                    group.addTask { (try? await store.create(outcome)) != nil }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            store.failWALWrites(count: 0)
            let stored = try await ids.asyncFilter { try await store.request(RequestID(rawValue: $0)) != nil }
            // Whoever heard "written" is stored, whoever heard an error is not.
            #expect(stored.count == outcomes.filter { $0 }.count)
            #expect(outcomes.filter { !$0 }.count >= 1)

            try await store.create(submission("R-DISK0004"))
            #expect(try await store.request("R-DISK0001") != nil)
            #expect(try await store.request("R-DISK0002") == nil)
            #expect(try await store.request("R-DISK0003") != nil)
            #expect(try await store.request("R-DISK0004") != nil)
            #expect(try await store.requestCount() == 3 + stored.count)
            #expect(try await store.pragma("integrity_check") == "ok")
        }
    }

    @Test("rolled-back, spilled and oversized transactions leave a file another connection reads intact")
    func interleavedWithAnotherConnection() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-walbuffer-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let setup = try await SQLiteConnection.open(storage: .file(path: path), logger: StoreHarness.logger)
        try await setup.sql().raw("PRAGMA journal_mode = WAL").run()
        try await setup.sql().raw("CREATE TABLE t (id INTEGER PRIMARY KEY, who TEXT NOT NULL, body TEXT NOT NULL)").run()
        // A 20-page cache makes SQLite spill frames to the WAL in the middle of a transaction.
        let pragmas = ["PRAGMA synchronous = FULL", "PRAGMA cache_size = 20", "PRAGMA busy_timeout = 5000"]
        let buffered = try RawSQLiteConnection.open(path: path, pragmas: pragmas, bufferWAL: true)
        let plain = try RawSQLiteConnection.open(path: path, pragmas: pragmas, bufferWAL: false)
        #expect(buffered.vfsName()?.hasPrefix("accessbot-wal-buffer/") == true)
        #expect(plain.vfsName()?.hasPrefix("accessbot-wal-buffer/") == false)

        func insert(_ connection: RawSQLiteConnection, _ who: String, rows: Int, size: Int, commit: Bool) throws {
            try connection.execute("BEGIN IMMEDIATE")
            for row in 0..<rows {
                try connection.run(
                    "INSERT INTO t (who, body) VALUES (?, ?)", [.text(who), .text(String(repeating: "\(row % 10)", count: size))])
            }
            try connection.execute(commit ? "COMMIT" : "ROLLBACK")
        }
        // Transactions rolled back after spilling from a few pages to about 6 MB (more than the
        // buffer holds, many times what one write may carry), each followed by the plain
        // connection writing its frames where the rolled-back ones were.
        var expected: [String: Int] = [:]
        for (round, rows) in [3, 8, 15, 40, 200, 2_000].enumerated() {
            try insert(buffered, "rolled-back", rows: rows, size: 3_000, commit: false)
            try insert(plain, "plain-\(round)", rows: 30, size: 500, commit: true)
            try insert(buffered, "buffered-\(round)", rows: rows, size: 3_000, commit: true)
            try insert(buffered, "rolled-back", rows: 10, size: 3_000, commit: false)
            try insert(plain, "plain-after-\(round)", rows: 5, size: 500, commit: true)
            expected["plain-\(round)"] = 30
            expected["buffered-\(round)"] = rows
            expected["plain-after-\(round)"] = 5
        }

        #expect(try await Self.contents(setup) == expected)
        buffered.close()
        plain.close()
        try await setup.close()

        // Reopened from the files alone (WAL recovery included).
        let reopened = try await SQLiteConnection.open(storage: .file(path: path), logger: StoreHarness.logger)
        #expect(try await Self.contents(reopened) == expected)
        try await reopened.close()
    }

    /// Rows per writer after checking the whole file's structure and every row's body.
    private static func contents(_ connection: SQLiteConnection) async throws -> [String: Int] {
        let db = connection.sql()
        let check = try await db.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self)
        #expect(check == "ok")
        let damaged = try await db.raw(
            "SELECT COUNT(*) AS n FROM t WHERE body <> substr(replace(hex(zeroblob(length(body))), '00', substr(body, 1, 1)), 1, length(body))"
        ).first()?.decode(column: "n", as: Int.self)
        #expect(damaged == 0)
        var counts: [String: Int] = [:]
        for row in try await db.raw("SELECT who, COUNT(*) AS n FROM t GROUP BY who").all() {
            counts[try row.decode(column: "who", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}

extension Array where Element: Sendable {
    fileprivate func asyncFilter(_ keep: (Element) async throws -> Bool) async rethrows -> [Element] {
        var kept: [Element] = []
        for element in self where try await keep(element) { kept.append(element) }
        return kept
    }
}
