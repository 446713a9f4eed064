import AccessCore
import AccessTesting
import Foundation
import HTTPTransport
import SlackAdapter
import Testing

/// Runs `body` against a fresh fake Slack and a real curl client over loopback.
func withFakeSlack(_ body: (FakeSlackAPI, SlackWebAPI) async throws -> Void) async throws {
    let fake = try await FakeSlackAPI.start(
        users: [
            FakeSlackUser(id: "U0001CCCC", email: "Alice@Example.com", realName: "Alice"),
            FakeSlackUser(id: "U0002EEEE", email: "bob@example.com", realName: "Bob"),
            FakeSlackUser(id: "U0BOT", email: nil, isBot: true),
        ], token: "xoxb-test")
    let client = CurlHTTPClient(configuration: CurlHTTPClient.Configuration(proxy: .disabled))
    let api = SlackWebAPI(baseURL: fake.baseURL + "/", token: "xoxb-test", http: client)
    do {
        try await body(fake, api)
    } catch {
        await client.shutdown()
        await fake.stop()
        throw error
    }
    await client.shutdown()
    await fake.stop()
}

@Suite("Slack Web API client against the fake Slack", .serialized)
struct WebAPITests {
    let card = SlackCards.card(
        for: Fixtures.pending(), purpose: .approval, catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: Fixtures.start)

