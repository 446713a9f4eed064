import Foundation
import SlackAdapter
import Synchronization

/// A fake Bot Framework on 127.0.0.1 (over `FakeHTTPServer`) that speaks the real protocols
/// (protocols.md §2.1, §2.5, §2.6): the OpenID metadata and JWK set inbound tokens are checked
/// against, the Entra ID client-credentials token endpoint, and the Bot Connector REST API with
/// Teams' rules (bearer token it issued, no text beside a card, Adaptive Cards only, 28 KB),
/// every connector call recorded, and failures on demand.
///
/// ```swift
/// let fake = try await FakeBotFramework.start()
/// let token = fake.signer.token(BotFrameworkTestClaims(serviceurl: fake.serviceURL))
/// // point TEAMS_OPENID_METADATA_URL at fake.openIDMetadataURL, the token URL at fake.tokenURL(tenant:)
/// ...
/// #expect(fake.sentActivities(in: "a:11abcUser").count == 1)
/// fake.stop()
/// ```
public final class FakeBotFramework: Sendable {
    /// The password the fake accepts unless told another.
    public static let defaultAppPassword = "fake-app-password"
    /// The scope the token endpoint accepts.
    public static let scope = "https://api.botframework.com/.default"

    /// The Microsoft App ID it issues tokens to.
    public let appID: String
    /// The first signer, whose key the JWK set serves.
    public let signer: TeamsTokenSigner
    private let server: FakeHTTPServer
    private let box: FakeBotFrameworkBox

    private init(appID: String, signer: TeamsTokenSigner, server: FakeHTTPServer, box: FakeBotFrameworkBox) {
        self.appID = appID
        self.signer = signer
        self.server = server
        self.box = box
    }

    /// Starts listening on a free loopback port. With a `tenantID` the app is single-tenant:
    /// only that tenant's token endpoint knows it (others answer `AADSTS700016`).
    public static func start(
        appID: String = TeamsActivityFixtures.botAppID, appPassword: String = FakeBotFramework.defaultAppPassword,
        tenantID: String? = nil, signer: TeamsTokenSigner = TeamsTokenSigner(), expiresIn: Int = 3599
    ) async throws -> FakeBotFramework {
        let box = FakeBotFrameworkBox(
            FakeBotFrameworkData(appID: appID, appPassword: appPassword, tenantID: tenantID, expiresIn: expiresIn, signers: [signer]))
        let server = try FakeHTTPServer(recordsRequests: false) { request in box.handle(request) }
        box.data.withLock { $0.baseURL = server.baseURL }
        return FakeBotFramework(appID: appID, signer: signer, server: server, box: box)
    }

    /// Stops listening; calls are refused from then on.
    public func stop() { server.stop() }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: String { server.baseURL }

    /// The OpenID metadata document: pass it as `TEAMS_OPENID_METADATA_URL`.
    public var openIDMetadataURL: String { server.baseURL + "/openid/.well-known/openidconfiguration" }

    /// The JWK set (`jwks_uri` in the metadata).
    public var keysURL: String { server.baseURL + "/openid/keys" }

    /// The Entra ID token endpoint of a tenant (`botframework.com` for multi-tenant bots).
    public func tokenURL(tenant: String = "botframework.com") -> String { server.baseURL + "/\(tenant)/oauth2/v2.0/token" }

    /// The connector's base, with its trailing slash, as activities carry it in `serviceUrl`.
    public var serviceURL: String { server.baseURL + "/connector/" }

    // MARK: Keys and tokens

    /// How many times the metadata document was fetched.
    public var metadataFetches: Int { box.data.withLock { $0.metadataFetches } }

    /// How many times the JWK set was fetched (failed fetches included).
    public var keyFetches: Int { box.data.withLock { $0.keyFetches } }

    /// How many token requests arrived (good, bad and failed).
    public var tokenRequests: Int { box.data.withLock { $0.tokenRequests } }

    /// Serves this signer's key too (key rotation); replaces a key with the same `kid`.
    public func addSigner(_ signer: TeamsTokenSigner) {
        box.data.withLock { data in
            data.signers.removeAll { $0.kid == signer.kid }
            data.signers.append(signer)
        }
    }

    /// Stops serving the key with this `kid`.
    public func removeSigner(kid: String) { box.data.withLock { $0.signers.removeAll { $0.kid == kid } } }

    /// The next `count` fetches of the JWK set answer this status.
    public func failKeyFetches(_ count: Int = 1, status: Int = 500) {
        box.data.withLock { $0.keyFailures += Array(repeating: status, count: max(0, count)) }
    }

