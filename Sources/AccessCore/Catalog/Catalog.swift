/// Everything the config file defines, validated, with lookups by id.
/// The workflow reads it; nothing in it changes while a request is decided.
public struct Catalog: Sendable {
    public let resources: [Resource]
    public let teams: [Team]
    public let lists: [ConfigurationList]
    public let requestTypes: [RequestType]
    /// The static directory (used when Okta is not configured).
    public let users: [DirectoryUser]
    /// Where escalations go.
    public let escalationChannel: ChannelRef?

    private let resourcesByID: [ResourceID: Resource]
    private let teamsByID: [TeamID: Team]
    private let listsByID: [ListID: ConfigurationList]
    private let typesByID: [RequestTypeID: RequestType]
    private let usersByID: [UserID: DirectoryUser]

    /// Builds the lookups. Later duplicates of an id are ignored: the config
    /// loader reports duplicates as errors before a catalog is ever built.
    public init(
        resources: [Resource], teams: [Team], lists: [ConfigurationList] = [], requestTypes: [RequestType],
        users: [DirectoryUser] = [], escalationChannel: ChannelRef? = nil
    ) {
        self.resources = resources
        self.teams = teams
        self.lists = lists
        self.requestTypes = requestTypes
        self.users = users
        self.escalationChannel = escalationChannel
        resourcesByID = Dictionary(resources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        teamsByID = Dictionary(teams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        listsByID = Dictionary(lists.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        typesByID = Dictionary(requestTypes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        usersByID = Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func resource(_ id: ResourceID) -> Resource? { resourcesByID[id] }
    public func team(_ id: TeamID) -> Team? { teamsByID[id] }
    public func list(_ id: ListID) -> ConfigurationList? { listsByID[id] }
    public func requestType(_ id: RequestTypeID) -> RequestType? { typesByID[id] }
    public func user(_ id: UserID) -> DirectoryUser? { usersByID[id] }

    /// Finds a resource by id or by name, case-insensitively.
    public func findResource(named text: String) -> Resource? {
        let wanted = text.trimmed.lowercased()
        if let exact = resourcesByID[ResourceID(wanted)] { return exact }
        return resources.first { $0.id.rawValue.lowercased() == wanted || $0.name.lowercased() == wanted }
    }

    /// The request type that offers this resource: the first in config order.
    public func requestType(offering resource: ResourceID) -> RequestType? {
        requestTypes.first { $0.resources.contains(resource) }
    }

    /// Up to three resource ids that look like what was typed, closest first.
    public func resourceSuggestions(for text: String) -> [ResourceID] {
        let candidates = resources.flatMap { [($0.id, $0.id.rawValue), ($0.id, $0.name)] }
        return Suggestions.closest(to: text, among: candidates, limit: 3)
    }
}

extension Catalog {
    /// The same catalog with every Okta resource granted by hand: used when no Okta org is
    /// configured, so the owning team gets a "mark as granted" card instead of a failure.
    public func grantingByHand() -> Catalog {
        Catalog(
            resources: resources.map { resource in
                var copy = resource
                copy.grant = .manual
                return copy
            },
            teams: teams, lists: lists, requestTypes: requestTypes, users: users, escalationChannel: escalationChannel)
    }
}
