import AccessConfig

/// A config with many mistakes, one or two per line, and the problems `check-config` must report for
/// it: (line, severity, a piece of the message). Line numbers are those of `yaml`.
enum BrokenConfig {
    static let yaml = """
        settings:
          escalation_channel: { slak: C0ADMINS }
        users:
          - { email: Alice@Example.com, manager: bob@example.com }
          - { email: carol@example.com }
        resources:
          - id: github-admins
            grant: { okta_group: 00g1, okta_app: 0oa1 }
            max_duration: 8 hours please
          - id: github-admins
            grant: manual
        teams:
          - id: it-ops
            members: carol@example.com
          - id: security
            members: [alice@example.com, carol@example.com]
        configuration_lists:
          - id: durations
            options: [1h, forever]
        request_types:
          - id: github-admin
            team: it-opps
            resources: [github-admins, gitlab-admins]
            questions:
              - { id: duration, text: "How long?", list: durations }
            aprovals:
              - { approver: manager }
            access_duration: { from_question: duration }
          - id: prod-db
            team: security
            resources: []
            approvals:
              - { approver: team, team: security, count: 3 }
              - { approver: user }
              - { approver: manger }
            escalation: { remind_after: 1d, expire_after: 4h }
            access_duration: { from_question: duraton }

        """

    static let expected: [(line: Int, severity: ConfigProblem.Severity, text: String)] = [
        (2, .error, "unknown key 'slak' in 'escalation_channel' of settings (did you mean 'slack'?)"),
        (2, .error, "'escalation_channel' of settings names no channel"),
        (4, .warning, "manager 'bob@example.com' of user 'alice@example.com' is not in users"),
        (8, .error, "'grant' of resource 'github-admins' names 2 grant methods"),
        (9, .error, "'max_duration' of resource 'github-admins' is '8 hours please', which is not a duration"),
        (10, .error, "duplicate resource id 'github-admins'"),
        (14, .error, "'members' of team 'it-ops' should be a list"),
        (19, .error, "option 'forever' of configuration list 'durations' is not a duration"),
        (21, .error, "missing required key 'approvals' in request type 'github-admin'"),
        (22, .error, "names team 'it-opps', which is not defined (did you mean 'it-ops'?)"),
        (23, .error, "names resource 'gitlab-admins', which is not defined"),
        (26, .error, "unknown key 'aprovals' in request type 'github-admin' (did you mean 'approvals'?)"),
        (31, .error, "request type 'prod-db' offers no resources"),
        (33, .error, "needs 3 approvals, but team 'security' has only 2 members"),
        (34, .error, "approval step 2 of request type 'prod-db' is a user step but names nobody"),
        (35, .error, "is 'manger', which is not one of manager, user, team, resource_owner (did you mean 'manager'?)"),
        (36, .error, "'expire_after' of 'escalation' of request type 'prod-db' (4h) is not after remind_after (1d)"),
        (37, .error, "names question 'duraton', which is not defined"),
    ]
}
