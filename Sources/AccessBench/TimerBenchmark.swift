import AccessCore
import AccessStore
import AccessTesting
import Foundation
import Logging
import Synchronization

/// `accessbot-bench timers ...`: the cost of one timer tick against how many timers are stored.
///
///     accessbot-bench timers [--stored 100000,10000] [--due 1000] [--rounds 3] [--concurrency 16]
///                            [--sqlite on|none] [--postgres URL|none] [--dir DIR]
///
/// For each stored count, a fresh database holds `stored − due` far-future timers (one to
/// thirty days ahead, 100 per request) plus `due` requests whose reminder is due now. One
/// tick is what `TimerService` does: claim batches of 100 due timers until none is left and
/// handle each. Each kind of tick is timed once per round, each on a fresh set of `due`
/// timers, so the store holds `stored` timers when every tick starts:
///
/// - claim only: the due-time index walk and the lease (`claimDueTimers`), timers left alone;
/// - claim + delete: the store's share of a tick (`claimDueTimers`, then `deleteTimer` each);
/// - claim + fire x1: the real path, `AccessService.perform(.timerFired(.remind), consumedTimer:)`,
///   one timer after another (a reminder card per request, the timer deleted in the same
///   transaction);
/// - claim + fire xN: the same with N requests in flight, as `TimerService` fires them.
///
/// The PostgreSQL URL defaults to `ACCESSBOT_BENCH_POSTGRES_URL`, then `ACCESSBOT_TEST_POSTGRES_URL`.
func runTimerBenchmark(arguments: [String]) async throws {
    let options = try TimerBenchOptions(arguments)
    var logger = Logger(label: "accessbot.bench.timers")
    logger.logLevel = .warning
    var lines: [String] = []
    if options.sqlite {
        for stored in options.stored {
            let path = (options.directory as NSString).appendingPathComponent("accessbot-timers-\(UUID().uuidString).sqlite")
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            lines += try await benchmarkTicks(url: "sqlite:\(path)", label: "sqlite", stored: stored, options: options, logger: logger)
        }
    }
    if let base = options.postgresURL {
        for stored in options.stored {
            let schema = "bench_timers_\(Int(Date().timeIntervalSince1970))_\(stored)"
            let url = base + (base.contains("?") ? "&" : "?") + "search_path=\(schema)"
            lines += try await benchmarkTicks(
                url: url, label: "postgres (schema \(schema))", stored: stored, options: options, logger: logger)
        }
    }
    print("")
    for line in lines { print(line) }
}

private func benchmarkTicks(url: String, label: String, stored: Int, options: TimerBenchOptions, logger: Logger) async throws -> [String] {
    let store = try await SQLStore.open(url: url, logger: logger)
    do {
        try await store.migrate()
        let service = AccessService(
            workflow: StoreFixtures.workflow, store: store, directory: StaticDirectory(catalog: StoreFixtures.catalog))
        let seeder = TimerSeeder(store: store, now: Date())
        try await seeder.seedFuture(count: stored - options.due)
        var timings: [String: [Double]] = [:]
        let kinds = ["claim only", "claim + delete", "claim + fire x1", "claim + fire x\(options.concurrency)"]
        for round in 0..<options.rounds {
            for (index, kind) in kinds.enumerated() {
                let claimed = TimerList()
                try await seeder.seedDue(prefix: "D\(round)\(index)", count: options.due)
                let concurrency = index == 3 ? options.concurrency : 1
                let seconds = try await timeTick(store: store, due: options.due, concurrency: concurrency) { timer in
                    switch index {
                    case 0: claimed.append(timer.id)
                    case 1: try await store.deleteTimer(timer.id)
                    default:
                        try await service.perform(.timerFired(timer.timer.kind), on: timer.timer.requestID, consumedTimer: timer.id)
                    }
                }
                timings[kind, default: []].append(seconds)
                for id in claimed.ids { try await store.deleteTimer(id) }  // untimed: leased timers out of the way
            }
        }
        guard let next = try await store.nextTimerDue(), next > seeder.now else {
            throw TimerBenchFailure("a due timer was left behind")
        }
        try await store.close()
        return kinds.map { kind in
            let runs = (timings[kind] ?? []).sorted()
            let median = runs.isEmpty ? 0 : runs[runs.count / 2]
            return String(
                format: "%@  stored=%6d  due=%d  %@: one tick %7.1f ms  (%.0f timers/s; rounds: %@ ms)", label, stored, options.due,
                kind, median * 1000, Double(options.due) / max(median, 1e-9),
                runs.map { String(format: "%.1f", $0 * 1000) }.joined(separator: ", "))
        }
    } catch {
        try? await store.close()
        throw error
    }
}

