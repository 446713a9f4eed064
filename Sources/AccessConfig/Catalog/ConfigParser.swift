import AccessCore
import Yams

/// Reads one config file into drafts, collecting every problem instead of stopping at the first,
/// then checks references between sections. `build()` turns clean drafts into a `Catalog`.
struct ConfigParser {
    static let sections = ["settings", "users", "resources", "teams", "configuration_lists", "request_types"]

    let file: String
    /// When true, a `manager` step needs no static `users:` list (Okta answers manager look-ups).
    let oktaConfigured: Bool
    private(set) var problems: [ConfigProblem] = []
    var draft = CatalogDraft()
    /// Configuration lists whose options were already checked as durations.
    var durationListsChecked = Set<ListID>()

    init(file: String, oktaConfigured: Bool) {
        self.file = file
        self.oktaConfigured = oktaConfigured
    }

    var hasErrors: Bool { problems.contains(where: \.isError) }

    mutating func error(_ message: String, at place: Place, hint: String? = nil) {
        problems.append(ConfigProblem(file: file, line: place.line, column: place.column, severity: .error, message: message, hint: hint))
    }

    mutating func warning(_ message: String, at place: Place, hint: String? = nil) {
        problems.append(ConfigProblem(file: file, line: place.line, column: place.column, severity: .warning, message: message, hint: hint))
    }

    /// Parses the whole document, then cross-checks it.
    mutating func parse(yaml: String) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            reportSyntaxError(error)
            return
        }
        guard let root, !root.isNull else {
            self.error(
                "the config file is empty", at: .wholeFile,
                hint: "a config needs at least the sections resources, teams and request_types; see config/accessbot.yaml")
            return
        }
        guard let top = fields(of: root, context: "the config file", allowed: Self.sections) else { return }

        if let node = top["settings"] { parseSettings(node) }
        if let node = top["users"] { draft.users = parseItems(node, section: "users") { $0.parseUser($1, $2) } }
        draft.resources = parseSection(top, "resources") { $0.parseResource($1, $2) }
        draft.teams = parseSection(top, "teams") { $0.parseTeam($1, $2) }
        if let node = top["configuration_lists"] {
            draft.lists = parseItems(node, section: "configuration_lists") { $0.parseConfigurationList($1, $2) }
        }
        draft.requestTypes = parseSection(top, "request_types") { $0.parseRequestType($1, $2) }

        checkDuplicates(draft.users.map(\.id), kind: "user", plural: "users")
        checkDuplicates(draft.resources.map(\.id), kind: "resource id", plural: "resources")
        checkDuplicates(draft.teams.map(\.id), kind: "team id", plural: "teams")
        checkDuplicates(draft.lists.map(\.id), kind: "configuration list id", plural: "configuration lists")
        checkDuplicates(draft.requestTypes.map(\.id), kind: "request type id", plural: "request types")
        checkReferences()
    }

    /// A required section: missing or empty is an error.
    private mutating func parseSection<Draft>(
        _ top: Fields, _ section: String, parse: (inout ConfigParser, Node, Int) -> Draft?
    ) -> [Draft] {
        guard top.has(section) else {
            error(
                "missing section '\(section)'", at: top.place,
                hint: "add a top-level '\(section):' list; see config/accessbot.yaml for an example")
            return []
        }
        guard let node = top[section] else {
            error("section '\(section)' is empty", at: top.keyPlace(section), hint: "list at least one entry under '\(section):'")
            return []
        }
        let drafts = parseItems(node, section: section, parse: parse)
        if drafts.isEmpty, case .sequence(let items) = node, items.isEmpty {
            error("section '\(section)' is empty", at: Place(node), hint: "list at least one entry under '\(section):'")
        }
        return drafts
    }

    /// Each element of a section's list, parsed; elements too broken to name are dropped (their problems are kept).
    private mutating func parseItems<Draft>(
        _ node: Node, section: String, parse: (inout ConfigParser, Node, Int) -> Draft?
    ) -> [Draft] {
        guard let items = sequence(node, what: "section '\(section)'", example: "one '- ' entry per line under '\(section):'") else {
            return []
        }
        var drafts: [Draft] = []
        for (index, item) in items.enumerated() {
            if let draft = parse(&self, item, index + 1) { drafts.append(draft) }
        }
        return drafts
    }

    /// Reports every repeat of an id after its first definition.
    mutating func checkDuplicates<ID: Hashable & CustomStringConvertible>(_ ids: [Located<ID>], kind: String, plural: String) {
        var first: [ID: Place] = [:]
        for id in ids {
            if let earlier = first[id.value] {
                error(
                    "duplicate \(kind) '\(id.value)'", at: id.place,
                    hint: "first defined at line \(earlier.line); \(plural) must be unique")
            } else {
                first[id.value] = id.place
            }
        }
    }
}
