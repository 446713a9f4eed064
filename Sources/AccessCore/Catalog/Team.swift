/// An Access Requests team: owns request types and may approve their requests.
public struct Team: Hashable, Sendable, Codable {
    public var id: TeamID
    public var name: String
    public var members: [UserID]
    /// Where the team's copies of approval cards go, if anywhere.
    public var channel: ChannelRef?

    public init(id: TeamID, name: String, members: [UserID], channel: ChannelRef? = nil) {
        self.id = id
        self.name = name
        self.members = members
        self.channel = channel
    }
}

/// A named list of options a question offers.
public struct ConfigurationList: Hashable, Sendable, Codable {
    public var id: ListID
    public var options: [String]

    public init(id: ListID, options: [String]) {
        self.id = id
        self.options = options
    }
}

/// A person in the static directory (used when Okta is not configured).
public struct DirectoryUser: Hashable, Sendable, Codable {
    public var id: UserID
    public var displayName: String?
    public var manager: UserID?
    /// False for suspended or deactivated people: they get no grants.
    public var active: Bool

    public init(id: UserID, displayName: String? = nil, manager: UserID? = nil, active: Bool = true) {
        self.id = id
        self.displayName = displayName
        self.manager = manager
        self.active = active
    }
}
