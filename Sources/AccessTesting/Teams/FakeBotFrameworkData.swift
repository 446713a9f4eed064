import Foundation
import SlackAdapter

/// The fake's keys, tokens, conversations, roster and call log, behind one lock (the
/// server's threads share it).
struct FakeBotFrameworkData {
    var baseURL = ""
    let appID: String
    let appPassword: String
    /// When set, only this tenant's token endpoint knows the app (a single-tenant bot).
    let tenantID: String?
    var expiresIn: Int
    var signers: [TeamsTokenSigner]

    var metadataFetches = 0
    var keyFetches = 0
    var tokenRequests = 0
    var keyFailures: [Int] = []
    var tokenFailures: [Int] = []
    /// Tokens issued and not revoked, with when they expire.
    var tokens: [String: Date] = [:]

    var messages: [String: [FakeTeamsMessage]] = [:]
    var roster: [FakeTeamsMember] = []
    var calls: [FakeConnectorCall] = []
    var failures: [(method: String?, failure: FakeConnectorFailure)] = []
    var lastMessageID: Int64 = 0
    var counter = 0

    /// `GET /openid/.well-known/openidconfiguration`, as `login.botframework.com` answers it.
    mutating func metadata() -> FakeBotFrameworkAnswer {
        metadataFetches += 1
        return .reply(
            status: 200,
            json: .object([
                "issuer": .string(BotFrameworkTestClaims.channelIssuer),
                "authorization_endpoint": .string("https://invalid.botframework.com"),
                "jwks_uri": .string(baseURL + "/openid/keys"),
                "id_token_signing_alg_values_supported": .array([.string("RS256")]),
                "token_endpoint_auth_methods_supported": .array([.string("private_key_jwt")]),
            ]))
    }

    /// `GET /openid/keys`: every signer's JWK.
    mutating func keys() -> FakeBotFrameworkAnswer {
        keyFetches += 1
        if !keyFailures.isEmpty {
            let status = keyFailures.removeFirst()
            return .reply(status: status, json: .object(["error": .string("injected failure")]))
        }
        let keys = signers.map { signer -> SlackJSONValue in
            let bytes = TeamsBase64URL.json(signer.jwk)
            return SlackJSONValue.parse(bytes) ?? .null
        }
        return .reply(status: 200, json: .object(["keys": .array(keys)]))
    }

    /// `POST /{tenant}/oauth2/v2.0/token`: the client credentials grant (protocols.md §2.5).
    mutating func token(tenant: String, contentType: String?, body: [UInt8], now: Date) -> FakeBotFrameworkAnswer {
        tokenRequests += 1
        if !tokenFailures.isEmpty {
            return .oauthError(tokenFailures.removeFirst(), "temporarily_unavailable", code: 50196, "Injected failure.")
        }
        guard contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true,
            let form = try? FormURLEncoded(parsing: body)
        else {
            return .oauthError(400, "invalid_request", code: 900144, "The request body must contain the following parameter: 'grant_type'.")
        }
        for name in ["grant_type", "client_id", "client_secret", "scope"] where form[name] == nil {
            return .oauthError(400, "invalid_request", code: 900144, "The request body must contain the following parameter: '\(name)'.")
        }
        guard form["grant_type"] == "client_credentials" else {
            return .oauthError(400, "unsupported_grant_type", code: 70003, "The app requested an unsupported grant type.")
        }
        guard form["client_id"] == appID, tenantID == nil || tenant == tenantID else {
            return .oauthError(
                400, "unauthorized_client", code: 700016,
                "Application with identifier '\(form["client_id"] ?? "")' was not found in the directory '\(tenant)'.")
        }
        guard form["client_secret"] == appPassword else {
            return .oauthError(401, "invalid_client", code: 7_000_215, "Invalid client secret provided.")
        }
        guard form["scope"] == "https://api.botframework.com/.default" else {
            return .oauthError(400, "invalid_scope", code: 1_002_012, "The provided value for scope \(form["scope"] ?? "") is not valid.")
        }
        let token = "fake-bf-" + UUID().uuidString.lowercased() + "-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        tokens[token] = now.addingTimeInterval(TimeInterval(expiresIn))
        return .reply(
            status: 200,
            json: .object([
                "token_type": .string("Bearer"), "expires_in": .number(Double(expiresIn)), "ext_expires_in": .number(Double(expiresIn)),
                "access_token": .string(token),
            ]))
    }

    /// Whether `authorization` is `Bearer <a token this fake issued, not revoked, not expired>`.
    func isAuthorized(_ authorization: String?, now: Date) -> Bool {
        guard let authorization, authorization.hasPrefix("Bearer ") else { return false }
        guard let expiry = tokens[String(authorization.dropFirst("Bearer ".count))] else { return false }
        return expiry > now
    }

    /// A message id as Teams makes them: Unix milliseconds, increasing.
    mutating func nextMessageID(now: Date) -> String {
        lastMessageID = max(lastMessageID + 1, Int64(now.timeIntervalSince1970 * 1000))
        return String(lastMessageID)
    }

    mutating func takeFailure(method: String) -> FakeConnectorFailure? {
        guard let index = failures.firstIndex(where: { $0.method == nil || $0.method == method }) else { return nil }
        return failures.remove(at: index).failure
    }
}
