import AccessConfig
import Foundation
import Testing

@Suite("accessbot check-config")
struct CheckConfigTests {
    /// Writes `contents` to a fresh temporary file and returns its path.
    func temporaryFile(_ contents: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-\(UUID().uuidString).yaml")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aMissingFileIsAnErrorLineNotACrash() {
        let result = checkConfig(path: "/nonexistent/accessbot.yaml")
        #expect(result.exitCode == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "/nonexistent/accessbot.yaml: error: cannot read the config file: no such file")
        #expect(lines.last == "/nonexistent/accessbot.yaml: 1 error")
        #expect(throws: ConfigErrors.self) { try ConfigLoader().loadCatalog(path: "/nonexistent/accessbot.yaml") }
    }

    @Test func aDirectoryIsAnErrorLine() {
        let result = checkConfig(path: FileManager.default.temporaryDirectory.path)
        #expect(result.exitCode == 1)
        #expect(result.output.contains("error: cannot read the config file: it is a directory"))
    }

    @Test func printsEveryProblemThenASummary() throws {
        let path = try temporaryFile(BrokenConfig.yaml)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = checkConfig(path: path)
        #expect(result.exitCode == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        let problemLines = lines.filter { $0.hasPrefix(path + ":") && !$0.hasPrefix(path + ": ") }
        #expect(problemLines.count == BrokenConfig.expected.count)
        #expect(
            problemLines.contains("\(path):26:5: error: unknown key 'aprovals' in request type 'github-admin' (did you mean 'approvals'?)"))
        #expect(lines.contains("    hint: allowed keys here: id, name, team, resources, questions, approvals, escalation, access_duration"))
        #expect(lines.last == "\(path): \(BrokenConfig.expected.count - 1) errors, 1 warning")
    }

    @Test func warningsArePrintedButDoNotFail() throws {
        let path = try temporaryFile(Sample.resources + Sample.teams + Sample.lists + Sample.requestTypes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = checkConfig(path: path)
        #expect(result.exitCode == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains(": warning: approval step 1 of request type 'github-admin' asks the requester's manager") == true)
        #expect(lines.last == "\(path): OK (1 resource, 1 team, 1 request type, 1 warning)")
        // With Okta configured the same file is clean.
        #expect(checkConfig(path: path, oktaConfigured: true).output == "\(path): OK (1 resource, 1 team, 1 request type)")
    }

    @Test func aSyntaxErrorIsOneLineWithItsPlace() throws {
        let path = try temporaryFile("resources:\n  - id: a\n    name: b: c\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = checkConfig(path: path)
        #expect(result.exitCode == 1)
        #expect(result.output.hasPrefix("\(path):3:12: error: YAML syntax error: mapping values are not allowed"), "\(result.output)")
        #expect(result.output.hasSuffix("\(path): 1 error"))
    }

    @Test func nonUTF8FilesAreReported() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-\(UUID().uuidString).yaml")
        try Data([0x66, 0xFF, 0xFE, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = checkConfig(path: url.path)
        #expect(result.exitCode == 1)
        #expect(result.output.contains("error: the config file is not UTF-8 text"))
    }

    @Test func configErrorsDescribeEveryProblem() {
        let errors = ConfigErrors(problems: [
            ConfigProblem(file: "a.yaml", line: 3, column: 5, message: "bad", hint: "fix it"),
            ConfigProblem(file: "a.yaml", line: 4, column: 1, severity: .warning, message: "odd"),
        ])
        #expect(errors.description == "a.yaml:3:5: error: bad\n    hint: fix it\na.yaml:4:1: warning: odd\n1 error in the config")
        #expect(errors.errors.count == 1)
    }
}