    /// The next `count` token requests answer this status (`temporarily_unavailable`).
    public func failNextToken(_ count: Int = 1, status: Int = 503) {
        box.data.withLock { $0.tokenFailures += Array(repeating: status, count: max(0, count)) }
    }

    /// The `expires_in` of tokens issued from now on; they stop working after it.
    public func setTokenLifetime(seconds: Int) { box.data.withLock { $0.expiresIn = seconds } }

    /// Forgets every token issued so far: the connector answers 401 until a new one is fetched.
    public func revokeAllTokens() { box.data.withLock { $0.tokens.removeAll() } }

    /// A fresh token, as if fetched from the token endpoint: for tests that call the connector directly.
    public func issueToken() -> String {
        box.data.withLock { data in
            let token = "fake-bf-" + UUID().uuidString.lowercased()
            data.tokens[token] = Date().addingTimeInterval(TimeInterval(data.expiresIn))
            return token
        }
    }

    // MARK: Connector

    /// Every connector call so far, oldest first; only those of `method` when given.
    public func calls(method: String? = nil) -> [FakeConnectorCall] {
        box.data.withLock { $0.calls }.filter { method == nil || $0.method == method }
    }

    /// Every connector call so far, oldest first.
    public var calls: [FakeConnectorCall] { calls() }

    /// The activities sent or replied successfully in a conversation, in order.
    public func sentActivities(in conversationID: String) -> [FakeConnectorCall] {
        calls(method: "POST").filter { $0.conversationID == conversationID && $0.status == 201 && $0.path != "v3/conversations" }
    }

    /// The successful updates (`PUT`) in a conversation, in order.
    public func updates(in conversationID: String) -> [FakeConnectorCall] {
        calls(method: "PUT").filter { $0.conversationID == conversationID && $0.status == 200 }
    }

    /// The successful create-conversation calls; each one's `conversationID` is the id answered.
    public var createdConversations: [FakeConnectorCall] {
        calls(method: "POST").filter { $0.path == "v3/conversations" && $0.status == 201 }
    }

    /// The ids of the messages sent in a conversation, in order (deleted ones included).
    public func activityIDs(in conversationID: String) -> [String] {
        box.data.withLock { $0.messages[conversationID] ?? [] }.map(\.id)
    }

    /// The messages of a conversation as they are now (after updates), in sending order.
    public func messages(in conversationID: String) -> [FakeTeamsMessage] {
        box.data.withLock { $0.messages[conversationID] ?? [] }
    }

    /// One message as it is now.
    public func message(_ activityID: String, in conversationID: String) -> FakeTeamsMessage? {
        messages(in: conversationID).first { $0.id == activityID }
    }

    /// The Adaptive Card a message shows now (`attachments[0].content`).
    public func card(ofActivity activityID: String, in conversationID: String) -> SlackJSONValue? {
        message(activityID, in: conversationID)?.card
    }

    /// Adds a person to the roster (member lookups, paged members, conversation creation).
    public func addMember(
        id: String, name: String, email: String, aadObjectId: String, userPrincipalName: String? = nil,
        tenantID: String = TeamsActivityFixtures.tenantID
    ) {
        let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
        let member = FakeTeamsMember(
            id: id, name: name, email: email, aadObjectId: aadObjectId, userPrincipalName: userPrincipalName ?? email,
            givenName: parts.first ?? "", surname: parts.count > 1 ? parts[1] : "", tenantID: tenantID, userRole: "user")
        box.data.withLock { data in
            data.roster.removeAll { $0.id == id }
            data.roster.append(member)
        }
    }

    /// The next `count` connector calls (of `method`, or any) answer `status`, with
    /// `Retry-After` when given; before the token is checked.
    public func failNext(count: Int = 1, method: String? = nil, status: Int, retryAfter: Int? = nil) {
        failNext(
            count: count, method: method, with: status == 429 ? .throttled(retryAfter: retryAfter) : .status(status, retryAfter: retryAfter)
        )
    }

    /// The next `count` connector calls (of `method`, or any) fail this way.
    public func failNext(count: Int = 1, method: String? = nil, with failure: FakeConnectorFailure) {
        box.data.withLock { data in
            for _ in 0..<max(0, count) { data.failures.append((method, failure)) }
        }
    }

    /// Drops the connector failures not used yet.
    public func clearFailures() { box.data.withLock { $0.failures.removeAll() } }
}
