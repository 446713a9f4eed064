import AccessCore
import Yams

/// `teams:` and `configuration_lists:`.
extension ConfigParser {
    mutating func parseTeam(_ node: Node, _ index: Int) -> TeamDraft? {
        let context = elementContext(node, kind: "team", index: index)
        guard
            let fields = fields(
                of: node, context: context, allowed: ["id", "name", "members", "channel"],
                required: [("id", "write id: it-ops"), ("members", "write members: [carol@example.com, dave@example.com]")]),
            let id: Located<TeamID> = fields["id"].flatMap({ identifier($0, what: fields.what("id")) })
        else { return nil }
        let members = fields["members"].map { people($0, what: fields.what("members")) } ?? []
        if let node = fields["members"], case .sequence(let items) = node, items.isEmpty {
            error(
                "team '\(id.value)' has no members", at: Place(node), hint: "a team approves and manages requests: list at least one person"
            )
        }
        return TeamDraft(
            id: id,
            name: fields["name"].flatMap { text($0, what: fields.what("name")) } ?? id.value.rawValue,
            members: members,
            channel: fields["channel"].flatMap { channel($0, context: fields.what("channel")) })
    }

    mutating func parseConfigurationList(_ node: Node, _ index: Int) -> ListDraft? {
        let context = elementContext(node, kind: "configuration list", index: index)
        guard
            let fields = fields(
                of: node, context: context, allowed: ["id", "options"],
                required: [("id", "write id: durations"), ("options", "write options: [1h, 4h, 8h]")]),
            let id: Located<ListID> = fields["id"].flatMap({ identifier($0, what: fields.what("id")) })
        else { return nil }
        var options: [Located<String>] = []
        if let node = fields["options"], let items = sequence(node, what: fields.what("options"), example: "options: [1h, 4h, 8h]") {
            if items.isEmpty { error("configuration list '\(id.value)' has no options", at: Place(node)) }
            var seen = Set<String>()
            for item in items {
                guard let option = text(item, what: "an option of configuration list '\(id.value)'") else { continue }
                if !seen.insert(option).inserted {
                    warning("option '\(option)' appears twice in configuration list '\(id.value)'", at: Place(item))
                }
                options.append(Located(value: option, place: Place(item)))
            }
        }
        return ListDraft(id: id, options: options)
    }
}
