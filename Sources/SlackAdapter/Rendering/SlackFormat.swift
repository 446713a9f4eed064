import AccessCore
import Foundation

/// Core values in Slack words, shared by the renderers.
struct SlackFormat {
    let catalog: Catalog
    let mentions: SlackMentions

    /// `<@U123>`, else the display name or email, escaped.
    func person(_ user: UserID) -> Mrkdwn {
        if let id = mentions.slackID(of: user) { return .markup("<@\(id)>") }
        return .text(plainName(user), max: 120)
    }

    /// A name without markup, for plain text and fallback text.
    func plainName(_ user: UserID) -> String {
        catalog.user(user)?.displayName.flatMap { $0.isEmpty ? nil : $0 } ?? user.rawValue
    }

    /// `a, b and 3 more`.
    func people(_ users: [UserID], limit: Int = 8) -> Mrkdwn {
        guard !users.isEmpty else { return "nobody" }
        var parts = users.prefix(limit).map(person)
        if users.count > limit { parts.append(.markup("\(users.count - limit) more")) }
        return Mrkdwn.joined(parts, separator: ", ")
    }

    func actor(_ actor: Actor) -> Mrkdwn {
        switch actor {
        case .user(let user): person(user)
        case .admin(let name): "an admin (" + .text(name, max: 80) + ")"
        case .system: "AccessBot"
        }
    }

    func resourceName(_ id: ResourceID) -> String { catalog.resource(id)?.name ?? id.rawValue }

    /// `*GitHub admins*, *Prod DB*`.
    func resources(_ ids: [ResourceID]) -> Mrkdwn {
        let shown = ids.prefix(10).map { "*" + Mrkdwn.text(resourceName($0), max: 150) + "*" }
        var text = Mrkdwn.joined(Array(shown), separator: ", ")
        if ids.count > 10 { text.appendMarkup(" and \(ids.count - 10) more") }
        return text
    }

    func plainResources(_ ids: [ResourceID]) -> String { ids.map(resourceName).joined(separator: ", ") }

    func typeName(_ request: AccessRequest) -> String {
        catalog.requestType(request.requestType)?.name ?? request.requestType.rawValue
    }

    func question(_ id: QuestionID, of request: AccessRequest) -> String {
        catalog.requestType(request.requestType)?.questions.first { $0.id == id }?.text ?? id.rawValue
    }

    /// Who a step asks: `manager`, `<@U1>`, `team *IT ops*`, `resource owners`.
    func rule(_ rule: ApproverRule) -> Mrkdwn {
        switch rule {
        case .manager: "manager"
        case .user(let user): person(user)
        case .team(let id): "team *" + Mrkdwn.text(catalog.team(id)?.name ?? id.rawValue, max: 100) + "*"
        case .resourceOwner: "resource owners"
        }
    }

    /// When the request times out if nobody decides, from its request type.
    func timesOut(_ request: AccessRequest) -> Date? { catalog.timeout(of: request) }

    /// A date Slack shows in each reader's time zone, with a UTC fallback.
    static func date(_ date: Date) -> Mrkdwn {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return .markup("<!date^\(seconds)^{date_short_pretty} {time}|\(utc(date))>")
    }

    /// `2026-07-01 10:02 UTC`.
    static func utc(_ date: Date) -> String { ChatWording.utc(date) }

    /// `4h`, or `permanent`.
    static func duration(_ span: TimeSpan?) -> String { ChatWording.duration(span) }

    /// A rough age: `2d 3h`, `5h 10m`, `12m`.
    static func age(from start: Date, to end: Date) -> String { ChatWording.age(from: start, to: end) }
}
