import Foundation

/// An inbound Bot Framework activity, as much of it as AccessBot reads (protocols.md §2.3).
/// Decoded only after the token was validated.
public struct TeamsActivity: Decodable, Sendable {
    public struct Account: Decodable, Sendable, Hashable {
        public var id: String
        public var name: String?
        public var aadObjectId: String?
    }

    public struct Conversation: Decodable, Sendable, Hashable {
        public var id: String
        public var conversationType: String?
        public var tenantId: String?
        public var isGroup: Bool?
    }

    public struct Entity: Decodable, Sendable {
        public var type: String?
        public var text: String?
        public var mentioned: Account?
    }

    public struct ChannelData: Decodable, Sendable {
        public struct Ref: Decodable, Sendable {
            public var id: String?
            public var name: String?
        }
        public var tenant: Ref?
        public var team: Ref?
        public var channel: Ref?
        public var eventType: String?
    }

    public var type: String
    public var id: String?
    public var serviceUrl: String
    public var channelId: String?
    public var from: Account?
    public var recipient: Account?
    public var conversation: Conversation
    public var text: String?
    public var entities: [Entity]?
    public var value: TeamsValue?
    public var name: String?
    public var replyToId: String?
    public var channelData: ChannelData?
    public var membersAdded: [Account]?
    /// `installationUpdate`: `add` or `remove`.
    public var action: String?

    /// The tenant, from the conversation or the channel data.
    public var tenantID: String? { conversation.tenantId ?? channelData?.tenant?.id }

    /// Decodes an activity body; nil when it is not one (the caller answers 400).
    public static func decode(_ body: [UInt8]) -> TeamsActivity? {
        try? JSONDecoder().decode(TeamsActivity.self, from: Data(body))
    }
}

/// The two fields the token check binds to, read before the token is validated and before
/// anything acts on the body: `channelId` (endorsements) and `serviceUrl` (the `serviceurl` claim).
public struct TeamsActivityBinding: Decodable, Sendable {
    public var channelId: String?
    public var serviceUrl: String?

    /// Nil when the body is not a JSON object.
    public static func read(_ body: [UInt8]) -> TeamsActivityBinding? {
        try? JSONDecoder().decode(TeamsActivityBinding.self, from: Data(body))
    }
}
