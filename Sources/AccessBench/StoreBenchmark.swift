import AccessCore
@_spi(Benchmark) import AccessStore
import AccessTesting
import Foundation
import Logging

/// `accessbot-bench store ...`: submit-with-effects transactions per second.
///
///     accessbot-bench store [--count N] [--warmup N] [--writers 1,16] [--sqlite full,normal|none]
///                           [--postgres URL|none] [--dir DIR]
///
/// Each transaction is `SQLStore.create` of a `github-admin` submission made by the real
/// `Workflow`: the request, 3 tasks, 1 audit event, 4 outbox messages and 3 timers. Writers
/// are tasks that each wait for their create before starting the next. Every run uses a
/// fresh SQLite file (in `--dir`, default the temporary directory) or a fresh PostgreSQL
/// schema (left behind, named in the output). The PostgreSQL URL defaults to
/// `ACCESSBOT_BENCH_POSTGRES_URL`, then `ACCESSBOT_TEST_POSTGRES_URL`.
///
/// `--warmup` creates (default 200) run before the timed ones. The default measures a fresh
/// file: SQLite's WAL grows, and every commit's sync also commits the file's new size. A server
/// that has run for a while writes over a WAL it already has (SQLite starts the log over after
/// a checkpoint, and keeps up to 64 MiB of it), which `--warmup 20000` reproduces.
func runStoreBenchmark(arguments: [String]) async throws {
    let options = try StoreBenchOptions(arguments)
    var logger = Logger(label: "accessbot.bench.store")
    logger.logLevel = .warning
    var results: [StoreBenchResult] = []
    for synchronous in options.sqliteModes {
        for writers in options.writers {
            let path = (options.directory as NSString).appendingPathComponent("accessbot-bench-\(UUID().uuidString).sqlite")
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let label = "sqlite synchronous=\(synchronous.rawValue)"
            let url = "sqlite:\(path)?synchronous=\(synchronous.rawValue)"
            results.append(
                try await benchmarkCreates(
                    url: url, label: label, writers: writers, count: options.count, warmup: options.warmup, logger: logger))
        }
    }
    if let base = options.postgresURL {
        for writers in options.writers {
            let schema = "bench_\(Int(Date().timeIntervalSince1970))_\(writers)w"
            let url = base + (base.contains("?") ? "&" : "?") + "search_path=\(schema)&pool_size=\(min(32, writers + 4))"
            results.append(
                try await benchmarkCreates(
                    url: url, label: "postgres (schema \(schema))", writers: writers, count: options.count,
                    warmup: options.warmup, logger: logger))
        }
    }
    print("")
    for result in results { print(result.line) }
}

/// One measured run.
private struct StoreBenchResult {
    let label: String
    let writers: Int
    let count: Int
    let seconds: Double
    let p50: Double
    let p99: Double
    /// Creates per group commit, averaged over the run (warm-up included).
    let batchSize: Double

    var line: String {
        let rate = Double(count) / seconds
        return String(
            format: "%@  writers=%2d  creates=%d  %.2f s  %.0f tx/s  latency p50 %.2f ms  p99 %.2f ms  batch %.1f",
            label, writers, count, seconds, rate, p50 * 1000, p99 * 1000, batchSize)
    }
}

private func benchmarkCreates(
    url: String, label: String, writers: Int, count: Int, warmup: Int, logger: Logger
) async throws -> StoreBenchResult {
    let store = try await SQLStore.open(url: url, logger: logger)
    do {
        try await store.migrate()
        // Ids and times of the timed creates follow the warm-up's, as a server's would.
        let warmup = try makeOutcomes(prefix: "A", count: warmup, from: 0)
        try await runWriters(store, outcomes: warmup, writers: writers)
        let outcomes = try makeOutcomes(prefix: "B", count: count, from: warmup.count)

        let clock = ContinuousClock()
        let start = clock.now
        var latencies = try await runWriters(store, outcomes: outcomes, writers: writers)
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        let pending = try await store.outboxCounts().pending
        let expected = (warmup + outcomes).map { $0.effects.filter(isOutboxEffect).count }.reduce(0, +)
        guard pending == expected else { throw StoreBenchFailure("outbox holds \(pending) messages, expected \(expected)") }
        latencies.sort()
        let statistics = await store.groupCommitStatistics()
        let result = StoreBenchResult(
            label: label, writers: writers, count: count, seconds: seconds, p50: latencies[latencies.count / 2],
            p99: latencies[min(latencies.count - 1, latencies.count * 99 / 100)],
            batchSize: Double(statistics.writes) / Double(max(1, statistics.batches)))
        print(result.line)
        fflush(nil)
        try await store.close()
        return result
    } catch {
        try? await store.close()
        throw error
    }
}

