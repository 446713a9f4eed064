import AccessTesting
import Foundation
import HTTPTransport
import SlackAdapter
import Testing

@Suite struct FakeBotFrameworkConnectorTests {
    private let channel = "19:abc@thread.tacv2;messageid=1700000020000"

    @Test func aSentCardGetsAnIDThatCanBeUpdated() async throws {
        try await withFakeBotFramework { fake, wire in
            let token = try await wire.token()
            let sent = try await wire.postCard(fakeSampleCard("pending"), to: channel, token: token)
            #expect(sent.status == 201)
            let id = try #require(sent.fakeJSON["id"]?.string)
            #expect(fake.activityIDs(in: channel) == [id])
            let call = try #require(fake.sentActivities(in: channel).first)
            #expect(call.path == "v3/conversations/\(channel)/activities")
            #expect(call.card?["body"]?[0]?["text"]?.string == "pending")
            #expect(call.authorization == "Bearer " + token)

            let path = "v3/conversations/\(fakePathSegment(channel))/activities/\(fakePathSegment(id))"
            let updated = try await wire.send(.put, path, json: fakeCardActivity(fakeSampleCard("approved")), token: token)
            #expect(updated.status == 200)
            #expect(updated.fakeJSON["id"]?.string == id)
            #expect(fake.updates(in: channel).map(\.activityID) == [id])
            #expect(fake.card(ofActivity: id, in: channel)?["body"]?[0]?["text"]?.string == "approved")
            #expect(fake.message(id, in: channel)?.updates == 1)

            let unknown = "v3/conversations/\(fakePathSegment(channel))/activities/42"
            let missing = try await wire.send(.put, unknown, json: fakeCardActivity(fakeSampleCard("x")), token: token)
            #expect(missing.status == 404)
            #expect(missing.fakeJSON["error"]?["code"]?.string == "ActivityNotFound")
            #expect(missing.headers["x-correlating-operationid"] != nil)
        }
    }

    @Test func aReplyInAThreadIsRecorded() async throws {
        try await withFakeBotFramework { fake, wire in
            let token = try await wire.token()
            let path = "v3/conversations/\(fakePathSegment(channel))/activities/1700000020000"
            let reply = try await wire.send(
                .post, path, json: .object(["type": .string("message"), "text": .string("on it")]), token: token)
            #expect(reply.status == 201)
            #expect(fake.messages(in: channel).first?.replyToID == "1700000020000")
            #expect(fake.sentActivities(in: channel).first?.body["text"]?.string == "on it")
        }
    }

    @Test func teamsRulesForOutgoingActivitiesAreEnforced() async throws {
        try await withFakeBotFramework { fake, wire in
            let token = try await wire.token()
            let path = "v3/conversations/a%3A1x/activities"
            let both = try await wire.send(.post, path, json: fakeCardActivity(fakeSampleCard("c"), text: "and text"), token: token)
            #expect(both.status == 400)
            let big = try await wire.send(
                .post, path, json: fakeCardActivity(fakeSampleCard(String(repeating: "x", count: 30_000))), token: token)
            #expect(big.status == 413)
            #expect(big.fakeJSON["error"]?["code"]?.string == "MessageSizeTooBig")
            let hero: SlackJSONValue = .object([
                "type": .string("message"),
                "attachments": .array([
                    .object(["contentType": .string("application/vnd.microsoft.card.hero"), "content": .object([:])])
                ]),
            ])
            #expect(try await wire.send(.post, path, json: hero, token: token).status == 400)
            #expect(try await wire.send(.post, path, body: Array("not json".utf8), token: token).status == 400)
            #expect(try await wire.send(.post, "v3/conversations//activities", json: hero, token: token).status == 400)
            #expect(fake.activityIDs(in: "a:1x").isEmpty)
        }
    }

    @Test func aPersonalConversationIsCreatedOncePerMember() async throws {
        try await withFakeBotFramework { fake, wire in
            let token = try await wire.token()
            let body: SlackJSONValue = .object([
                "isGroup": .bool(false),
                "bot": .object(["id": .string(TeamsActivityFixtures.botID), "name": .string("AccessBot")]),
                "members": .array([.object(["id": .string("29:1abcUser")])]),
                "tenantId": .string(TeamsActivityFixtures.tenantID),
                "channelData": .object(["tenant": .object(["id": .string(TeamsActivityFixtures.tenantID)])]),
            ])
            let first = try await wire.send(.post, "v3/conversations", json: body, token: token)
            #expect(first.status == 201)
            #expect(first.fakeJSON["id"]?.string == "a:11abcUser")
            let second = try await wire.send(.post, "v3/conversations", json: body, token: token)
            #expect(second.fakeJSON["id"]?.string == "a:11abcUser")
            #expect(fake.createdConversations.map(\.conversationID) == ["a:11abcUser", "a:11abcUser"])

            let noMembers: SlackJSONValue = .object(["isGroup": .bool(false), "tenantId": .string(TeamsActivityFixtures.tenantID)])
            #expect(try await wire.send(.post, "v3/conversations", json: noMembers, token: token).status == 400)
            fake.addMember(
                id: "29:other", name: "Bob Builder", email: "bob@example.com", aadObjectId: "00000000-0000-0000-0000-0000000000b2")
            #expect(try await wire.send(.post, "v3/conversations", json: body, token: token).status == 400)
        }
    }

