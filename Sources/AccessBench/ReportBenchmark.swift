import AccessCore
@_spi(Seeding) import AccessStore
import AccessTesting
import Foundation
import Logging

/// `accessbot-bench report ...`: the Past Access Requests report over a big database.
///
///     accessbot-bench report [--count N] [--runs R] [--dir DIR] [--postgres URL] [--keep]
///         seeds N requests (default 1,000,000) into a fresh SQLite file (and, with --postgres,
///         a fresh schema), then exports the full CSV report to /dev/null R times (default 3),
///         each in a process of its own so its peak RSS is the export's alone
///     accessbot-bench report export --url URL
///         one export; prints one JSON line (seconds, rows, bytes, RSS before, peak RSS)
///
/// Seeding runs the real `Workflow` (submit, approvals, grants, denials, cancels, revokes) and
/// writes each finished request with its tasks and audit trail through `SQLStore.bulkInsert`
/// (multi-row INSERTs, 5,000 requests a transaction). The export is `PastAccessReport.write`,
/// the same streaming code as `accessbot report --output FILE`.
func runReportBenchmark(arguments: [String]) async throws {
    if arguments.first == "export" {
        let options = ReportBenchOptions(arguments.dropFirst())
        guard let url = options.values["--url"] else { throw ReportBenchFailure("export needs --url") }
        try await exportOnce(url: url)
        return
    }
    let options = ReportBenchOptions(arguments[...])
    let count = options.int("--count") ?? 1_000_000
    let runs = options.int("--runs") ?? 3
    let directory = options.values["--dir"] ?? NSTemporaryDirectory()
    var logger = Logger(label: "accessbot.bench.report")
    logger.logLevel = .warning

    let path = (directory as NSString).appendingPathComponent("accessbot-report-bench-\(UUID().uuidString).sqlite")
    defer {
        if !options.flags.contains("--keep") {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
    var targets = [("sqlite", "sqlite:\(path)")]
    if let base = options.values["--postgres"], base != "none" {
        let schema = "report_bench_\(Int(Date().timeIntervalSince1970))"
        targets.append(("postgres (schema \(schema), left behind)", base + (base.contains("?") ? "&" : "?") + "search_path=\(schema)"))
    }
    for (label, url) in targets {
        let seconds = try await seed(url: url, count: count, logger: logger)
        print("report: \(label): seeded \(count) requests in \(String(format: "%.1f", seconds)) s")
        fflush(nil)
        for run in 1...max(1, runs) {
            print("report: \(label): export \(run): \(try runChild(["report", "export", "--url", url]))")
            fflush(nil)
        }
    }
    if options.flags.contains("--keep") { print("report: kept \(path)") }
}

/// One full CSV export to /dev/null, measured from inside this process.
private func exportOnce(url: String) async throws {
    var logger = Logger(label: "accessbot.bench.report")
    logger.logLevel = .warning
    let store = try await SQLStore.open(url: url, logger: logger)
    guard let devNull = FileHandle(forWritingAtPath: "/dev/null") else { throw ReportBenchFailure("cannot open /dev/null") }
    let rssBefore = ReportBenchMemory.kilobytes("VmRSS")
    let clock = ContinuousClock()
    let start = clock.now
    let summary = try await PastAccessReport(format: .csv).write(from: store, to: devNull)
    let elapsed = clock.now - start
    let peak = ReportBenchMemory.kilobytes("VmHWM")
    try await store.close()
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(
        String(
            format: #"{"rows":%d,"bytes":%d,"seconds":%.3f,"rows_per_second":%.0f,"rss_before_kb":%d,"peak_rss_kb":%d}"#,
            summary.rows, summary.bytes, seconds, Double(summary.rows) / seconds, rssBefore, peak))
}

/// Seeds `count` requests in batches; returns the seconds it took.
private func seed(url: String, count: Int, logger: Logger) async throws -> Double {
    let store = try await SQLStore.open(url: url, logger: logger)
    let clock = ContinuousClock()
    let start = clock.now
    do {
        try await store.migrate()
        let seeder = ReportSeeder()
        var batch: [Outcome] = []
        batch.reserveCapacity(5000)
        for index in 0..<count {
            batch.append(try seeder.outcome(index))
            if batch.count == 5000 || index == count - 1 {
                try await store.bulkInsert(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try await store.close()
    } catch {
        try? await store.close()
        throw error
    }
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Runs this executable with `arguments`; returns its standard output, trimmed.
private func runChild(_ arguments: [String]) throws -> String {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    let child = try ChildProcess.start(executable, arguments, standardOutput: .pipe, standardError: .inherit)
    let output = child.standardOutput?.readDataToEndOfFile() ?? Data()
    let status = child.wait()
    guard status == 0 else { throw ReportBenchFailure("export exited with \(status)") }
    return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Finished requests as the real workflow makes them: ten lifecycles in turn (five fulfilled
/// time-bounded, one denied, one pending, one fulfilled permanent, one cancelled, one
/// revoked), 30 seconds apart, with justifications that need CSV quoting now and then.
private struct ReportSeeder {
    let workflow = Workflow(catalog: SampleCatalog.catalog)
    static let justifications = [
        "incident 4411", "on-call, rotation week 3", "quarterly \"audit\" of prod", "billing migration\nticket OPS-1234",
    ]
    static let requesters = [SampleCatalog.alice, SampleCatalog.carol, SampleCatalog.dave, SampleCatalog.erin]

    func outcome(_ index: Int) throws -> Outcome {
        let start = SampleCatalog.epoch.addingTimeInterval(Double(index) * 30)
        let id = RequestID(rawValue: String(format: "R-B%08d", index))
        let why = Self.justifications[index % Self.justifications.count]
        func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }
        var life: Lifecycle
        switch index % 10 {
        case 0...4:
            life = try Lifecycle(workflow, id, "github-admin", "github-admins", by: Self.requesters[index / 10 % 4], why, at: start)
            try life.approveByNextApprover(at: at(300))
            try life.approveByNextApprover(at: at(1200))
            try life.run(.grantCompleted("github-admins", by: .system), at: at(1260))
        case 5:
            life = try Lifecycle(workflow, id, "github-admin", "github-admins", by: SampleCatalog.alice, why, at: start)
            try life.run(.deny(by: SampleCatalog.bob, reason: "not for this incident"), at: at(3600))
        case 6:
            life = try Lifecycle(workflow, id, "github-admin", "github-admins", by: SampleCatalog.alice, why, at: start)
        case 7:
            life = try Lifecycle(workflow, id, "aws-prod", "aws-prod", by: SampleCatalog.alice, why, at: start)
            try life.approveByNextApprover(at: at(600))
            try life.approveByNextApprover(at: at(900))
            try life.run(.grantCompleted("aws-prod", by: .system), at: at(960))
        case 8:
            life = try Lifecycle(workflow, id, "github-admin", "github-admins", by: SampleCatalog.alice, why, at: start)
            try life.run(.cancel(by: .user(SampleCatalog.alice), reason: "no longer needed"), at: at(120))
        default:
            life = try Lifecycle(workflow, id, "prod-db", "prod-db", by: SampleCatalog.alice, why, at: start)
            try life.approveByNextApprover(at: at(600))
            try life.run(.grantCompleted("prod-db", by: .user(SampleCatalog.dave)), at: at(900))
            try life.run(.revoke(by: .user(SampleCatalog.erin), reason: "done"), at: at(3000))
        }
        return Outcome(request: life.request, effects: [], audit: life.audit, expectedVersion: nil)
    }
}

/// One request taken through the workflow, collecting its audit trail.
private struct Lifecycle {
    let workflow: Workflow
    var request: AccessRequest
    var audit: [AuditEvent]

    init(
        _ workflow: Workflow, _ id: RequestID, _ type: RequestTypeID, _ resource: ResourceID, by requester: UserID,
        _ justification: String, at now: Date
    ) throws {
        var answers: [Answer] = []
        if type != "prod-db" { answers.append(Answer(question: "reason", value: justification)) }
        if type == "github-admin" { answers.append(Answer(question: "duration", value: "4h")) }
        let person = SampleCatalog.catalog.user(requester) ?? DirectoryUser(id: requester, manager: SampleCatalog.bob)
        let submitted = try workflow.submit(
            Submission(
                id: id, requester: person, requestType: type, resources: [resource], answers: answers, justification: justification,
                origin: Origin(platform: .slack, conversation: "C0BENCH")),
            now: now)
        self.workflow = workflow
        request = submitted.request
        audit = submitted.audit
    }

    mutating func run(_ command: Command, at now: Date) throws {
        let outcome = try workflow.handle(command, on: request, now: now)
        request = outcome.request
        audit += outcome.audit
    }

    mutating func approveByNextApprover(at now: Date) throws {
        guard let approver = request.currentApprovers.first else { throw ReportBenchFailure("\(request.id) has nobody to approve") }
        try run(.approve(by: approver), at: now)
    }
}

/// This process's memory counters from /proc/self/status (Linux; 0 elsewhere).
private enum ReportBenchMemory {
    static func kilobytes(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}

/// `--name value` pairs and bare `--flag`s.
private struct ReportBenchOptions {
    var values: [String: String] = [:]
    var flags: Set<String> = []

    init(_ arguments: ArraySlice<String>) {
        var rest = arguments
        while let name = rest.popFirst() {
            if name == "--keep" {
                flags.insert(name)
            } else if name.hasPrefix("--"), let value = rest.popFirst() {
                values[name] = value
            }
        }
    }

    func int(_ name: String) -> Int? { values[name].flatMap(Int.init) }
}

private struct ReportBenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description =
            "report benchmark: \(message)\nusage: accessbot-bench report [--count N] [--runs R] [--dir DIR] "
            + "[--postgres URL] [--keep] | report export --url URL"
    }
}
