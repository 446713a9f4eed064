import Foundation

/// A posted copy of a card, so later updates can find it.
public struct CardCopy: Hashable, Sendable, Codable {
    public var requestID: RequestID
    public var platform: Origin.Platform
    /// Slack channel id or Teams conversation id.
    public var conversation: String
    /// Slack message `ts` or Teams activity id.
    public var messageID: String
    /// Teams service URL (nil for Slack).
    public var serviceURL: String?

    public init(requestID: RequestID, platform: Origin.Platform, conversation: String, messageID: String, serviceURL: String? = nil) {
        self.requestID = requestID
        self.platform = platform
        self.conversation = conversation
        self.messageID = messageID
        self.serviceURL = serviceURL
    }
}

/// What the bot needs to reach a person proactively on a platform.
public struct ConversationReference: Hashable, Sendable, Codable {
    public var platform: Origin.Platform
    /// The platform's user id (Slack `U…`, Teams `29:…`).
    public var platformUserID: String
    public var user: UserID?
    public var conversation: String
    public var serviceURL: String?
    public var tenantID: String?

    public init(
        platform: Origin.Platform, platformUserID: String, user: UserID?, conversation: String, serviceURL: String? = nil,
        tenantID: String? = nil
    ) {
        self.platform = platform
        self.platformUserID = platformUserID
        self.user = user
        self.conversation = conversation
        self.serviceURL = serviceURL
        self.tenantID = tenantID
    }
}

/// Chat-side bookkeeping: card copies, conversation references, the identity cache,
/// and idempotency keys for platform retries.
public protocol ChatStore: Sendable {
    func recordCardCopy(_ copy: CardCopy) async throws
    func cardCopies(of request: RequestID) async throws -> [CardCopy]
    func saveConversation(_ reference: ConversationReference) async throws
    func conversation(platform: Origin.Platform, user: UserID) async throws -> ConversationReference?
    /// Remembers platform user → directory user.
    func cacheIdentity(platform: Origin.Platform, platformUserID: String, user: UserID, now: Date) async throws
    /// A cached mapping younger than `maxAge`.
    func cachedIdentity(platform: Origin.Platform, platformUserID: String, maxAge: TimeSpan, now: Date) async throws -> UserID?
    /// The platform user id for a directory user, from the cache (for DMs to approvers).
    func platformUserID(platform: Origin.Platform, user: UserID) async throws -> String?
    /// True the first time a key is seen: Slack retries and repeated event ids act once.
    func firstSighting(of key: String, now: Date) async throws -> Bool
}

/// A conversation the bot was installed in (a Teams team, group chat or personal chat): where
/// it may post, and whose members it may look up to find approvers.
public struct ChatInstallation: Hashable, Sendable, Codable {
    public enum Scope: String, Hashable, Sendable, Codable {
        case personal
        case team
        case groupChat
    }

    public var platform: Origin.Platform
    public var conversation: String
    public var scope: Scope
    public var serviceURL: String?
    public var tenantID: String?
    public var teamID: String?

    public init(
        platform: Origin.Platform, conversation: String, scope: Scope, serviceURL: String?, tenantID: String?, teamID: String? = nil
    ) {
        self.platform = platform
        self.conversation = conversation
        self.scope = scope
        self.serviceURL = serviceURL
        self.tenantID = tenantID
        self.teamID = teamID
    }
}

/// Where the bot is installed, per platform.
public protocol InstallationStore: Sendable {
    /// Saving the same conversation again refreshes it.
    func saveInstallation(_ installation: ChatInstallation) async throws
    func removeInstallation(platform: Origin.Platform, conversation: String) async throws
    /// Newest first.
    func installations(platform: Origin.Platform) async throws -> [ChatInstallation]
}
