import AccessServer
import AccessTesting
import Foundation
import Testing

/// `accessbot report`, the real binary, on a seeded SQLite file: the same rows as the HTTP
/// report, `--output` written whole, and bad flags answered with one line and exit 2.
@Suite(.enabled(if: ServerProcess.isBuilt, "build the accessbot binary first (make test does)"))
struct ReportCLITests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func report(_ arguments: [String], database: String, in folder: URL) throws -> Run {
        let run = try ChildProcess.run(
            ServerProcess.binary.path, ["report"] + arguments,
            environment: ["DATABASE_URL": database, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
            directory: folder.path)
        return Run(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    @Test func reportFromTheCommandLine() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-report-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = "sqlite:" + folder.appendingPathComponent("report.sqlite").path
        let configuration = ServerConfiguration(databaseURL: database, catalog: SampleCatalog.catalog)
        try await TestServer.withServer(configuration) { server in
            try await ReportSeed.seed(try await server.waitUntilReady().store)
        }

        let output = folder.appendingPathComponent("past.csv")
        let written = try Self.report(["--format", "csv", "--output", output.path], database: database, in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOf: output, encoding: .utf8) == ReportTests.expectedCSV)
        #expect(!FileManager.default.fileExists(atPath: output.path + ".partial"))

        let json = try Self.report(["--format", "json", "--status", "denied", "--status", "timed_out"], database: database, in: folder)
        #expect(json.status == 0, "\(json.stderr)")
        let ids = json.stdout.split(separator: "\n").map { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["request_id"] as? String
        }
        #expect(ids == [ReportSeed.denied.rawValue, ReportSeed.timedOut.rawValue])

        let filtered = try Self.report(["--requester", "carol@example.com", "--time-field", "decided"], database: database, in: folder)
        #expect(filtered.stdout.components(separatedBy: "\r\n").count == 3)

        let bad: [([String], String)] = [
            (["--from", "yesterday"], #"accessbot: --from: "yesterday" is not an RFC 3339 time"#),
            (["--time-field", "approved"], #"accessbot: --time-field: "approved" is not one of requested, decided"#),
            (["--format", "xml"], #"accessbot: --format: "xml" is not one of csv, jsonl"#),
            (["--time-bounded", "maybe"], #"accessbot: --time-bounded: "maybe" is not true or false"#),
        ]
        for (arguments, line) in bad {
            let run = try Self.report(arguments + ["--output", output.path], database: database, in: folder)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr == line + "\n", "\(arguments)")
            #expect(run.stdout.isEmpty)
        }
        #expect(try String(contentsOf: output, encoding: .utf8) == ReportTests.expectedCSV, "a refused run leaves the old file")
    }
}
