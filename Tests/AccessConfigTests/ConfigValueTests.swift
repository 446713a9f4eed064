import AccessConfig
import AccessCore
import Testing

@Suite("Config values: grants, channels, durations, questions, escalation")
struct ConfigValueTests {
    func catalog(_ yaml: String) throws -> Catalog {
        try ConfigLoader(oktaConfigured: true).loadCatalog(yaml: yaml, file: "test.yaml")
    }

    @Test(arguments: [
        ("grant: manual", GrantMethod.manual),
        ("grant: { manual: true }", .manual),
        ("grant: { okta_group: 00gABC }", .oktaGroup("00gABC")),
        ("grant: { okta_app: 0oaXYZ }", .oktaApp("0oaXYZ")),
    ])
    func grantsAreRead(written: String, expected: GrantMethod) throws {
        let yaml = Sample.all.replacingOccurrences(of: "grant: { okta_group: 00g1 }", with: written)
        #expect(try catalog(yaml).resource("github-admins")?.grant == expected)
    }

    @Test(arguments: [
        ("grant: okta", "is 'okta', which is not a grant method"),
        ("grant: { manual: false }", "is false, so the resource has no grant method"),
        ("grant: {}", "names no grant method"),
        ("grant: { okta_group: a, manual: true }", "names 2 grant methods"),
        ("grant: { okta_grup: a }", "unknown key 'okta_grup'"),
    ])
    func badGrantsAreErrors(written: String, message: String) {
        let report = inspect(Sample.all.replacingOccurrences(of: "grant: { okta_group: 00g1 }", with: written))
        #expect(report.problem(line: 9, message) != nil, "\(report.listing)")
        #expect(report.catalog == nil)
    }

    @Test func channelsAreRead() throws {
        let yaml =
            "settings:\n  escalation_channel: { slack: C0ADMINS, teams: \"19:abc@thread.tacv2\" }\n"
            + Sample.all.replacingOccurrences(of: "  - id: it-ops\n", with: "  - id: it-ops\n    channel: { slack: C0ITOPS }\n")
        let catalog = try catalog(yaml)
        #expect(catalog.escalationChannel == ChannelRef(slack: "C0ADMINS", teams: "19:abc@thread.tacv2"))
        #expect(catalog.team("it-ops")?.channel == ChannelRef(slack: "C0ITOPS"))
    }

    @Test func anEmptyOrMisspelledChannelIsAnError() {
        let report = inspect("settings:\n  escalation_channel: {}\n" + Sample.all)
        #expect(report.problem(line: 2, "'escalation_channel' of settings names no channel") != nil, "\(report.listing)")
        let unknown = inspect("settings:\n  escalation_channel: { slack: C1, email: x }\n" + Sample.all)
        #expect(unknown.problem(line: 2, "unknown key 'email'") != nil)
    }

    @Test func emailsAreLowerCased() throws {
        let yaml = Sample.all
            .replacingOccurrences(
                of: "email: alice@example.com, manager: bob@example.com", with: "email: Alice@Example.COM, manager: BOB@example.com"
            )
            .replacingOccurrences(of: "members: [carol@example.com,", with: "members: [Carol@Example.com,")
        let catalog = try catalog(yaml)
        #expect(catalog.user("alice@example.com")?.manager == "bob@example.com")
        #expect(catalog.team("it-ops")?.members.first == "carol@example.com")
    }

    @Test func usersMayBeWrittenAsPlainEmailsWithNamesAndActivity() throws {
        let yaml = Sample.all.replacingOccurrences(
            of: "  - { email: dave@example.com }", with: "  - dave@example.com\n  - { email: erin@example.com, name: Erin, active: false }")
        let catalog = try catalog(yaml)
        #expect(catalog.user("dave@example.com")?.active == true)
        #expect(catalog.user("erin@example.com") == DirectoryUser(id: "erin@example.com", displayName: "Erin", active: false))
    }

