/// Something access is granted to.
public struct Resource: Hashable, Sendable, Codable {
    public var id: ResourceID
    public var name: String
    public var grant: GrantMethod
    /// Approvers for `resource_owner` steps; the team that confirms manual grants when set.
    public var owners: [UserID]
    /// The longest access anyone may get; nil means no cap.
    public var maxDuration: TimeSpan?

    public init(id: ResourceID, name: String, grant: GrantMethod, owners: [UserID] = [], maxDuration: TimeSpan? = nil) {
        self.id = id
        self.name = name
        self.grant = grant
        self.owners = owners
        self.maxDuration = maxDuration
    }
}

/// How a resource is granted and revoked.
public enum GrantMethod: Hashable, Sendable, Codable {
    /// Membership of an Okta group (group id).
    case oktaGroup(String)
    /// Assignment to an Okta app (app id).
    case oktaApp(String)
    /// A person grants it by hand; the owning team is asked to confirm.
    case manual
}

/// A place to post: a Slack channel, a Teams conversation, or both.
public struct ChannelRef: Hashable, Sendable, Codable {
    public var slack: String?
    public var teams: String?

    public init(slack: String? = nil, teams: String? = nil) {
        self.slack = slack
        self.teams = teams
    }

    public var isEmpty: Bool { slack == nil && teams == nil }
}
