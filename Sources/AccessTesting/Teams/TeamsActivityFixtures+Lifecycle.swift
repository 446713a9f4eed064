import Foundation

/// Install and membership activities, and the parts every activity shares.
extension TeamsActivityFixtures {
    /// A `conversationUpdate`: with the bot's id in `membersAdded` (the default), the app was
    /// just installed in that scope. With a `teamID` it happens in the team's General channel.
    public static func conversationUpdate(
        membersAdded: [String] = [botID], membersRemoved: [String] = [], botID: String = botID, conversationID: String? = nil,
        conversationType: String? = nil, teamID: String? = nil, tenantID: String = tenantID, serviceURL: String = serviceURL,
        from: String = userID, fromName: String? = userName, aadObjectID: String? = userAADObjectID, eventType: String? = nil,
        activityID: String? = nil, channelID: String = "msteams"
    ) -> [UInt8] {
        let type = conversationType ?? (teamID == nil ? "personal" : "channel")
        let place = TeamsFixturePlace(
            type: type, id: conversationID ?? teamID, user: from, tenantID: tenantID, threadRoot: nil, teamID: teamID ?? Self.teamID)
        var activity = envelope(
            type: "conversationUpdate", id: activityID ?? "f:" + randomDigits(19), from: account(from, fromName, aadObjectID),
            place: place, serviceURL: serviceURL, botID: botID, channelID: channelID)
        if !membersAdded.isEmpty { activity["membersAdded"] = .array(membersAdded.map { .object(["id": .string($0)]) }) }
        if !membersRemoved.isEmpty { activity["membersRemoved"] = .array(membersRemoved.map { .object(["id": .string($0)]) }) }
        if teamID != nil, case .object(var channelData) = activity["channelData"] {
            channelData["eventType"] = .string(eventType ?? (membersAdded.isEmpty ? "teamMemberRemoved" : "teamMemberAdded"))
            activity["channelData"] = .object(channelData)
        }
        return SlackJSONValue.object(activity).bytes
    }

    /// An `installationUpdate` with `action` `add` or `remove` (also `add-upgrade`, `remove-upgrade`).
    public static func installationUpdate(
        action: String = "add", from: String = userID, fromName: String? = userName, aadObjectID: String? = userAADObjectID,
        conversationID: String? = nil, conversationType: String? = nil, teamID: String? = nil, tenantID: String = tenantID,
        serviceURL: String = serviceURL, botID: String = botID, activityID: String? = nil, channelID: String = "msteams"
    ) -> [UInt8] {
        let type = conversationType ?? (teamID == nil ? "personal" : "channel")
        let place = TeamsFixturePlace(
            type: type, id: conversationID ?? teamID, user: from, tenantID: tenantID, threadRoot: nil, teamID: teamID ?? Self.teamID)
        var activity = envelope(
            type: "installationUpdate", id: activityID ?? "f:" + randomDigits(19), from: account(from, fromName, aadObjectID),
            place: place, serviceURL: serviceURL, botID: botID, channelID: channelID)
        activity["action"] = .string(action)
        return SlackJSONValue.object(activity).bytes
    }

    /// The fields every activity has: ids, time, `serviceUrl`, `from`, `recipient`, `conversation`, `channelData`.
    static func envelope(
        type: String, id: String, from: SlackJSONValue, place: TeamsFixturePlace, serviceURL: String, botID: String, channelID: String
    ) -> [String: SlackJSONValue] {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let now = formatter.string(from: Date())
        var conversation: [String: SlackJSONValue] = [
            "id": .string(place.conversationID), "conversationType": .string(place.type), "tenantId": .string(place.tenantID),
        ]
        if place.type != "personal" { conversation["isGroup"] = .bool(true) }
        var channelData: [String: SlackJSONValue] = ["tenant": .object(["id": .string(place.tenantID)])]
        if place.type == "channel" {
            channelData["team"] = .object(["id": .string(place.teamID)])
            channelData["channel"] = .object(["id": .string(place.channelID)])
        }
        return [
            "type": .string(type), "id": .string(id), "timestamp": .string(now), "localTimestamp": .string(now),
            "serviceUrl": .string(serviceURL), "channelId": .string(channelID), "from": from,
            "recipient": .object(["id": .string(botID), "name": .string(botName)]), "conversation": .object(conversation),
            "channelData": .object(channelData), "locale": .string("en-US"),
        ]
    }

    static func account(_ id: String, _ name: String?, _ aadObjectID: String?) -> SlackJSONValue {
        var account: [String: SlackJSONValue] = ["id": .string(id)]
        account["name"] = name.map(SlackJSONValue.string)
        account["aadObjectId"] = aadObjectID.map(SlackJSONValue.string)
        return .object(account)
    }

    /// A message id as Teams makes them: Unix milliseconds.
    static func newMessageID() -> String { String(UInt64.random(in: 1_700_000_000_000..<1_800_000_000_000)) }

    static func randomDigits(_ count: Int) -> String { String((0..<count).map { _ in "0123456789".randomElement() ?? "0" }) }
}

/// Where an activity happens: the conversation and, in a team, its channel.
struct TeamsFixturePlace {
    let type: String
    let conversationID: String
    let channelID: String
    let tenantID: String
    let teamID: String

    /// `id` nil picks the default conversation of `type`; a channel message's id gets `;messageid=` of its thread root.
    init(type: String, id: String?, user: String, tenantID: String, threadRoot: String?, teamID: String) {
        self.type = type
        self.tenantID = tenantID
        self.teamID = teamID
        switch (type, id) {
        case (_, let id?):
            conversationID = id
        case ("channel", nil):
            conversationID = TeamsActivityFixtures.channelConversationID + (threadRoot.map { ";messageid=" + $0 } ?? "")
        case ("groupChat", nil):
            conversationID = TeamsActivityFixtures.groupChatConversationID
        default:
            conversationID = TeamsActivityFixtures.personalConversationID(for: user)
        }
        channelID = String(conversationID.split(separator: ";", maxSplits: 1).first ?? "")
    }
}
