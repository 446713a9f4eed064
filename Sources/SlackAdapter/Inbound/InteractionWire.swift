/// The parts of an interaction payload the server reads (protocols.md §1.3). Decoded with
/// explicit keys: a key strategy would also rewrite the block ids inside `state.values`.
struct InteractionWire: Decodable {
    var type: String
    var user: User?
    var team: Team?
    var apiAppID: String?
    var triggerID: String?
    var responseURL: String?
    var container: Container?
    var channel: Channel?
    var view: View?
    var actions: [Action]?

    enum CodingKeys: String, CodingKey {
        case type, user, team, container, channel, view, actions
        case apiAppID = "api_app_id"
        case triggerID = "trigger_id"
        case responseURL = "response_url"
    }

    struct User: Decodable {
        var id: String
        var teamID: String?
        enum CodingKeys: String, CodingKey {
            case id
            case teamID = "team_id"
        }
    }

    struct Team: Decodable {
        var id: String?
    }

    struct Channel: Decodable {
        var id: String?
    }

    struct Container: Decodable {
        var type: String?
        var messageTS: String?
        var channelID: String?
        var isEphemeral: Bool?
        enum CodingKeys: String, CodingKey {
            case type
            case messageTS = "message_ts"
            case channelID = "channel_id"
            case isEphemeral = "is_ephemeral"
        }
    }

    struct View: Decodable {
        var id: String
        var type: String?
        var callbackID: String?
        var privateMetadata: String?
        var hash: String?
        var state: State?
        enum CodingKeys: String, CodingKey {
            case id, type, hash, state
            case callbackID = "callback_id"
            case privateMetadata = "private_metadata"
        }
    }

    struct State: Decodable {
        var values: [String: [String: StateValue]]
    }

    /// One input's value: typed text, or a selected option.
    struct StateValue: Decodable {
        var value: String?
        var selectedOption: Option?
        enum CodingKeys: String, CodingKey {
            case value
            case selectedOption = "selected_option"
        }
    }

    struct Option: Decodable {
        var value: String
    }

    struct Action: Decodable {
        var actionID: String
        var blockID: String?
        var value: String?
        var selectedOption: Option?
        enum CodingKeys: String, CodingKey {
            case value
            case actionID = "action_id"
            case blockID = "block_id"
            case selectedOption = "selected_option"
        }
    }
}