    @Test func membersAreLookedUpByIDOrObjectID() async throws {
        try await withFakeBotFramework { fake, wire in
            let token = try await wire.token()
            fake.addMember(
                id: "29:1abcUser", name: "Alice Liddell", email: "alice@example.com", aadObjectId: TeamsActivityFixtures.userAADObjectID,
                userPrincipalName: "alice@corp.example.com")
            let base = fake.serviceURL + "v3/conversations/\(fakePathSegment(channel))/members/"
            let member = try await wire.get(base + fakePathSegment("29:1abcUser"), token: token)
            #expect(member.status == 200)
            #expect(
                member.fakeJSON
                    == .object([
                        "id": .string("29:1abcUser"), "name": .string("Alice Liddell"),
                        "aadObjectId": .string(TeamsActivityFixtures.userAADObjectID),
                        "email": .string("alice@example.com"), "userPrincipalName": .string("alice@corp.example.com"),
                        "givenName": .string("Alice"),
                        "surname": .string("Liddell"), "tenantId": .string(TeamsActivityFixtures.tenantID), "userRole": .string("user"),
                    ]))
            #expect(try await wire.get(base + TeamsActivityFixtures.userAADObjectID, token: token).status == 200)
            let missing = try await wire.get(base + fakePathSegment("29:nobody"), token: token)
            #expect(missing.status == 404)
            #expect(missing.fakeJSON["error"]?["code"]?.string == "MemberNotFoundInConversation")
            #expect(fake.calls(method: "GET").first?.memberID == "29:1abcUser")
        }
    }

    @Test func pagedMembersWalkTheRoster() async throws {
        try await withFakeBotFramework { fake, wire in
            let token = try await wire.token()
            for index in 1...3 {
                fake.addMember(
                    id: "29:user\(index)", name: "User \(index)", email: "u\(index)@example.com",
                    aadObjectId: "00000000-0000-0000-0000-00000000000\(index)")
            }
            let base = fake.serviceURL + "v3/conversations/\(fakePathSegment(channel))/pagedmembers?pageSize=2"
            let first = try await wire.get(base, token: token)
            #expect(first.fakeJSON["members"]?.array?.compactMap { $0["id"]?.string } == ["29:user1", "29:user2"])
            let continuation = try #require(first.fakeJSON["continuationToken"]?.string)
            let next = base + "&continuationToken=" + fakePathSegment(continuation)
            let second = try await wire.get(next, token: token)
            #expect(second.fakeJSON["members"]?.array?.compactMap { $0["id"]?.string } == ["29:user3"])
            #expect(second.fakeJSON["continuationToken"] == nil)
            #expect(try await wire.get(base + "&continuationToken=bogus", token: token).status == 400)
        }
    }

    @Test func injectedFailuresComeFirst() async throws {
        try await withFakeBotFramework { fake, wire in
            let token = try await wire.token()
            fake.failNext(count: 2, status: 429, retryAfter: 3)
            fake.failNext(with: .forbidden())
            let card = fakeSampleCard("x")
            let throttled = try await wire.postCard(card, to: "a:1x", token: token)
            #expect(throttled.status == 429)
            #expect(throttled.headers["retry-after"] == "3")
            #expect(try await wire.postCard(card, to: "a:1x", token: token).status == 429)
            let blocked = try await wire.postCard(card, to: "a:1x", token: token)
            #expect(blocked.status == 403)
            #expect(blocked.fakeJSON["error"]?["subCode"]?.string == "MessageWritesBlocked")
            fake.failNext(status: 503)
            #expect(try await wire.postCard(card, to: "a:1x", token: token).status == 503)
            #expect(try await wire.postCard(card, to: "a:1x", token: token).status == 201)
            #expect(fake.sentActivities(in: "a:1x").count == 1)
        }
    }
}
