import Foundation

/// A verified `POST /slack/events` body (protocols.md §1.4).
public enum SlackEventEnvelope: Hashable, Sendable {
    /// The Request URL handshake: answer 200 with the challenge.
    case urlVerification(challenge: String)
    /// An event delivery: acknowledge, deduplicate on `eventID`, then act.
    case callback(SlackEventCallback)
    /// Any other outer type (`app_rate_limited`, ...): acknowledge and ignore.
    case ignored(type: String)

    /// Decodes a verified JSON body.
    public static func decode(jsonBody body: [UInt8]) throws(SlackPayloadError) -> SlackEventEnvelope {
        let wire: EventWire
        do {
            wire = try JSONDecoder().decode(EventWire.self, from: Data(body))
        } catch {
            throw .invalidJSON
        }
        switch wire.type {
        case "url_verification":
            guard let challenge = wire.challenge, !challenge.isEmpty else { throw .missingField("challenge") }
            return .urlVerification(challenge: challenge)
        case "event_callback":
            guard let eventID = wire.eventID, !eventID.isEmpty else { throw .missingField("event_id") }
            guard let event = wire.event else { throw .missingField("event") }
            return .callback(
                SlackEventCallback(eventID: eventID, teamID: wire.teamID, apiAppID: wire.apiAppID, event: event.event))
        default:
            return .ignored(type: String(wire.type.prefix(64)))
        }
    }
}

/// One event delivery.
public struct SlackEventCallback: Hashable, Sendable {
    /// Unique per delivery; Slack's retries repeat it. Deduplicate on `teamID` + `eventID`.
    public var eventID: String
    public var teamID: String?
    public var apiAppID: String?
    public var event: SlackEvent

    public init(eventID: String, teamID: String?, apiAppID: String?, event: SlackEvent) {
        self.eventID = eventID
        self.teamID = teamID
        self.apiAppID = apiAppID
        self.event = event
    }

    /// The key for `ChatStore.firstSighting(of:)`.
    public var deduplicationKey: String { "slack-event:\(teamID ?? "-"):\(eventID)" }
}

/// The inner events this server acts on.
public enum SlackEvent: Hashable, Sendable {
    /// A person opened the app: publish their Home tab when `tab == .home`.
    case appHomeOpened(userID: String, tab: HomeTab)
    /// The app was removed from the workspace.
    case appUninstalled
    /// Tokens were revoked.
    case tokensRevoked
    /// Any other event type: acknowledged and ignored.
    case other(type: String)

    /// The tab of the app a person opened.
    public enum HomeTab: String, Hashable, Sendable {
        case home
        case messages
        case about
        case unknown
    }
}

private struct EventWire: Decodable {
    var type: String
    var challenge: String?
    var eventID: String?
    var teamID: String?
    var apiAppID: String?
    var event: Inner?

    enum CodingKeys: String, CodingKey {
        case type, challenge, event
        case eventID = "event_id"
        case teamID = "team_id"
        case apiAppID = "api_app_id"
    }

    struct Inner: Decodable {
        var type: String
        var user: String?
        var tab: String?

        enum CodingKeys: String, CodingKey {
            case type, user, tab
        }

        // Other event types use `user` for an object (`user_change`): read it leniently so
        // an event we ignore never fails the whole delivery.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(String.self, forKey: .type)
            user = try? container.decodeIfPresent(String.self, forKey: .user)
            tab = try? container.decodeIfPresent(String.self, forKey: .tab)
        }

        var event: SlackEvent {
            switch type {
            case "app_home_opened":
                guard let user, !user.isEmpty else { return .other(type: type) }
                return .appHomeOpened(userID: user, tab: tab.flatMap(SlackEvent.HomeTab.init(rawValue:)) ?? .unknown)
            case "app_uninstalled": return .appUninstalled
            case "tokens_revoked": return .tokensRevoked
            default: return .other(type: String(type.prefix(64)))
            }
        }
    }
}