    @Test("post a card to a user, then update it to the decided state")
    func postAndUpdate() async throws {
        try await withFakeSlack { fake, api in
            let posted = try await api.postMessage(SlackMessage(channel: "U0002EEEE", content: card))
            #expect(posted.channel == "D0002EEEE")
            #expect(posted.ts.wholeMatch(of: /\d{10}\.\d{6}/) != nil)

            let call = try #require(await fake.calls(method: "chat.postMessage").first)
            #expect(call.authorization == "Bearer xoxb-test")
            #expect(call.contentType == "application/json; charset=utf-8")
            #expect(call.status == 200)
            #expect(try call.body["blocks"]?.decode([SlackBlock].self) == card.blocks)

            let decided = SlackCards.current(
                request: Fixtures.denied(reason: "not now"), catalog: Fixtures.catalog, mentions: Fixtures.mentions, now: Fixtures.start)
            try await api.update(channel: posted.channel, ts: posted.ts, content: decided)
            let message = try #require(await fake.messages(in: "D0002EEEE").first)
            #expect(message.updates == 1)
            #expect(message.text == decided.text)
            #expect(!(message.blocks.array ?? []).contains { $0["type"]?.string == "actions" })

            await #expect(throws: SlackAPIError.permanent(.messageNotFound)) {
                try await api.update(channel: posted.channel, ts: "1.000001", content: decided)
            }
        }
    }

    @Test("429 is rate limited with Retry-After; 5xx and internal_error are transient")
    func transientFailures() async throws {
        try await withFakeSlack { fake, api in
            let message = SlackMessage(channel: "C0001BBBB", content: card)
            await fake.failNext(with: .rateLimited(retryAfter: 7))
            await #expect(throws: SlackAPIError.rateLimited(retryAfter: 7)) { try await api.postMessage(message) }
            await fake.failNext(with: .httpStatus(503))
            await #expect(throws: SlackAPIError.transient(.httpStatus(503))) { try await api.postMessage(message) }
            await fake.failNext(method: "chat.postMessage", with: .error("internal_error"))
            await #expect(throws: SlackAPIError.transient(.slack(.internalError))) { try await api.postMessage(message) }
            #expect(SlackAPIError.transient(.slack(.internalError)).isRetryable)
            // Failures are used up: the next call works.
            let again = try await api.postMessage(message)
            #expect(again.channel == "C0001BBBB")
            #expect(await fake.calls(method: "chat.postMessage").map(\.status) == [429, 503, 200, 200])
        }
    }

    @Test("a wrong token is invalid_auth: permanent and needing attention")
    func invalidAuth() async throws {
        try await withFakeSlack { fake, _ in
            let client = CurlHTTPClient(configuration: CurlHTTPClient.Configuration(proxy: .disabled))
            let wrong = SlackWebAPI(baseURL: fake.baseURL, token: "xoxb-wrong", http: client)
            do throws(SlackAPIError) {
                _ = try await wrong.postMessage(SlackMessage(channel: "C0001BBBB", content: card))
                Issue.record("expected invalid_auth")
            } catch {
                #expect(error == .permanent(.invalidAuth))
                #expect(error.needsAttention)
                #expect(!error.isRetryable)
            }
            await client.shutdown()
        }
    }

    @Test("the fake enforces Slack's limits like Slack")
    func limits() async throws {
        try await withFakeSlack { _, api in
            // Built from JSON, around the factories that would have cut it.
            let header = SlackJSONValue.object([
                "type": .string("header"),
                "text": .object(["type": .string("plain_text"), "text": .string(String(repeating: "h", count: 200))]),
            ])
            let tooLong = SlackMessageContent(text: "x", blocks: [try header.decode(SlackBlock.self)])
            await #expect(throws: SlackAPIError.permanent(.invalidBlocks)) {
                try await api.postMessage(SlackMessage(channel: "C0001BBBB", content: tooLong))
            }
            var huge = SlackMessage(channel: "C0001BBBB", content: SlackMessageContent(text: "x"))
            huge.text = String(repeating: "y", count: 40_001)
            await #expect(throws: SlackAPIError.permanent(.msgTooLong)) { try await api.postMessage(huge) }
            await #expect(throws: SlackAPIError.permanent(.channelNotFound)) {
                try await api.postMessage(SlackMessage(channel: "U9NOBODY", content: card))
            }
        }
    }

    @Test("users, DMs, ephemeral messages, modals and the Home tab")
    func otherMethods() async throws {
        try await withFakeSlack { fake, api in
            let alice = try await api.usersInfo(userID: "U0001CCCC")
            #expect(alice == SlackUserInfo(id: "U0001CCCC", teamID: "T0001AAAA", email: "Alice@Example.com", realName: "Alice"))
            let bot = try await api.usersInfo(userID: "U0BOT")
            #expect(bot.isBot)
            await #expect(throws: SlackAPIError.permanent(.userNotFound)) { try await api.usersInfo(userID: "U404") }
            let found = try await api.lookupByEmail("alice@example.com")
            #expect(found.id == "U0001CCCC")
            await #expect(throws: SlackAPIError.permanent(.usersNotFound)) { try await api.lookupByEmail("nobody@example.com") }
            #expect(await fake.calls(method: "users.info").first?.contentType == "application/x-www-form-urlencoded")

            let dm = try await api.openConversation(users: ["U0002EEEE"])
            #expect(dm == "D0002EEEE")
            try await api.postEphemeral(channel: "C0001BBBB", user: "U0001CCCC", content: SlackReplies.help())

            let modal = try await api.openView(triggerID: "3333.4444.fedcba", view: SlackViews.requestForm(catalog: Fixtures.catalog))
            let updated = try await api.updateView(modal, view: SlackViews.requestForm(catalog: Fixtures.catalog, requestType: "db-access"))
            #expect(updated.id == modal.id)
            await #expect(throws: SlackAPIError.permanent("hash_conflict")) {
                try await api.updateView(modal, view: SlackViews.requestForm(catalog: Fixtures.catalog))
            }
            let home = SlackHome.view(
                mine: [Fixtures.pending()], waitingOnMe: [Fixtures.pending(id: "R-OTHER01")], catalog: Fixtures.catalog,
                mentions: Fixtures.mentions, now: Fixtures.start)
            try await api.publishHome(userID: "U0001CCCC", view: home)
            #expect(await fake.home(of: "U0001CCCC")?["type"]?.string == "home")
        }
    }

    @Test("response_url posts, and its failures")
    func responseURL() async throws {
        try await withFakeSlack { fake, api in
            try await api.respond(via: fake.responseURL(), .ephemeral(SlackReplies.working()))
            let call = try #require(await fake.calls(method: "response_url").first)
            #expect(call.body["response_type"]?.string == "ephemeral")
            #expect(call.authorization == nil)
            await fake.failNext(method: "response_url", with: .error("expired_url"))
            await #expect(throws: SlackAPIError.permanent("expired_url")) {
                try await api.respond(via: fake.responseURL(), .ephemeral(SlackReplies.working()))
            }
            await #expect(throws: SlackAPIError.permanent("invalid_url")) {
                try await api.respond(via: "file:///etc/passwd", .ephemeral(SlackReplies.working()))
            }
        }
    }

    @Test("nobody listening is a transient transport failure")
    func connectionRefused() async throws {
        let fake = try await FakeSlackAPI.start()
        let base = fake.baseURL
        await fake.stop()
        let client = CurlHTTPClient(configuration: CurlHTTPClient.Configuration(proxy: .disabled))
        let api = SlackWebAPI(baseURL: base, token: "xoxb-test", http: client, timeout: .seconds(2))
        do throws(SlackAPIError) {
            _ = try await api.postMessage(SlackMessage(channel: "C1", content: SlackMessageContent(text: "hi")))
            Issue.record("expected a failure")
        } catch {
            guard case .transient(.transport) = error else { Issue.record("\(error)"); return }
        }
        await client.shutdown()
    }
}
