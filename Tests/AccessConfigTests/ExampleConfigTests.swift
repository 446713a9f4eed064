import AccessConfig
import AccessCore
import Testing

@Suite("The example config")
struct ExampleConfigTests {
    let path = Repo.path("config/accessbot.yaml")

    @Test func loadsWithoutAnyProblem() throws {
        let report = ConfigLoader().inspect(path: path)
        #expect(report.problems.isEmpty, "\(report.listing)")
        let catalog = try #require(report.catalog)
        #expect(catalog.resources.count == 4)
        #expect(catalog.teams.count == 2)
        #expect(catalog.requestTypes.count == 3)
        #expect(catalog.escalationChannel == ChannelRef(slack: "C0ADMINS01"))
    }

    @Test func usesEveryKindOfStepAndGrant() throws {
        let catalog = try ConfigLoader().loadCatalog(path: path)
        let approvers = Set(catalog.requestTypes.flatMap { $0.approvals.map(\.approver) })
        #expect(approvers.contains(.manager))
        #expect(approvers.contains(.resourceOwner))
        #expect(approvers.contains(.user("erin@example.com")))
        #expect(catalog.requestTypes.flatMap(\.approvals).contains { $0.count > 1 })
        let grants = catalog.resources.map(\.grant)
        #expect(grants.contains(.manual))
        #expect(grants.contains { if case .oktaApp = $0 { true } else { false } })
        #expect(grants.contains { if case .oktaGroup = $0 { true } else { false } })
        #expect(catalog.resource("prod-db")?.maxDuration == .hours(8))
        #expect(catalog.users.count >= 5)
        #expect(catalog.user("alice@example.com")?.manager == "bob@example.com")
    }

    @Test func readsQuestionKindsFromListsAndTheDurationPolicy() throws {
        let catalog = try ConfigLoader().loadCatalog(path: path)
        let tooling = try #require(catalog.requestType("tooling-admin"))
        #expect(tooling.accessDuration == .fromQuestion("duration"))
        #expect(tooling.questions.first { $0.id == "duration" }?.kind == .duration("durations"))
        #expect(tooling.escalation == EscalationPolicy(remindAfter: .hours(4), escalateAfter: .days(1), expireAfter: .days(3)))
        let aws = try #require(catalog.requestType("aws-prod"))
        #expect(aws.questions.first { $0.id == "environment" }?.kind == .choice("environments"))
        #expect(aws.accessDuration == .fixed(.hours(8)))
    }

    @Test func checkConfigSaysOK() {
        let result = checkConfig(path: path)
        #expect(result.exitCode == 0)
        #expect(result.output == "\(path): OK (4 resources, 2 teams, 3 request types)")
    }
}
