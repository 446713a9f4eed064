import AccessCore

/// `GET /api/v1/resources`.
struct ResourceListModel: Encodable, Sendable {
    let resources: [ResourceModel]
}

struct ResourceModel: Encodable, Sendable {
    let id: String
    let name: String
    let grant: GrantModel
    let owners: [String]
    @NullEncoded var maxDurationSeconds: Int64? = nil

    init(_ resource: Resource) {
        id = resource.id.rawValue
        name = resource.name
        grant = GrantModel(resource.grant)
        owners = resource.owners.map(\.rawValue)
        maxDurationSeconds = resource.maxDuration?.seconds
    }
}

/// How a resource is granted: `okta_group` or `okta_app` (with the Okta id), or `manual`.
struct GrantModel: Encodable, Sendable {
    let kind: String
    @NullEncoded var oktaId: String? = nil

    init(_ method: GrantMethod) {
        switch method {
        case .oktaGroup(let id):
            kind = "okta_group"
            oktaId = id
        case .oktaApp(let id):
            kind = "okta_app"
            oktaId = id
        case .manual:
            kind = "manual"
        }
    }
}

/// `GET /api/v1/teams`.
struct TeamListModel: Encodable, Sendable {
    let teams: [TeamModel]
}

struct TeamModel: Encodable, Sendable {
    let id: String
    let name: String
    let members: [String]
    @NullEncoded var channel: ChannelModel? = nil

    init(_ team: Team) {
        id = team.id.rawValue
        name = team.name
        members = team.members.map(\.rawValue)
        channel = team.channel.map(ChannelModel.init)
    }
}

/// A Slack channel id and/or a Teams conversation id.
struct ChannelModel: Encodable, Sendable {
    @NullEncoded var slack: String? = nil
    @NullEncoded var teams: String? = nil

    init(_ channel: ChannelRef) {
        slack = channel.slack
        teams = channel.teams
    }
}

/// `GET /api/v1/configuration-lists`.
struct ConfigurationListsModel: Encodable, Sendable {
    let configurationLists: [ConfigurationListModel]
}

struct ConfigurationListModel: Encodable, Sendable {
    let id: String
    let options: [String]

    init(_ list: ConfigurationList) {
        id = list.id.rawValue
        options = list.options
    }
}