/// Every effect but timers goes to the outbox.
private func isOutboxEffect(_ effect: Effect) -> Bool {
    switch effect {
    case .schedule, .cancelTimers: false
    default: true
    }
}

/// Submissions of `github-admin` by a rotating set of requesters, one second apart.
private func makeOutcomes(prefix: String, count: Int, from start: Int) throws -> [Outcome] {
    let requesters = [StoreFixtures.alice, StoreFixtures.erin] + StoreFixtures.panel
    return try (0..<count).map { index in
        let id = RequestID(rawValue: String(format: "R-%@%07d", prefix, index))
        let submission = StoreFixtures.githubSubmission(id: id, requester: requesters[index % requesters.count])
        return try StoreFixtures.submit(submission, now: StoreFixtures.epoch.addingTimeInterval(Double(start + index)))
    }
}

/// `writers` tasks share the outcomes; returns each create's latency in seconds.
@discardableResult
private func runWriters(_ store: SQLStore, outcomes: [Outcome], writers: Int) async throws -> [Double] {
    try await withThrowingTaskGroup(of: [Double].self) { group in
        for writer in 0..<writers {
            group.addTask {
                let clock = ContinuousClock()
                var latencies: [Double] = []
                for index in stride(from: writer, to: outcomes.count, by: writers) {
                    let start = clock.now
                    try await store.create(outcomes[index])
                    let elapsed = clock.now - start
                    latencies.append(Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
                }
                return latencies
            }
        }
        var all: [Double] = []
        for try await latencies in group { all += latencies }
        return all
    }
}

private struct StoreBenchOptions {
    var count = 20_000
    var warmup = 200
    var writers = [1, 16]
    var sqliteModes: [SQLiteSynchronous] = [.full, .normal]
    var postgresURL: String?
    var directory = NSTemporaryDirectory()

    init(_ arguments: [String]) throws {
        let environment = ProcessInfo.processInfo.environment
        postgresURL = environment["ACCESSBOT_BENCH_POSTGRES_URL"] ?? environment["ACCESSBOT_TEST_POSTGRES_URL"]
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw StoreBenchFailure("\(flag) needs a value") }
            switch flag {
            case "--count":
                guard let number = Int(value), number > 0 else { throw StoreBenchFailure("--count must be a positive number") }
                count = number
            case "--warmup":
                guard let number = Int(value), number >= 0 else { throw StoreBenchFailure("--warmup must be zero or a positive number") }
                warmup = number
            case "--writers":
                writers = value.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
                guard !writers.isEmpty else { throw StoreBenchFailure("--writers takes numbers such as 1,16") }
            case "--sqlite":
                sqliteModes =
                    value == "none"
                    ? []
                    : try value.split(separator: ",").map {
                        guard let mode = SQLiteSynchronous(rawValue: String($0)) else {
                            throw StoreBenchFailure("--sqlite takes full, normal or none")
                        }
                        return mode
                    }
            case "--postgres":
                postgresURL = value == "none" ? nil : value
            case "--dir":
                directory = value
            default:
                throw StoreBenchFailure("unknown option \(flag)")
            }
        }
    }
}

private struct StoreBenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description =
            "store benchmark: \(message)\nusage: accessbot-bench store [--count N] [--warmup N] [--writers 1,16] "
            + "[--sqlite full,normal|none] [--postgres URL|none] [--dir DIR]"
    }
}
