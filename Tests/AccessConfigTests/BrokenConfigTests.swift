import AccessConfig
import Testing

@Suite("A config with many mistakes")
struct BrokenConfigTests {
    @Test func reportsEveryMistakeWithItsLine() {
        let report = inspect(BrokenConfig.yaml)
        #expect(report.catalog == nil)
        for (line, severity, text) in BrokenConfig.expected {
            let found = report.problem(line: line, text)
            #expect(found != nil, "line \(line): \(text)\n--- reported:\n\(report.listing)")
            #expect(found?.severity == severity, "line \(line): \(text)")
        }
    }

    @Test func reportsNothingElse() {
        let report = inspect(BrokenConfig.yaml)
        let unexpected = report.problems.filter { problem in
            !BrokenConfig.expected.contains { $0.line == problem.line && problem.message.contains($0.text) }
        }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.description).joined(separator: "\n"))")
    }

    @Test func loadCatalogThrowsAllProblemsInFileOrder() {
        #expect {
            try ConfigLoader().loadCatalog(yaml: BrokenConfig.yaml, file: "broken.yaml")
        } throws: { error in
            guard let errors = error as? ConfigErrors else { return false }
            let lines = errors.problems.map(\.line)
            return errors.problems.count == BrokenConfig.expected.count && lines == lines.sorted()
                && errors.errors.count == BrokenConfig.expected.count - 1
        }
    }

    @Test func describesProblemsInCompilerForm() throws {
        let report = ConfigLoader().inspect(yaml: BrokenConfig.yaml, file: "config/accessbot.yaml")
        let problem = try #require(report.problem(line: 26, "aprovals"))
        #expect(
            problem.description
                == "config/accessbot.yaml:26:5: error: unknown key 'aprovals' in request type 'github-admin' (did you mean 'approvals'?)")
        #expect(problem.hint?.contains("approvals") == true)
    }
}