    @Test func durationsAreParsedAndBadOnesReported() throws {
        #expect(try catalog(Sample.all).resource("github-admins")?.maxDuration == .hours(8))
        for bad in ["8", "0h", "8x", "-1h", "20000d"] {
            let report = inspect(Sample.all.replacingOccurrences(of: "max_duration: 8h", with: "max_duration: \(bad)"))
            let problem = report.problem(line: 11, "which is not a duration")
            #expect(problem != nil, "\(bad): \(report.listing)")
            #expect(problem?.hint?.contains("4h") == true)
        }
    }

    @Test func questionKindsFollowListsAndTheDurationPolicy() throws {
        let type = try #require(try catalog(Sample.all).requestType("github-admin"))
        #expect(type.questions.map(\.kind) == [.text, .duration("durations")])
        #expect(type.questions.first?.required == true)
        // Without the access_duration policy, a question with a list is a choice.
        let choice = try catalog(Sample.all.replacingOccurrences(of: "    access_duration: { from_question: duration }\n", with: ""))
        #expect(choice.requestType("github-admin")?.questions.last?.kind == .choice("durations"))
        #expect(choice.requestType("github-admin")?.accessDuration == .permanent)
    }

    @Test func explicitQuestionTypesAreHonoured() throws {
        let yaml = Sample.all.replacingOccurrences(
            of: "      - { id: reason, text: \"Why?\", required: true }\n",
            with:
                "      - { id: reason, text: \"Why?\", required: true, type: text }\n      - { id: env, text: \"Where?\", type: duration }\n"
        )
        .replacingOccurrences(of: "from_question: duration", with: "from_question: env")
        let type = try #require(try catalog(yaml).requestType("github-admin"))
        #expect(type.questions.map(\.kind) == [.text, .duration(nil), .choice("durations")])
    }

