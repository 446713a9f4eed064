import AccessConfig
import AccessCore
import Testing

@Suite("Config references between sections")
struct ConfigReferenceTests {
    @Test func aMissingTeamResourceOrListIsNamedWithASuggestion() throws {
        let yaml = Sample.all
            .replacingOccurrences(of: "    team: it-ops\n", with: "    team: it-opps\n")
            .replacingOccurrences(of: "resources: [github-admins]", with: "resources: [github-admin, vault]")
            .replacingOccurrences(of: "list: durations", with: "list: duration")
        let report = inspect(yaml)
        let team = try #require(report.problem("names team 'it-opps'"))
        #expect(team.message == "request type 'github-admin' names team 'it-opps', which is not defined (did you mean 'it-ops'?)")
        #expect(team.hint == "defined teams: it-ops")
        #expect(report.problem("names resource 'github-admin', which is not defined (did you mean 'github-admins'?)") != nil)
        #expect(report.problem("names resource 'vault', which is not defined") != nil)
        #expect(report.problem("names configuration list 'duration', which is not defined (did you mean 'durations'?)") != nil)
    }

    @Test func aStepNamingAMissingTeamIsAnError() {
        let report = inspect(Sample.all.replacingOccurrences(of: "team: it-ops, count: 2", with: "team: security"))
        #expect(report.problem("approval step 2 of request type 'github-admin' names team 'security', which is not defined") != nil)
    }

    @Test func fromQuestionMustNameAQuestion() throws {
        let report = inspect(Sample.all.replacingOccurrences(of: "from_question: duration", with: "from_question: durration"))
        let problem = try #require(report.problem("names question 'durration'"))
        #expect(problem.message.hasSuffix("(did you mean 'duration'?)"))
        #expect(problem.hint == "defined questions of this request type: reason, duration")
    }

    @Test func countMustFitTheTeam() throws {
        let tooMany = inspect(Sample.all.replacingOccurrences(of: "count: 2", with: "count: 3"))
        let problem = try #require(tooMany.problem("needs 3 approvals, but team 'it-ops' has only 2 members"))
        #expect(problem.line == 27)
        let zero = inspect(Sample.all.replacingOccurrences(of: "count: 2", with: "count: 0"))
        #expect(zero.problem("'count' of approval step 2 of request type 'github-admin' is 0; at least 1 approval is needed") != nil)
    }

    @Test func managerAndUserStepsHaveOneApprover() {
        let report = inspect(Sample.all.replacingOccurrences(of: "{ approver: manager }", with: "{ approver: manager, count: 2 }"))
        #expect(report.problem("but a 'manager' step has one approver") != nil, "\(report.listing)")
    }

    @Test func aUserStepMustNameSomebody() {
        let nobody = inspect(Sample.all.replacingOccurrences(of: "{ approver: manager }", with: "{ approver: user }"))
        #expect(nobody.problem("approval step 1 of request type 'github-admin' is a user step but names nobody") != nil)
        let empty = inspect(Sample.all.replacingOccurrences(of: "{ approver: manager }", with: "{ approver: user, user: \"\" }"))
        #expect(empty.problem("'user' of approval step 1 of request type 'github-admin' is empty") != nil, "\(empty.listing)")
        let stranger = inspect(
            Sample.all.replacingOccurrences(of: "{ approver: manager }", with: "{ approver: user, user: zed@example.com }"))
        let warning = stranger.problem("approver of approval step 1 of request type 'github-admin' 'zed@example.com' is not in users")
        #expect(warning?.severity == .warning, "\(stranger.listing)")
        #expect(stranger.catalog != nil)
    }

    @Test func stepKeysMustMatchTheApprover() {
        let report = inspect(Sample.all.replacingOccurrences(of: "{ approver: manager }", with: "{ approver: manager, team: it-ops }"))
        #expect(report.problem("'team' of approval step 1 of request type 'github-admin' does not apply to a 'manager' step") != nil)
        let noTeam = inspect(Sample.all.replacingOccurrences(of: "team: it-ops, count: 2", with: "count: 2"))
        #expect(noTeam.problem("approval step 2 of request type 'github-admin' is a team step but names no team") != nil)
    }

    @Test func resourceOwnerStepsNeedOwners() {
        let yaml = Sample.all
            .replacingOccurrences(of: "{ approver: manager }", with: "{ approver: resource_owner, count: 2 }")
        let report = inspect(yaml)
        #expect(report.problem("needs 2 approvals, but resource 'github-admins' has only 1 owner") != nil, "\(report.listing)")
        let none = inspect(yaml.replacingOccurrences(of: "    owners: [carol@example.com]\n", with: ""))
        #expect(none.problem("asks the resource owners, but resource 'github-admins' has no owners") != nil)
    }

    @Test func managerStepsWithoutADirectoryWarnUnlessOktaIsConfigured() throws {
        let yaml = Sample.resources + Sample.teams + Sample.lists + Sample.requestTypes
        let report = inspect(yaml)
        let warning = try #require(report.problem("asks the requester's manager, but no users are listed"))
        #expect(warning.severity == .warning)
        #expect(report.catalog != nil)
        #expect(inspect(yaml, oktaConfigured: true).problems.isEmpty)
    }

    @Test func aManagerMissingFromUsersIsAWarning() throws {
        let report = inspect(Sample.all.replacingOccurrences(of: "manager: bob@example.com", with: "manager: bobby@example.com"))
        let warning = try #require(report.problem("manager 'bobby@example.com' of user 'alice@example.com' is not in users"))
        #expect(warning.severity == .warning)
        #expect(warning.line == 2)
        #expect(report.catalog != nil)
    }

    @Test func peopleMissingFromANonEmptyUsersListAreWarnings() {
        let yaml = Sample.all.replacingOccurrences(
            of: "members: [carol@example.com, dave@example.com]", with: "members: [carol@example.com, erin@example.com]")
        let report = inspect(yaml)
        #expect(report.problem("member of team 'it-ops' 'erin@example.com' is not in users")?.severity == .warning)
        #expect(report.errors.isEmpty)
    }

    @Test func unofferedResourcesAreWarnings() {
        let yaml = Sample.all.replacingOccurrences(
            of: "    max_duration: 8h\n", with: "    max_duration: 8h\n  - { id: vault, grant: manual }\n")
        let report = inspect(yaml)
        #expect(report.problem("resource 'vault' is not offered by any request type")?.severity == .warning)
        #expect(report.catalog?.resource("vault")?.grant == .manual)
    }
}
