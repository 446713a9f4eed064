/// An Adaptive Card (schema 1.5), as Teams shows it in a message or an invoke answer
/// (protocols.md §2.4). Encodes `type`, `version` and `$schema` itself; `actions` is
/// left out when empty (AccessBot puts its buttons in an `ActionSet` so they can carry
/// a fallback).
public struct AdaptiveCard: Codable, Hashable, Sendable {
    /// The schema version AccessBot declares: `Action.Execute` needs 1.4, Teams' docs ask for 1.5.
    public static let currentVersion = "1.5"
    /// The `$schema` URL.
    public static let schema = "http://adaptivecards.io/schemas/adaptive-card.json"

    /// The elements, top to bottom.
    public var body: [CardElement]
    /// Buttons at the bottom of the card.
    public var actions: [CardAction]
    /// The declared schema version (`1.5` for every card rendered here).
    public var version: String

    /// A card of the current version.
    public init(body: [CardElement], actions: [CardAction] = [], version: String = AdaptiveCard.currentVersion) {
        self.body = body
        self.actions = actions
        self.version = version
    }

    private enum CodingKeys: String, CodingKey {
        case type, version, body, actions
        case schema = "$schema"
    }

    /// Decodes a card; fails when `type` is not `AdaptiveCard`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        guard type == "AdaptiveCard" else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "not an AdaptiveCard: \(type)")
        }
        version = try container.decodeIfPresent(String.self, forKey: .version) ?? Self.currentVersion
        body = try container.decodeIfPresent([CardElement].self, forKey: .body) ?? []
        actions = try container.decodeIfPresent([CardAction].self, forKey: .actions) ?? []
    }

    /// Encodes the card with its `type`, `version` and `$schema`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("AdaptiveCard", forKey: .type)
        try container.encode(version, forKey: .version)
        try container.encode(Self.schema, forKey: .schema)
        try container.encode(body, forKey: .body)
        if !actions.isEmpty { try container.encode(actions, forKey: .actions) }
    }

    /// The card as compact JSON (what Teams receives), e.g. to check its size.
    public var jsonBytes: [UInt8] { CardJSON.encode(self) }
}
