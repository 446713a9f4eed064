import AccessCore
import Yams

/// `resources:` and their `grant:`.
extension ConfigParser {
    static let grantHint = "write grant: { okta_group: <group id> }, grant: { okta_app: <app id> } or grant: manual"

    mutating func parseResource(_ node: Node, _ index: Int) -> ResourceDraft? {
        let context = elementContext(node, kind: "resource", index: index)
        guard
            let fields = fields(
                of: node, context: context, allowed: ["id", "name", "grant", "owners", "max_duration"],
                required: [("id", "write id: github-admins"), ("grant", Self.grantHint)]),
            let id: Located<ResourceID> = fields["id"].flatMap({ identifier($0, what: fields.what("id")) })
        else { return nil }
        return ResourceDraft(
            id: id,
            name: fields["name"].flatMap { text($0, what: fields.what("name")) } ?? id.value.rawValue,
            grant: fields["grant"].flatMap { grant($0, context: fields.what("grant")) },
            owners: fields["owners"].map { people($0, what: fields.what("owners")) } ?? [],
            maxDuration: fields["max_duration"].flatMap { duration($0, what: fields.what("max_duration"))?.value })
    }

    /// Exactly one of `{ okta_group: ID }`, `{ okta_app: ID }`, `manual` or `{ manual: true }`.
    private mutating func grant(_ node: Node, context: String) -> GrantMethod? {
        let kinds = ["okta_group", "okta_app", "manual"]
        if case .scalar(let scalar) = node {
            if scalar.string == "manual" { return .manual }
            var message = "\(context) is '\(scalar.string)', which is not a grant method"
            if let guess = Suggestions.closest(to: scalar.string, among: kinds.map { ($0, $0) }, limit: 1).first {
                message += " (did you mean '\(guess)'?)"
            }
            error(message, at: Place(node), hint: Self.grantHint)
            return nil
        }
        guard let fields = fields(of: node, context: context, allowed: kinds) else { return nil }
        let written = kinds.filter(fields.has)
        guard written.count == 1, let kind = written.first else {
            let message =
                written.isEmpty
                ? "\(context) names no grant method"
                : "\(context) names \(written.count) grant methods (\(written.joined(separator: ", "))); a resource has exactly one"
            error(message, at: fields.place, hint: Self.grantHint)
            return nil
        }
        guard let value = fields[kind] else {
            error("\(fields.what(kind)) has no value", at: fields.keyPlace(kind), hint: Self.grantHint)
            return nil
        }
        switch kind {
        case "okta_group": return text(value, what: fields.what(kind)).map(GrantMethod.oktaGroup)
        case "okta_app": return text(value, what: fields.what(kind)).map(GrantMethod.oktaApp)
        default:
            guard let manual = boolean(value, what: fields.what(kind)) else { return nil }
            guard manual else {
                error("\(fields.what(kind)) is false, so the resource has no grant method", at: Place(value), hint: Self.grantHint)
                return nil
            }
            return .manual
        }
    }
}
