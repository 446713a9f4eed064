import Foundation
import JWTKit

/// Checks the Bot Framework JWT on `POST /api/messages` (protocols.md §2.1), in order:
/// RS256 with a `kid`; the key exists in the issuer's set; the key is endorsed for the
/// activity's channel; the signature; issuer; audience = app id; lifetime with skew; and the
/// `serviceurl` claim equal to the activity's `serviceUrl` — which binds the token to the
/// endpoint we are about to send our own bearer token to.
public struct BotFrameworkTokenValidator: Sendable {
    /// The issuer of tokens the Bot Connector signs (the normal case for Teams).
    public static let channelIssuer = "https://api.botframework.com"

    private let appID: String
    private let tenantID: String?
    private let channelKeys: SigningKeyCache
    private let tenantKeys: SigningKeyCache?
    private let skew: TimeInterval

    /// - Parameters:
    ///   - appID: `TEAMS_APP_ID`, the only accepted audience.
    ///   - tenantID: `TEAMS_TENANT_ID`; when set, Entra-issued tokens of that tenant are accepted
    ///     too, checked against `tenantKeys`.
    ///   - channelKeys: keys from `TEAMS_OPENID_METADATA_URL`.
    ///   - skew: allowed clock difference for `exp` and `nbf`.
    public init(
        appID: String, tenantID: String?, channelKeys: SigningKeyCache, tenantKeys: SigningKeyCache? = nil, skew: TimeInterval = 300
    ) {
        self.appID = appID
        self.tenantID = tenantID
        self.channelKeys = channelKeys
        self.tenantKeys = tenantKeys
        self.skew = skew
    }

    /// The OpenID metadata URL of an Entra tenant (single-tenant bots).
    public static func tenantMetadataURL(tenantID: String) -> String {
        "https://login.microsoftonline.com/\(tenantID)/v2.0/.well-known/openid-configuration"
    }

    /// Validates the `Authorization` header for an activity whose `channelId` and `serviceUrl`
    /// are given (read from the body without acting on it). Returns the verified claims.
    public func validate(
        authorization: String?, channelID: String?, serviceURL: String?, now: Date
    ) async throws(TeamsAuthError) -> BotFrameworkClaims {
        guard let authorization, authorization.hasPrefix("Bearer ") else { throw .missingToken }
        let token = String(authorization.dropFirst("Bearer ".count))
        guard !token.isEmpty, token.utf8.count <= 16 * 1024 else { throw .malformedToken }

        let parts = try JWTParts(token: token)
        guard let alg = parts.header.alg, alg == "RS256" else { throw .unsupportedAlgorithm(parts.header.alg ?? "missing") }
        guard let kid = parts.header.kid, !kid.isEmpty else { throw .missingKeyID }
        let issuer = parts.issuer ?? ""
        guard let keyCache = keyCache(for: issuer) else { throw .untrustedIssuer(issuer) }

        let (keySet, key) = try await keyCache.keys(holding: kid)
        if let endorsements = key.endorsements, let channelID, !channelID.isEmpty, !endorsements.contains(channelID) {
            throw .channelNotEndorsed(channelID)
        }
        let claims: BotFrameworkClaims
        do {
            claims = try await keySet.verifier.verify(token, as: BotFrameworkClaims.self)
        } catch {
            throw .badSignature
        }
        guard claims.iss == issuer else { throw .untrustedIssuer(claims.iss ?? "") }
        guard claims.aud.contains(appID) else { throw .wrongAudience }
        let instant = now.timeIntervalSince1970
        guard let exp = claims.exp, instant < exp + skew else { throw .expired }
        if let nbf = claims.nbf, nbf - skew > instant { throw .notYetValid }
        guard let bound = claims.serviceurl, let serviceURL, bound == serviceURL else { throw .serviceURLMismatch }
        return claims
    }

    /// The key set for a token's issuer: the Bot Connector's, or the configured tenant's.
    /// Emulator issuers are never accepted.
    private func keyCache(for issuer: String) -> SigningKeyCache? {
        if issuer == Self.channelIssuer { return channelKeys }
        guard let tenantID, let tenantKeys else { return nil }
        let tenantIssuers = ["https://sts.windows.net/\(tenantID)/", "https://login.microsoftonline.com/\(tenantID)/v2.0"]
        return tenantIssuers.contains(issuer) ? tenantKeys : nil
    }
}
