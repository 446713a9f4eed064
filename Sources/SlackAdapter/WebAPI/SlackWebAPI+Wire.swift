/// Request and response bodies of the Web API methods used, with Slack's key names.
enum Wire {
    struct Update: Encodable {
        var channel: String
        var ts: String
        var text: String
        /// Always sent: Slack keeps old blocks when `blocks` is absent.
        var blocks: [SlackBlock]
    }

    struct Ephemeral: Encodable {
        var channel: String
        var user: String
        var text: String
        var blocks: [SlackBlock]?
    }

    struct OpenView: Encodable {
        var triggerID: String
        var view: SlackView
        enum CodingKeys: String, CodingKey {
            case view
            case triggerID = "trigger_id"
        }
    }

    struct UpdateView: Encodable {
        var viewID: String
        var hash: String?
        var view: SlackView
        enum CodingKeys: String, CodingKey {
            case hash, view
            case viewID = "view_id"
        }
    }

    struct Publish: Encodable {
        var userID: String
        var view: SlackView
        enum CodingKeys: String, CodingKey {
            case view
            case userID = "user_id"
        }
    }

    struct Posted: Decodable {
        var channel: String
        var ts: String
    }

    struct EphemeralPosted: Decodable {
        var messageTS: String?
        enum CodingKeys: String, CodingKey {
            case messageTS = "message_ts"
        }
    }

    struct ViewResponse: Decodable {
        var view: View
        struct View: Decodable {
            var id: String
            var hash: String?
        }
    }

    struct Conversation: Decodable {
        var channel: Channel
        struct Channel: Decodable {
            var id: String
        }
    }

    struct UserResponse: Decodable {
        var user: User
    }

    struct User: Decodable {
        var id: String
        var teamID: String?
        var realName: String?
        var deleted: Bool?
        var isBot: Bool?
        var profile: Profile?

        enum CodingKeys: String, CodingKey {
            case id, deleted, profile
            case teamID = "team_id"
            case realName = "real_name"
            case isBot = "is_bot"
        }

        struct Profile: Decodable {
            var email: String?
            var realName: String?
            enum CodingKeys: String, CodingKey {
                case email
                case realName = "real_name"
            }
        }

        var info: SlackUserInfo {
            SlackUserInfo(
                id: id, teamID: teamID, email: profile?.email.flatMap { $0.isEmpty ? nil : $0 },
                realName: realName ?? profile?.realName, deleted: deleted ?? false, isBot: isBot ?? false)
        }
    }
}
