import AccessTesting
import Foundation
import SlackAdapter
import Testing

@Suite struct FakeTeamsActivityFixturesTests {
    @Test func aPersonalMessageHasTheTeamsShape() throws {
        let message = try #require(
            SlackJSONValue.parse(TeamsActivityFixtures.message(text: "request github-admins for 4h", serviceURL: "http://x/connector/")))
        #expect(message["type"]?.string == "message")
        #expect(message["channelId"]?.string == "msteams")
        #expect(message["serviceUrl"]?.string == "http://x/connector/")
        #expect(message["text"]?.string == "request github-admins for 4h")
        #expect(message["from"]?["id"]?.string == TeamsActivityFixtures.userID)
        #expect(message["from"]?["aadObjectId"]?.string == TeamsActivityFixtures.userAADObjectID)
        #expect(message["recipient"]?["id"]?.string == TeamsActivityFixtures.botID)
        #expect(message["conversation"]?["id"]?.string == "a:11abcUser")
        #expect(message["conversation"]?["conversationType"]?.string == "personal")
        #expect(message["conversation"]?["tenantId"]?.string == TeamsActivityFixtures.tenantID)
        #expect(message["channelData"]?["tenant"]?["id"]?.string == TeamsActivityFixtures.tenantID)
        #expect(message["id"]?.string?.isEmpty == false)
    }

    @Test func aChannelMessageMentionsTheBot() throws {
        let message = try #require(
            SlackJSONValue.parse(TeamsActivityFixtures.message(text: "status", conversationType: "channel", activityID: "1700000020000")))
        #expect(message["text"]?.string == "<at>AccessBot</at> status")
        #expect(message["entities"]?[0]?["type"]?.string == "mention")
        #expect(message["entities"]?[0]?["mentioned"]?["id"]?.string == TeamsActivityFixtures.botID)
        #expect(message["conversation"]?["id"]?.string == "19:abc@thread.tacv2;messageid=1700000020000")
        #expect(message["conversation"]?["isGroup"]?.bool == true)
        #expect(message["channelData"]?["team"]?["id"]?.string == TeamsActivityFixtures.teamID)
        #expect(message["channelData"]?["channel"]?["id"]?.string == "19:abc@thread.tacv2")
    }

    @Test func anInvokeCarriesTheVerbDataAndReason() throws {
        let invoke = try #require(
            SlackJSONValue.parse(
                TeamsActivityFixtures.invoke(
                    verb: "deny", data: ["requestId": .string("req-42"), "step": .number(1)], reason: "not on call",
                    from: "29:approver-one",
                    replyToID: "1700000030000")))
        #expect(invoke["type"]?.string == "invoke")
        #expect(invoke["name"]?.string == "adaptiveCard/action")
        #expect(invoke["replyToId"]?.string == "1700000030000")
        #expect(invoke["value"]?["trigger"]?.string == "manual")
        let action = try #require(invoke["value"]?["action"])
        #expect(action["type"]?.string == "Action.Execute")
        #expect(action["verb"]?.string == "deny")
        #expect(
            action["data"] == .object(["requestId": .string("req-42"), "step": .number(1), "reason": .string("not on call")]))
        let text = String(decoding: TeamsActivityFixtures.invoke(verb: "refresh", data: ["step": .number(1)]), as: UTF8.self)
        #expect(text.contains(#""step":1"#))
    }

    @Test func aSubmitIsAMessageWithAValue() throws {
        let submit = try #require(
            SlackJSONValue.parse(TeamsActivityFixtures.submitAction(data: ["verb": .string("approve"), "requestId": .string("req-42")])))
        #expect(submit["type"]?.string == "message")
        #expect(submit["text"] == nil)
        #expect(submit["value"]?["verb"]?.string == "approve")
        #expect(submit["replyToId"]?.string == TeamsActivityFixtures.cardActivityID)
    }

    @Test func installActivitiesNameTheBotAndTheTeam() throws {
        let personal = try #require(SlackJSONValue.parse(TeamsActivityFixtures.conversationUpdate()))
        #expect(personal["type"]?.string == "conversationUpdate")
        #expect(personal["membersAdded"]?[0]?["id"]?.string == TeamsActivityFixtures.botID)
        #expect(personal["conversation"]?["conversationType"]?.string == "personal")
        let team = try #require(SlackJSONValue.parse(TeamsActivityFixtures.conversationUpdate(teamID: "19:team@thread.tacv2")))
        #expect(team["conversation"]?["id"]?.string == "19:team@thread.tacv2")
        #expect(team["channelData"]?["eventType"]?.string == "teamMemberAdded")
        #expect(team["channelData"]?["team"]?["id"]?.string == "19:team@thread.tacv2")
        let removed = try #require(
            SlackJSONValue.parse(TeamsActivityFixtures.installationUpdate(action: "remove", channelID: "webchat")))
        #expect(removed["type"]?.string == "installationUpdate")
        #expect(removed["action"]?.string == "remove")
        #expect(removed["channelId"]?.string == "webchat")
    }
}
