import AccessCore
import Yams

/// `settings:` and the static directory `users:`.
extension ConfigParser {
    mutating func parseSettings(_ node: Node) {
        guard let fields = fields(of: node, context: "settings", allowed: ["escalation_channel"]) else { return }
        if let channel = fields["escalation_channel"] {
            draft.escalationChannel = self.channel(channel, context: "'escalation_channel' of settings")
        }
    }

    /// `- { email: alice@example.com, manager: bob@example.com, name: Alice, active: true }`, or just an email.
    mutating func parseUser(_ node: Node, _ index: Int) -> UserDraft? {
        if case .scalar = node {
            return person(node, what: "user #\(index)").map { UserDraft(id: $0, displayName: nil, manager: nil, active: true) }
        }
        let context = elementContext(node, kind: "user", index: index, idKey: "email")
        guard
            let fields = fields(
                of: node, context: context, allowed: ["email", "name", "manager", "active"],
                required: [("email", "write email: alice@example.com")]),
            let id = fields["email"].flatMap({ person($0, what: fields.what("email")) })
        else { return nil }
        let name = fields["name"].flatMap { text($0, what: fields.what("name")) }
        let manager = fields["manager"].flatMap { person($0, what: fields.what("manager")) }
        let active = fields["active"].flatMap { boolean($0, what: fields.what("active")) } ?? true
        return UserDraft(id: id, displayName: name, manager: manager, active: active)
    }
}
