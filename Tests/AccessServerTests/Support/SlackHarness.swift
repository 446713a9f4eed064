import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import SlackAdapter

/// A server wired to a fake Slack, with the sample catalog's people as Slack users.
struct SlackHarness: Sendable {
    static let secret = "test-signing-secret"
    static let token = "xoxb-test"
    static let users: [(slack: String, person: UserID)] = [
        ("U0001CCCC", SampleCatalog.alice), ("U0002EEEE", SampleCatalog.bob), ("U0003CAROL", SampleCatalog.carol),
        ("U0004DAVE0", SampleCatalog.dave), ("U0005ERIN0", SampleCatalog.erin),
    ]

    let server: TestServer
    let slack: FakeSlackAPI
    let signer = SlackSigner(secret: secret)

    static func slackID(_ person: UserID) -> String { users.first { $0.person == person }?.slack ?? "U0NOBODY" }
    static func dm(_ person: UserID) -> String { "D" + slackID(person).dropFirst() }

    /// Starts a fake Slack and a server on the sample catalog (grants by hand), runs `body`, stops both.
    static func run<T: Sendable>(
        catalog: Catalog = SampleCatalog.catalog.grantingByHand(), databaseURL: String = temporarySQLiteURL(),
        _ body: @Sendable (SlackHarness) async throws -> T
    ) async throws -> T {
        let fake = try await FakeSlackAPI.start(
            users: users.map { FakeSlackUser(id: $0.slack, email: $0.person.rawValue, realName: $0.person.rawValue) }, token: token)
        let configuration = ServerConfiguration(
            databaseURL: databaseURL, catalog: catalog,
            slack: SlackConfiguration(signingSecret: secret, botToken: token, apiURL: fake.baseURL), pollInterval: .milliseconds(100))
        do {
            let result = try await TestServer.withServer(configuration) { server in
                _ = try await server.waitUntilReady()
                return try await body(SlackHarness(server: server, slack: fake))
            }
            await fake.stop()
            return result
        } catch {
            await fake.stop()
            throw error
        }
    }

    /// Posts a body to a Slack endpoint, signed as Slack signs it now.
    func signedPost(
        _ path: String, body: [UInt8], contentType: String = "application/x-www-form-urlencoded"
    ) async throws
        -> HTTPTransport.HTTPResponse
    {
        let headers = signer.headers(for: body, at: Date())
        return try await server.post(
            path, body: body,
            headers: HTTPHeaders([
                ("Content-Type", contentType), ("X-Slack-Request-Timestamp", headers.timestamp), ("X-Slack-Signature", headers.signature),
            ]))
    }

    /// `/access TEXT` typed by a person.
    func command(_ text: String, as person: UserID) async throws -> HTTPTransport.HTTPResponse {
        try await signedPost(
            "/slack/commands",
            body: SlackPayloadFixtures.slashCommand(text: text, userID: Self.slackID(person), responseURL: slack.responseURL()))
    }

    /// A click on a button of a message the fake holds.
    func click(_ actionPrefix: String, on message: FakeSlackMessage, as person: UserID) async throws -> HTTPTransport.HTTPResponse {
        let value = try Self.buttonValue(actionPrefix, in: message.blocks)
        let body = SlackPayloadFixtures.blockActions(
            actionID: actionPrefix, value: value, userID: Self.slackID(person),
            container: .message(channel: message.channel, ts: message.ts), responseURL: slack.responseURL())
        return try await signedPost("/slack/interactions", body: body)
    }

    /// The cards (messages with buttons or not) the fake holds in a channel.
    func messages(in channel: String) async -> [FakeSlackMessage] { await slack.messages(in: channel) }

    /// The value of the first button whose action id starts with `prefix`.
    static func buttonValue(_ prefix: String, in blocks: SlackJSONValue) throws -> String {
        for block in blocks.array ?? [] where block["type"]?.string == "actions" {
            for element in block["elements"]?.array ?? [] where element["action_id"]?.string?.hasPrefix(prefix) == true {
                if let value = element["value"]?.string { return value }
            }
        }
        throw HarnessError.noButton(prefix)
    }

    static func hasButtons(_ message: FakeSlackMessage) -> Bool {
        (message.blocks.array ?? []).contains { $0["type"]?.string == "actions" }
    }
}

enum HarnessError: Error {
    case noButton(String)
}