/// One tick: claim batches of 100 until nothing is due, handling each timer (`concurrency` at once).
private func timeTick(
    store: SQLStore, due: Int, concurrency: Int, handle: @escaping @Sendable (StoredTimer) async throws -> Void
) async throws -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    var handled = 0
    while true {
        let batch = try await store.claimDueTimers(now: Date(), limit: 100, lease: TimeSpan(seconds: 60), worker: "bench")
        if batch.isEmpty { break }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = batch[...]
            for _ in 0..<min(concurrency, pending.count) {
                if let timer = pending.popFirst() { group.addTask { try await handle(timer) } }
            }
            while try await group.next() != nil {
                if let timer = pending.popFirst() { group.addTask { try await handle(timer) } }
            }
        }
        handled += batch.count
        _ = try await store.nextTimerDue()  // the service asks how long to sleep after each claim
    }
    let elapsed = clock.now - start
    guard handled == due else { throw TimerBenchFailure("a tick handled \(handled) timers, expected \(due)") }
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Timers a "claim only" tick leased, deleted after the clock stopped.
private final class TimerList: Sendable {
    private let list = Mutex<[TimerID]>([])

    func append(_ id: TimerID) { list.withLock { $0.append(id) } }
    var ids: [TimerID] { list.withLock { $0 } }
}

/// Writes the benchmark's requests and timers through `SQLStore.create`, as the server does.
private struct TimerSeeder {
    let store: SQLStore
    let now: Date

    /// Far-future timers, 100 per request, spread over the next thirty days.
    func seedFuture(count: Int) async throws {
        let perRequest = 100
        let requests = (count + perRequest - 1) / perRequest
        try await create(
            (0..<requests).map { index in
                let timers = min(perRequest, count - index * perRequest)
                var outcome = try StoreFixtures.submit(
                    StoreFixtures.githubSubmission(id: RequestID(String(format: "R-F%07d", index))), now: now)
                outcome.effects = (0..<timers).map { offset in
                    let due = now.addingTimeInterval(86_400 + Double((index * perRequest + offset) % (29 * 86_400)))
                    return .schedule(ScheduledTimer(requestID: outcome.request.id, kind: .expire, due: due))
                }
                return outcome
            })
    }

    /// `count` pending requests whose reminder is due now.
    func seedDue(prefix: String, count: Int) async throws {
        let due = Date().addingTimeInterval(-1)
        try await create(
            (0..<count).map { index in
                var outcome = try StoreFixtures.submit(
                    StoreFixtures.githubSubmission(id: RequestID("R-\(prefix)\(String(format: "%06d", index))")), now: now)
                outcome.effects = [.schedule(ScheduledTimer(requestID: outcome.request.id, kind: .remind, due: due))]
                return outcome
            })
    }

    /// Creates concurrently, so group commit batches them.
    private func create(_ outcomes: [Outcome]) async throws {
        let store = self.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<16 {
                group.addTask {
                    for index in stride(from: writer, to: outcomes.count, by: 16) { try await store.create(outcomes[index]) }
                }
            }
            try await group.waitForAll()
        }
    }
}

private struct TimerBenchOptions {
    var stored = [100_000, 10_000]
    var due = 1000
    var rounds = 3
    var concurrency = 16
    var sqlite = true
    var postgresURL: String?
    var directory = NSTemporaryDirectory()

    init(_ arguments: [String]) throws {
        let environment = ProcessInfo.processInfo.environment
        postgresURL = environment["ACCESSBOT_BENCH_POSTGRES_URL"] ?? environment["ACCESSBOT_TEST_POSTGRES_URL"]
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw TimerBenchFailure("\(flag) needs a value") }
            switch flag {
            case "--stored":
                stored = value.split(separator: ",").compactMap { Int($0) }
            case "--due":
                due = Int(value) ?? 0
            case "--rounds":
                rounds = Int(value) ?? 0
            case "--concurrency":
                concurrency = Int(value) ?? 0
            case "--sqlite":
                sqlite = value != "none"
            case "--postgres":
                postgresURL = value == "none" ? nil : value
            case "--dir":
                directory = value
            default:
                throw TimerBenchFailure("unknown option \(flag)")
            }
        }
        guard due > 0, rounds > 0, concurrency > 0, !stored.isEmpty, stored.allSatisfy({ $0 >= due }) else {
            throw TimerBenchFailure("--due, --rounds and --concurrency must be positive, every --stored at least --due")
        }
    }
}

private struct TimerBenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description =
            "timer benchmark: \(message)\nusage: accessbot-bench timers [--stored 100000,10000] [--due 1000] [--rounds 3] "
            + "[--concurrency 16] [--sqlite on|none] [--postgres URL|none] [--dir DIR]"
    }
}
