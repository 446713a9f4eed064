import Foundation

/// Activity bodies shaped like the ones Teams sends through the Bot Connector
/// (protocols.md §2.3, §2.4), as JSON bytes. Sign a token for them with ``TeamsTokenSigner``.
///
/// ```swift
/// let body = TeamsActivityFixtures.message(text: "request github-admins for 4h", serviceURL: fake.serviceURL)
/// ```
public enum TeamsActivityFixtures {
    /// The bot's Microsoft App ID.
    public static let botAppID = "11111111-2222-3333-4444-555555555555"
    /// The bot's id in activities (`recipient.id`).
    public static let botID = "28:" + botAppID
    public static let botName = "AccessBot"
    public static let tenantID = "00000000-0000-0000-0000-0000000000f1"
    public static let serviceURL = "https://smba.trafficmanager.net/amer/"
    /// The default sender (`from.id`).
    public static let userID = "29:1abcUser"
    public static let userName = "Alice"
    public static let userAADObjectID = "00000000-0000-0000-0000-0000000000a1"
    public static let teamID = "19:team@thread.tacv2"
    /// A channel's conversation id, without the `;messageid=` of a thread.
    public static let channelConversationID = "19:abc@thread.tacv2"
    public static let groupChatConversationID = "19:group@thread.v2"
    /// The `replyToId` of card actions unless told another: the message holding the card.
    public static let cardActivityID = "1700000030000"

    /// The personal (1:1) conversation id for a user, the one ``FakeBotFramework`` creates too.
    public static func personalConversationID(for user: String) -> String {
        "a:1" + (user.hasPrefix("29:") ? String(user.dropFirst(3)) : user)
    }

    /// A `message` a user typed. In channels and group chats the bot is mentioned unless
    /// `mentionBot` says otherwise (the text then starts with `<at>AccessBot</at> `).
    public static func message(
        text: String, from: String = userID, fromName: String? = userName, aadObjectID: String? = userAADObjectID,
        conversationID: String? = nil, conversationType: String = "personal", tenantID: String = tenantID,
        serviceURL: String = serviceURL, mentionBot: Bool? = nil, botID: String = botID, activityID: String? = nil,
        channelID: String = "msteams"
    ) -> [UInt8] {
        let id = activityID ?? newMessageID()
        let place = TeamsFixturePlace(
            type: conversationType, id: conversationID, user: from, tenantID: tenantID, threadRoot: id, teamID: teamID)
        var activity = envelope(
            type: "message", id: id, from: account(from, fromName, aadObjectID), place: place, serviceURL: serviceURL,
            botID: botID, channelID: channelID)
        var entities: [SlackJSONValue] = [
            .object(["type": .string("clientInfo"), "locale": .string("en-US"), "country": .string("US"), "platform": .string("Web")])
        ]
        if mentionBot ?? (conversationType != "personal") {
            let mention = "<at>\(botName)</at>"
            activity["text"] = .string(mention + " " + text)
            entities.insert(
                .object([
                    "type": .string("mention"), "text": .string(mention),
                    "mentioned": .object(["id": .string(botID), "name": .string(botName)]),
                ]),
                at: 0)
        } else {
            activity["text"] = .string(text)
        }
        activity["textFormat"] = .string("plain")
        activity["entities"] = .array(entities)
        return SlackJSONValue.object(activity).bytes
    }

    /// An `adaptiveCard/action` invoke from an `Action.Execute` button (or a refresh when
    /// `trigger` is `automatic`); `reason`, when given, is merged into `data` as the input `reason`.
    public static func invoke(
        verb: String, data: [String: SlackJSONValue] = [:], reason: String? = nil, from: String = userID,
        fromName: String? = userName, aadObjectID: String? = userAADObjectID, replyToID: String? = cardActivityID,
        conversationID: String? = nil, conversationType: String = "personal", tenantID: String = tenantID,
        serviceURL: String = serviceURL, trigger: String = "manual", botID: String = botID, activityID: String? = nil,
        channelID: String = "msteams"
    ) -> [UInt8] {
        let place = TeamsFixturePlace(
            type: conversationType, id: conversationID, user: from, tenantID: tenantID, threadRoot: replyToID, teamID: teamID)
        var activity = envelope(
            type: "invoke", id: activityID ?? "f:" + randomDigits(19), from: account(from, fromName, aadObjectID), place: place,
            serviceURL: serviceURL, botID: botID, channelID: channelID)
        var merged = data
        if let reason { merged["reason"] = .string(reason) }
        activity["name"] = .string("adaptiveCard/action")
        activity["replyToId"] = replyToID.map(SlackJSONValue.string)
        activity["value"] = .object([
            "action": .object(["type": .string("Action.Execute"), "id": .string(""), "verb": .string(verb), "data": .object(merged)]),
            "trigger": .string(trigger),
        ])
        return SlackJSONValue.object(activity).bytes
    }

    /// The `message` an `Action.Submit` fallback button sends: no text, `value` = the button's
    /// `data` merged with the card's inputs, `replyToId` = the card's message.
    public static func submitAction(
        data: [String: SlackJSONValue], from: String = userID, fromName: String? = userName,
        aadObjectID: String? = userAADObjectID, replyToID: String? = cardActivityID, conversationID: String? = nil,
        conversationType: String = "personal", tenantID: String = tenantID, serviceURL: String = serviceURL,
        botID: String = botID, activityID: String? = nil, channelID: String = "msteams"
    ) -> [UInt8] {
        let place = TeamsFixturePlace(
            type: conversationType, id: conversationID, user: from, tenantID: tenantID, threadRoot: replyToID, teamID: teamID)
        var activity = envelope(
            type: "message", id: activityID ?? newMessageID(), from: account(from, fromName, aadObjectID), place: place,
            serviceURL: serviceURL, botID: botID, channelID: channelID)
        activity["replyToId"] = replyToID.map(SlackJSONValue.string)
        activity["value"] = .object(data)
        return SlackJSONValue.object(activity).bytes
    }
}
