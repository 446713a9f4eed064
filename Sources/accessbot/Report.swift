import AccessServer
import AccessStore
import ArgumentParser
import Foundation
import Logging

/// `accessbot report`: the Past Access Requests report from `DATABASE_URL`, streamed to
/// standard output (or `--output FILE`) as CSV or JSON lines. The filters are the admin API's
/// query parameters as flags, read by the same code, so both give the same rows and errors.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Past Access Requests report as CSV or JSON lines.",
        discussion: """
            Rows are ordered by --time-field (requested by default), oldest first. Times are RFC 3339
            (2026-01-31T09:30:00Z) or dates (2026-01-31, midnight UTC); --from is inclusive, --to exclusive.
            A bad value prints one line on stderr and exits with 2.
            """)

    @Option(help: "csv, or json (JSON lines).") var format: String = "csv"
    @Option(help: "Requests from this time on.") var from: String?
    @Option(help: "Requests before this time.") var to: String?
    @Option(help: "What --from/--to bound and rows are ordered by: requested or decided.") var timeField: String?
    @Option(help: "The requester's email.") var requester: String?
    @Option(help: "Requests this person approved or denied.") var approver: String?
    @Option(help: "Requests that include this resource id.") var resource: String?
    @Option(help: "Requests of this request type id.") var requestType: String?
    @Option(help: "A status, or a comma-separated list; may repeat.") var status: [String] = []
    @Option(help: "approved, denied or undecided.") var decision: String?
    @Option(help: "true (only time-bounded access) or false (only permanent).") var timeBounded: String?
    @Option(help: "Write to this file instead of standard output (replaced only once the report is complete).")
    var output: String?

    func run() async throws {
        let parameters: ReportParameters
        do {
            parameters = try ReportParameters(pairs, for: .report)
        } catch {
            Startup.fail("--\(error.parameter.replacingOccurrences(of: "_", with: "-")): \(error.reason)")
        }
        let settings = Startup.settings()
        var logger = Logger(label: "accessbot.report")
        logger.logLevel = .warning
        let store: SQLStore
        do {
            store = try await SQLStore.open(url: Startup.databaseURL(settings), logger: logger)
        } catch {
            Startup.fail("cannot open the database \(settings.database): \(error)", code: 1)
        }
        do {
            guard try await store.isMigrated() else {
                try? await store.close()
                Startup.fail("the database is not migrated; run `accessbot migrate` first", code: 1)
            }
            let report = PastAccessReport(filter: parameters.filter, format: parameters.format)
            if let output {
                try await Self.write(report, from: store, toFile: output)
            } else {
                try await report.write(from: store, to: FileHandle.standardOutput)
            }
            try await store.close()
        } catch {
            try? await store.close()
            Startup.fail("the report failed: \(error)", code: 1)
        }
    }

    /// The flags as the admin API's (name, value) query pairs; `json` means JSON lines.
    var pairs: [(name: String, value: String)] {
        let single: [(String, String?)] = [
            ("format", format), ("from", from), ("to", to), ("time_field", timeField), ("requester", requester),
            ("approver", approver), ("resource", resource), ("request_type", requestType), ("decision", decision),
            ("time_bounded", timeBounded),
        ]
        return single.compactMap { name, value in value.map { (name: name, value: $0) } } + status.map { (name: "status", value: $0) }
    }

    /// Writes to `FILE.partial` and renames it at the end, so a failed run never leaves a
    /// report that looks complete.
    static func write(_ report: PastAccessReport, from store: SQLStore, toFile path: String) async throws {
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil), let file = FileHandle(forWritingAtPath: partial) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: partial])
        }
        do {
            try await report.write(from: store, to: file)
            try file.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            try? file.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }
}
