import AccessConfig
import Foundation

/// Paths in the repository, found from this file's location.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Checks YAML text as `test.yaml`.
func inspect(_ yaml: String, oktaConfigured: Bool = false) -> ConfigReport {
    ConfigLoader(oktaConfigured: oktaConfigured).inspect(yaml: yaml, file: "test.yaml")
}

extension ConfigReport {
    /// The first problem at `line` whose message contains `text`.
    func problem(line: Int, _ text: String) -> ConfigProblem? {
        problems.first { $0.line == line && $0.message.contains(text) }
    }

    /// Any problem whose message contains `text`.
    func problem(_ text: String) -> ConfigProblem? {
        problems.first { $0.message.contains(text) }
    }

    /// Every problem, one per line, for failure messages.
    var listing: String { problems.map(\.descriptionWithHint).joined(separator: "\n") }
}

/// A small config with no problems; tests change one thing at a time.
enum Sample {
    static let users = """
        users:
          - { email: alice@example.com, manager: bob@example.com }
          - { email: bob@example.com }
          - { email: carol@example.com }
          - { email: dave@example.com }

        """

    static let resources = """
        resources:
          - id: github-admins
            name: GitHub admins
            grant: { okta_group: 00g1 }
            owners: [carol@example.com]
            max_duration: 8h

        """

    static let teams = """
        teams:
          - id: it-ops
            members: [carol@example.com, dave@example.com]

        """

    static let lists = """
        configuration_lists:
          - id: durations
            options: [1h, 4h, 8h]

        """

    static let requestTypes = """
        request_types:
          - id: github-admin
            team: it-ops
            resources: [github-admins]
            questions:
              - { id: reason, text: "Why?", required: true }
              - { id: duration, text: "How long?", list: durations }
            approvals:
              - { approver: manager }
              - { approver: team, team: it-ops, count: 2 }
            access_duration: { from_question: duration }

        """

    static var all: String { users + resources + teams + lists + requestTypes }

    /// The sample with one request type replaced.
    static func with(requestTypes: String) -> String { users + resources + teams + lists + requestTypes }
}
