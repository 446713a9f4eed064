import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import SlackAdapter

/// A server wired to a fake Slack and a fake Bot Framework (keys, token endpoint, connector),
/// with the sample catalog's people in both and the bot installed in one team.
struct TeamsHarness: Sendable {
    static let tenant = TeamsActivityFixtures.tenantID
    static let teamID = TeamsActivityFixtures.teamID
    /// One RSA key for the whole suite: generating one per test is slow and loads the machine.
    static let signer = TeamsTokenSigner()

    let server: TestServer
    let slack: FakeSlackAPI
    let teams: FakeBotFramework

    static func teamsID(_ person: UserID) -> String { "29:" + person.rawValue.prefix { $0 != "@" } }
    static func personalConversation(_ person: UserID) -> String { TeamsActivityFixtures.personalConversationID(for: teamsID(person)) }

    /// Starts the fakes and the server (grants by hand), installs the bot in the team, runs `body`.
    static func run<T: Sendable>(
        catalog: Catalog = SampleCatalog.catalog.grantingByHand(), install: Bool = true, _ body: @Sendable (TeamsHarness) async throws -> T
    ) async throws -> T {
        let slack = try await FakeSlackAPI.start(
            users: SlackHarness.users.map { FakeSlackUser(id: $0.slack, email: $0.person.rawValue, realName: $0.person.rawValue) },
            token: SlackHarness.token)
        let teams = try await FakeBotFramework.start(tenantID: tenant, signer: signer)
        for (_, person) in SlackHarness.users {
            teams.addMember(id: teamsID(person), name: person.rawValue, email: person.rawValue, aadObjectId: UUID().uuidString.lowercased())
        }
        let configuration = ServerConfiguration(
            databaseURL: temporarySQLiteURL(), catalog: catalog,
            slack: SlackConfiguration(signingSecret: SlackHarness.secret, botToken: SlackHarness.token, apiURL: slack.baseURL),
            teams: TeamsConfiguration(
                appID: TeamsActivityFixtures.botAppID, appPassword: FakeBotFramework.defaultAppPassword, tenantID: tenant,
                openIDMetadataURL: teams.openIDMetadataURL, tokenURL: teams.tokenURL(tenant: tenant)),
            pollInterval: .milliseconds(100))
        defer { teams.stop() }
        do {
            let result = try await TestServer.withServer(configuration) { server in
                _ = try await server.waitUntilReady()
                let harness = TeamsHarness(server: server, slack: slack, teams: teams)
                if install {
                    let response = try await harness.post(
                        TeamsActivityFixtures.conversationUpdate(teamID: teamID, serviceURL: teams.serviceURL))
                    guard response.status == 200 else { throw HarnessError.noButton("install answered \(response.status)") }
                    // The greeting leaves after the acknowledgement; tests start once it is out.
                    try await eventually("greeting sent") { !teams.calls(method: "POST").isEmpty }
                }
                return try await body(harness)
            }
            await slack.stop()
            return result
        } catch {
            await slack.stop()
            throw error
        }
    }

    /// Posts an activity to `/api/messages` with a token the Connector would send.
    func post(_ activity: [UInt8]) async throws -> HTTPTransport.HTTPResponse {
        var claims = BotFrameworkTestClaims()
        claims.serviceurl = teams.serviceURL
        return try await post(activity, authorization: "Bearer " + teams.signer.token(claims))
    }

    func post(_ activity: [UInt8], authorization: String?) async throws -> HTTPTransport.HTTPResponse {
        var headers = HTTPHeaders([("Content-Type", "application/json")])
        if let authorization { headers.add(name: "Authorization", value: authorization) }
        return try await server.post("/api/messages", body: activity, headers: headers)
    }

    /// A typed message from a person in their personal chat with the bot.
    func say(_ text: String, as person: UserID) async throws -> HTTPTransport.HTTPResponse {
        try await post(
            TeamsActivityFixtures.message(
                text: text, from: Self.teamsID(person), fromName: person.rawValue,
                conversationID: Self.personalConversation(person), serviceURL: teams.serviceURL))
    }

    /// An `Action.Execute` click on a card the fake holds; returns the invoke response body.
    func invoke(
        _ verb: String, on message: FakeTeamsMessage, as person: UserID, reason: String? = nil, extra: [String: SlackJSONValue] = [:]
    ) async throws -> (status: Int, body: SlackJSONValue) {
        var data = try Self.actionData(verb, in: message)
        for (key, value) in extra { data[key] = value }
        let response = try await post(
            TeamsActivityFixtures.invoke(
                verb: verb, data: data, reason: reason, from: Self.teamsID(person), fromName: person.rawValue, replyToID: message.id,
                conversationID: message.conversationID, serviceURL: teams.serviceURL))
        return (response.status, SlackJSONValue.parse(response.body) ?? .null)
    }

    /// The `data` of the card's `Action.Execute` with that verb.
    static func actionData(_ verb: String, in message: FakeTeamsMessage) throws -> [String: SlackJSONValue] {
        guard let action = actions(in: message.card).first(where: { $0["verb"]?.string == verb }) else {
            throw HarnessError.noButton(verb)
        }
        return action["data"]?.object ?? [:]
    }

    /// Every `Action.Execute` of a card, wherever it sits.
    static func actions(in card: SlackJSONValue?) -> [SlackJSONValue] {
        guard let card else { return [] }
        var found: [SlackJSONValue] = []
        func walk(_ value: SlackJSONValue) {
            if value["type"]?.string == "Action.Execute" { found.append(value) }
            for child in value.array ?? [] { walk(child) }
            for (_, child) in value.object ?? [:] { walk(child) }
        }
        walk(card)
        return found
    }

    /// All the text of a card, for assertions on what it says.
    static func text(of card: SlackJSONValue?) -> String {
        guard let card else { return "" }
        var parts: [String] = []
        func walk(_ value: SlackJSONValue) {
            if let text = value.string { parts.append(text) }
            for child in value.array ?? [] { walk(child) }
            for (_, child) in value.object ?? [:] { walk(child) }
        }
        walk(card)
        return parts.joined(separator: "\n")
    }

    /// The Teams cards in a person's personal chat.
    func cards(for person: UserID) -> [FakeTeamsMessage] {
        teams.messages(in: Self.personalConversation(person)).filter { $0.card != nil }
    }
}