    @Test func questionTypeMistakesAreErrors() {
        let typo = inspect(Sample.all.replacingOccurrences(of: "list: durations }", with: "list: durations, type: choise }"))
        #expect(typo.problem("is 'choise', which is not one of text, choice, duration (did you mean 'choice'?)") != nil, "\(typo.listing)")
        let textWithList = inspect(Sample.all.replacingOccurrences(of: "list: durations }", with: "list: durations, type: text }"))
        #expect(textWithList.problem("is a text question but names list 'durations'") != nil)
        #expect(
            textWithList.problem("is a text question, but 'access_duration' of request type 'github-admin' reads a duration from it") != nil
        )
        let choiceWithoutList = inspect(Sample.all.replacingOccurrences(of: "required: true }", with: "required: true, type: choice }"))
        #expect(choiceWithoutList.problem("question 'reason' of request type 'github-admin' is a choice but names no list") != nil)
    }

    @Test func optionsOfADurationListMustBeDurations() throws {
        let report = inspect(Sample.all.replacingOccurrences(of: "options: [1h, 4h, 8h]", with: "options: [1h, a day, 8h]"))
        let problem = try #require(report.problem("option 'a day' of configuration list 'durations' is not a duration"))
        #expect(problem.line == 17)
        // The same options are fine for a choice question.
        let choice = inspect(
            Sample.all.replacingOccurrences(of: "options: [1h, 4h, 8h]", with: "options: [1h, a day, 8h]")
                .replacingOccurrences(of: "    access_duration: { from_question: duration }\n", with: ""))
        #expect(choice.errors.isEmpty, "\(choice.listing)")
    }

    @Test func anExplicitDurationQuestionChecksItsListOnce() {
        let second = """
              - id: other
                team: it-ops
                resources: [github-admins]
                questions: [{ id: length, text: "How long?", list: durations, type: duration }]
                approvals: [{ approver: manager }]

            """
        let yaml = Sample.all.replacingOccurrences(of: "options: [1h, 4h, 8h]", with: "options: [1h, later]") + second
        let report = inspect(yaml)
        let problems = report.problems.filter { $0.message.contains("option 'later'") }
        #expect(problems.count == 1, "\(report.listing)")
    }

    @Test(arguments: [
        ("access_duration: none", AccessDurationPolicy.permanent),
        ("access_duration: { fixed: 4h }", .fixed(.hours(4))),
        ("access_duration: { from_question: duration }", .fromQuestion("duration")),
    ])
    func accessDurationPolicies(written: String, expected: AccessDurationPolicy) throws {
        let yaml = Sample.all.replacingOccurrences(of: "access_duration: { from_question: duration }", with: written)
        #expect(try catalog(yaml).requestType("github-admin")?.accessDuration == expected)
    }

    @Test(arguments: [
        ("access_duration: forever", "should be none, { fixed: ... } or { from_question: ... }"),
        ("access_duration: { fixed: 4h, from_question: duration }", "has both 'fixed' and 'from_question'"),
        ("access_duration: { fixed: soon }", "is 'soon', which is not a duration"),
        ("access_duration: {}", "'access_duration' of request type 'github-admin' is empty"),
        ("access_duration: { fixed: }", "'fixed' of 'access_duration' of request type 'github-admin' has no value"),
    ])
    func badAccessDurations(written: String, message: String) {
        let report = inspect(Sample.all.replacingOccurrences(of: "access_duration: { from_question: duration }", with: written))
        #expect(report.problem(message) != nil, "\(report.listing)")
    }

    @Test func aFixedDurationLongerThanTheResourceMaximumWarns() {
        let report = inspect(
            Sample.all.replacingOccurrences(of: "access_duration: { from_question: duration }", with: "access_duration: { fixed: 2d }"))
        #expect(report.problem("is longer than max_duration 8h of resource 'github-admins'")?.severity == .warning, "\(report.listing)")
    }

    @Test func escalationTimingsAreReadAndMustIncrease() throws {
        let good = Sample.all + "    escalation: { remind_after: 4h, escalate_after: 1d, expire_after: 3d }\n"
        #expect(
            try catalog(good).requestType("github-admin")?.escalation
                == EscalationPolicy(remindAfter: .hours(4), escalateAfter: .days(1), expireAfter: .days(3)))
        let partial = Sample.all + "    escalation: { expire_after: 2d }\n"
        #expect(try catalog(partial).requestType("github-admin")?.escalation == EscalationPolicy(expireAfter: .days(2)))

        let report = inspect(Sample.all + "    escalation: { remind_after: 4h, escalate_after: 2h, expire_after: 3h }\n")
        #expect(
            report.problem("'escalate_after' of 'escalation' of request type 'github-admin' (2h) is not after remind_after (4h)") != nil)
        #expect(report.problem("(3h) is not after remind_after (4h)") != nil, "\(report.listing)")
        let equal = inspect(Sample.all + "    escalation: { remind_after: 1d, expire_after: 24h }\n")
        #expect(equal.problem("(1d) is not after remind_after (1d)") != nil, "\(equal.listing)")
    }

    @Test func emptyResourcesAndApprovalsOfARequestType() {
        let noResources = inspect(Sample.all.replacingOccurrences(of: "resources: [github-admins]", with: "resources: []"))
        #expect(noResources.problem("request type 'github-admin' offers no resources")?.severity == .error)
        let approvals = "    approvals:\n      - { approver: manager }\n      - { approver: team, team: it-ops, count: 2 }\n"
        let noApprovals = inspect(Sample.all.replacingOccurrences(of: approvals, with: "    approvals: []\n"))
        #expect(noApprovals.problem("has no approval steps: its requests are granted at once")?.severity == .warning)
        #expect(noApprovals.catalog?.requestType("github-admin")?.approvals == [])
    }

    @Test func emptyTeamsAndListsAreErrors() {
        let report = inspect(
            Sample.all.replacingOccurrences(of: "members: [carol@example.com, dave@example.com]", with: "members: []")
                .replacingOccurrences(of: "options: [1h, 4h, 8h]", with: "options: []"))
        #expect(report.problem("team 'it-ops' has no members") != nil, "\(report.listing)")
        #expect(report.problem("configuration list 'durations' has no options") != nil)
    }
}
