import AccessConfig
import AccessCore
import Testing

@Suite("Config structure: syntax, sections, keys and types")
struct ConfigStructureTests {
    @Test func theSampleIsClean() throws {
        let report = inspect(Sample.all)
        #expect(report.problems.isEmpty, "\(report.listing)")
        let catalog = try #require(report.catalog)
        #expect(catalog.requestType("github-admin")?.approvals == [.init(approver: .manager), .init(approver: .team("it-ops"), count: 2)])
    }

    @Test func yamlSyntaxErrorsCarryYamsLine() throws {
        let yaml = "resources:\n  - id: a\n    name: [unclosed\nteams: []\n"
        let report = inspect(yaml)
        #expect(report.catalog == nil)
        let problem = try #require(report.problems.first)
        #expect(report.problems.count == 1)
        #expect(problem.message.hasPrefix("YAML syntax error"))
        #expect(problem.line == 4)
        #expect(problem.hint != nil)
    }

    @Test func badIndentationIsASyntaxError() throws {
        let report = inspect("teams:\n  - id: a\n   members: [x]\n")
        let problem = try #require(report.problems.first)
        #expect(problem.message.hasPrefix("YAML syntax error"))
        #expect(problem.line == 3)
    }

    @Test func repeatedKeysAreReported() throws {
        let report = inspect("resources:\n  - id: a\n    id: b\n")
        let problem = try #require(report.problem("appears more than once"))
        #expect(problem.message.contains("'id'"))
        #expect(problem.line == 2)
    }

    @Test(arguments: ["", "\n", "# only a comment\n", "~\n"])
    func anEmptyFileIsOneClearError(yaml: String) throws {
        let report = inspect(yaml)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.message == "the config file is empty")
        #expect(report.problems.first?.line == 0)
    }

    @Test func aFileThatIsNotAMappingIsReported() {
        let report = inspect("- just\n- a list\n")
        #expect(report.problem(line: 1, "the config file should be a mapping") != nil, "\(report.listing)")
    }

    @Test func missingSectionsAreNamed() {
        let report = inspect(Sample.users)
        for section in ["resources", "teams", "request_types"] {
            #expect(report.problem(line: 1, "missing section '\(section)'") != nil, "\(report.listing)")
        }
        #expect(report.problem("configuration_lists") == nil)
    }

    @Test func emptySectionsAreErrors() {
        let report = inspect("resources: []\nteams:\nrequest_types: []\n")
        #expect(report.problem(line: 1, "section 'resources' is empty") != nil)
        #expect(report.problem(line: 2, "section 'teams' is empty") != nil)
        #expect(report.problem(line: 3, "section 'request_types' is empty") != nil)
    }

    @Test func unknownTopLevelSectionSuggestsTheRightOne() throws {
        let report = inspect(Sample.all + "request_type: []\n")
        let problem = try #require(report.problem("unknown key 'request_type'"))
        #expect(problem.message.hasSuffix("(did you mean 'request_types'?)"))
    }

    @Test func unknownKeysAreReportedWhereTheyAre() throws {
        let yaml = Sample.all.replacingOccurrences(of: "    max_duration: 8h", with: "    max_duraton: 8h")
        let report = inspect(yaml)
        let problem = try #require(report.problem("unknown key 'max_duraton'"))
        #expect(problem.line == 11)
        #expect(problem.column == 5)
        #expect(problem.message == "unknown key 'max_duraton' in resource 'github-admins' (did you mean 'max_duration'?)")
        #expect(problem.hint?.contains("max_duration") == true)
    }

    @Test func missingRequiredFieldsPointAtTheirMapping() throws {
        let yaml = Sample.all.replacingOccurrences(of: "    grant: { okta_group: 00g1 }\n", with: "")
        let report = inspect(yaml)
        let problem = try #require(report.problem("missing required key 'grant' in resource 'github-admins'"))
        #expect(problem.line == 7)
        #expect(problem.hint?.contains("okta_group") == true)
    }

    @Test func aRequiredKeyWithoutValueIsReported() {
        let yaml = Sample.all.replacingOccurrences(of: "    team: it-ops\n", with: "    team:\n")
        let report = inspect(yaml)
        #expect(report.problem("'team' of request type 'github-admin' has no value") != nil, "\(report.listing)")
    }

    @Test func wrongTypesAreReported() {
        let yaml = Sample.all
            .replacingOccurrences(of: "name: GitHub admins", with: "name: [GitHub, admins]")
            .replacingOccurrences(of: "count: 2", with: "count: two")
            .replacingOccurrences(of: "required: true", with: "required: maybe")
            .replacingOccurrences(of: "resources: [github-admins]", with: "resources: github-admins")
        let report = inspect(yaml)
        #expect(report.problem(line: 8, "'name' of resource 'github-admins' should be text, found a list") != nil, "\(report.listing)")
        #expect(report.problem("'count' of approval step 2 of request type 'github-admin' should be a whole number, found 'two'") != nil)
        #expect(report.problem("should be true or false, found 'maybe'") != nil)
        #expect(report.problem("'resources' of request type 'github-admin' should be a list") != nil)
    }

    @Test func anElementThatIsNotAMappingIsReported() {
        let report = inspect(
            Sample.all.replacingOccurrences(
                of: "teams:\n  - id: it-ops\n    members: [carol@example.com, dave@example.com]\n", with: "teams:\n  - it-ops\n"))
        #expect(report.problem("team #1 should be a mapping") != nil, "\(report.listing)")
    }

    @Test func duplicateIdsAreReportedPerKind() throws {
        let yaml =
            Sample.users + Sample.resources + Sample.resources.replacingOccurrences(of: "resources:\n", with: "") + """
                teams:
                  - { id: github-admins, members: [carol@example.com] }
                  - { id: it-ops, members: [carol@example.com, dave@example.com] }
                  - { id: it-ops, members: [carol@example.com] }

                """ + Sample.lists + Sample.requestTypes
        let report = inspect(yaml)
        let resource = try #require(report.problem("duplicate resource id 'github-admins'"))
        #expect(resource.line == 12)
        #expect(resource.hint == "first defined at line 7; resources must be unique")
        #expect(report.problem("duplicate team id 'it-ops'") != nil)
        // A team may share an id with a resource: ids are unique per kind.
        #expect(report.problem("duplicate team id 'github-admins'") == nil)
        #expect(report.errors.count == 2, "\(report.listing)")
    }

    @Test func duplicateUsersAndQuestionsAreReported() {
        let yaml = Sample.all
            .replacingOccurrences(
                of: "  - { email: dave@example.com }", with: "  - { email: dave@example.com }\n  - { email: DAVE@example.com }"
            )
            .replacingOccurrences(
                of: "{ id: duration, text: \"How long?\", list: durations }", with: "{ id: reason, text: \"How long?\", list: durations }")
        let report = inspect(yaml)
        #expect(report.problem("duplicate user 'dave@example.com'") != nil, "\(report.listing)")
        #expect(report.problem("duplicate question id 'reason'") != nil)
    }

    @Test func badIdsAreRejectedWithASuggestion() throws {
        let report = inspect(Sample.all.replacingOccurrences(of: "- id: github-admins", with: "- id: GitHub Admins"))
        let problem = try #require(report.problem("is 'GitHub Admins', which is not a valid id"))
        #expect(problem.hint?.contains("github-admins") == true)
    }
}
