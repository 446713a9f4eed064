import AccessCore
import Foundation

/// Core values in Teams words (escaped markdown), shared by the renderers. People are shown
/// by their directory id (email): Teams mentions need ids this layer does not have.
struct TeamsFormat {
    let catalog: Catalog

    /// `alice@example.com`, escaped.
    func person(_ user: UserID) -> String { TeamsMarkdown.escape(user.rawValue, max: TeamsLimits.name) }

    /// `a, b and 3 more`.
    func people(_ users: [UserID], limit: Int = 8) -> String {
        guard !users.isEmpty else { return "nobody" }
        var parts = users.prefix(limit).map(person)
        if users.count > limit { parts.append("\(users.count - limit) more") }
        return parts.joined(separator: ", ")
    }

    func actor(_ actor: Actor) -> String {
        switch actor {
        case .user(let user): person(user)
        case .admin(let name): "an admin (" + TeamsMarkdown.escape(name, max: 80) + ")"
        case .system: "AccessBot"
        }
    }

    func resourceName(_ id: ResourceID) -> String { catalog.resource(id)?.name ?? id.rawValue }

    /// `**GitHub admins**, **Prod DB**`, at most ten.
    func resources(_ ids: [ResourceID]) -> String {
        var text = ids.prefix(10).map { "**" + TeamsMarkdown.escape(resourceName($0), max: TeamsLimits.name) + "**" }
            .joined(separator: ", ")
        if ids.count > 10 { text += " and \(ids.count - 10) more" }
        return text
    }

    /// `GitHub admins, Prod DB`, unescaped, for plain-text places.
    func plainResources(_ ids: [ResourceID]) -> String { ids.map(resourceName).joined(separator: ", ") }

    func typeName(_ id: RequestTypeID) -> String { catalog.requestType(id)?.name ?? id.rawValue }

    func question(_ id: QuestionID, of request: AccessRequest) -> String {
        catalog.requestType(request.requestType)?.questions.first { $0.id == id }?.text ?? id.rawValue
    }

    /// Who a step asks: `manager`, `bob@example.com`, `team **IT ops**`, `resource owners`.
    func rule(_ rule: ApproverRule) -> String {
        switch rule {
        case .manager: "manager"
        case .user(let user): person(user)
        case .team(let id): "team **" + TeamsMarkdown.escape(catalog.team(id)?.name ?? id.rawValue, max: TeamsLimits.name) + "**"
        case .resourceOwner: "resource owners"
        }
    }

    /// When the request times out if nobody decides, from its request type.
    func timesOut(_ request: AccessRequest) -> Date? { catalog.timeout(of: request) }

    /// `2026-07-01 10:02 UTC`: Teams has no reader-local date markup in cards AccessBot can rely on.
    static func utc(_ date: Date) -> String { ChatWording.utc(date) }

    /// `4h`, or `permanent`.
    static func duration(_ span: TimeSpan?) -> String { ChatWording.duration(span) }

    /// A rough age: `2d 3h`, `5h 10m`, `12m`.
    static func age(from start: Date, to end: Date) -> String { ChatWording.age(from: start, to: end) }

    /// A status in words.
    static func statusWord(_ status: RequestStatus) -> String { ChatWording.statusWord(status) }
}
