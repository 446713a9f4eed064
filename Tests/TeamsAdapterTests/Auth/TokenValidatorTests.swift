import AccessTesting
import Foundation
import HTTPTransport
import Synchronization
import Testing

@testable import TeamsAdapter

/// The Bot Framework token check against a fake OpenID metadata + JWKS server with the
/// suite's own RSA key (protocols.md §2.1).
@Suite("Bot Framework token validation")
struct TokenValidatorTests {
    static let appID = TeamsActivityFixtures.botAppID
    static let serviceURL = TeamsActivityFixtures.serviceURL
    /// One key for the suite (generating RSA keys is slow).
    static let signer = TeamsTokenSigner()

    @Test("a token the Connector would send is accepted, with aud as a string or an array")
    func acceptsValidTokens() async throws {
        try await withValidator { fake, validator in
            let claims = try await validator.validate(
                authorization: "Bearer " + fake.signer.token(), channelID: "msteams", serviceURL: Self.serviceURL, now: Date())
            #expect(claims.aud == [Self.appID])
            #expect(claims.serviceurl == Self.serviceURL)
            var arrayAudience = BotFrameworkTestClaims()
            arrayAudience.aud = .array([Self.appID])
            _ = try await validator.validate(
                authorization: "Bearer " + fake.signer.token(arrayAudience), channelID: "msteams", serviceURL: Self.serviceURL,
                now: Date())
            // An activity with no channelId makes no claim the endorsements could refuse.
            _ = try await validator.validate(
                authorization: "Bearer " + fake.signer.token(), channelID: nil, serviceURL: Self.serviceURL, now: Date())
        }
    }

    @Test("clock skew of five minutes either way is allowed, not more")
    func skew() async throws {
        try await withValidator { fake, validator in
            let now = Date()
            var claims = BotFrameworkTestClaims()
            claims.exp = now.addingTimeInterval(-240)
            _ = try await validator.validate(
                authorization: "Bearer " + fake.signer.token(claims), channelID: "msteams", serviceURL: Self.serviceURL, now: now)
            claims.exp = now.addingTimeInterval(3600)
            claims.nbf = now.addingTimeInterval(240)
            _ = try await validator.validate(
                authorization: "Bearer " + fake.signer.token(claims), channelID: "msteams", serviceURL: Self.serviceURL, now: now)
        }
    }

    /// Forged, stale and malformed tokens: each refused with its reason.
    static var corpus: [(name: String, expected: TeamsAuthError?, make: @Sendable (TeamsTokenSigner) -> String?)] {
        func claims(_ change: (inout BotFrameworkTestClaims) -> Void) -> BotFrameworkTestClaims {
            var claims = BotFrameworkTestClaims()
            change(&claims)
            return claims
        }
        let expired = claims { $0.exp = Date().addingTimeInterval(-400) }
        let early = claims { $0.nbf = Date().addingTimeInterval(400) }
        let noExpiry = claims { $0.exp = nil }
        let wrongAudience = claims { $0.aud = .string("99999999-2222-3333-4444-555555555555") }
        let botFrameworkAudience = claims { $0.aud = .string("https://api.botframework.com") }
        let noAudience = claims { $0.aud = nil }
        let wrongIssuer = claims { $0.iss = "https://evil.example.com" }
        let emulator = claims { $0.iss = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/" }
        let otherServiceURL = claims { $0.serviceurl = "https://evil.example.com/amer/" }
        let noServiceURL = claims { $0.serviceurl = nil }
        let slashless = claims { $0.serviceurl = "https://smba.trafficmanager.net/amer" }
        return [
            ("no header", .missingToken, { _ in nil }),
            ("not Bearer", .missingToken, { signer in "Basic " + signer.token() }),
            ("lowercase bearer", .missingToken, { signer in "bearer " + signer.token() }),
            ("empty token", .malformedToken, { _ in "Bearer " }),
            ("garbage", .malformedToken, { _ in "Bearer not-a-jwt" }),
            ("two parts", .malformedToken, { signer in "Bearer " + signer.token().split(separator: ".").prefix(2).joined(separator: ".") }),
            ("padding in base64url", .malformedToken, { signer in "Bearer " + signer.token().replacingOccurrences(of: ".", with: "=.") }),
            ("alg none", .unsupportedAlgorithm("none"), { signer in "Bearer " + signer.unsignedToken() }),
            ("HS256 keyed with the public key", .unsupportedAlgorithm("HS256"), { signer in "Bearer " + signer.hs256Token() }),
            (
                "RS384 header", .unsupportedAlgorithm("RS384"),
                { signer in
                    "Bearer " + signer.token(BotFrameworkTestClaims(), header: TestJWTHeader(alg: "RS384", kid: signer.kid))
                }
            ),
            ("no kid", .missingKeyID, { signer in "Bearer " + signer.token(BotFrameworkTestClaims(), header: TestJWTHeader(kid: nil)) }),
            (
                "unknown kid", .unknownKey("rotated-away"),
                { signer in
                    "Bearer " + signer.token(BotFrameworkTestClaims(), header: TestJWTHeader(kid: "rotated-away"))
                }
            ),
            ("signed by another key with the same kid", .badSignature, { signer in "Bearer " + signer.tokenSignedByOtherKey() }),
            (
                "payload swapped under a valid signature", .badSignature,
                { signer in
                    "Bearer " + signer.tamperedPayload(signed: BotFrameworkTestClaims(), presented: wrongAudience)
                }
            ),
            ("signature bytes flipped", .badSignature, { signer in "Bearer " + signer.tokenWithBadSignature() }),
            ("expired past the skew", .expired, { signer in "Bearer " + signer.token(expired) }),
            ("no exp", .expired, { signer in "Bearer " + signer.token(noExpiry) }),
            ("nbf ahead past the skew", .notYetValid, { signer in "Bearer " + signer.token(early) }),
            ("wrong audience", .wrongAudience, { signer in "Bearer " + signer.token(wrongAudience) }),
            ("audience api.botframework.com", .wrongAudience, { signer in "Bearer " + signer.token(botFrameworkAudience) }),
            ("no audience", .wrongAudience, { signer in "Bearer " + signer.token(noAudience) }),
            ("wrong issuer", .untrustedIssuer("https://evil.example.com"), { signer in "Bearer " + signer.token(wrongIssuer) }),
            (
                "emulator issuer", .untrustedIssuer("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
                { signer in
                    "Bearer " + signer.token(emulator)
                }
            ),
            ("serviceurl of another host", .serviceURLMismatch, { signer in "Bearer " + signer.token(otherServiceURL) }),
            ("no serviceurl", .serviceURLMismatch, { signer in "Bearer " + signer.token(noServiceURL) }),
            ("serviceurl without the trailing slash", .serviceURLMismatch, { signer in "Bearer " + signer.token(slashless) }),
        ]
    }

    @Test("forged and malformed tokens are refused", arguments: 0..<26)
    func refusesForgeries(index: Int) async throws {
        let cases = Self.corpus
        try #require(cases.count == 26)
        let entry = cases[index]
        try await withValidator { fake, validator in
            await #expect(throws: entry.expected ?? .malformedToken, "\(entry.name)") {
                try await validator.validate(
                    authorization: entry.make(fake.signer), channelID: "msteams", serviceURL: Self.serviceURL, now: Date())
            }
        }
    }

    @Test("a key not endorsed for the activity's channel is refused")
    func endorsements() async throws {
        try await withValidator { fake, validator in
            await #expect(throws: TeamsAuthError.channelNotEndorsed("webchat")) {
                try await validator.validate(
                    authorization: "Bearer " + fake.signer.token(), channelID: "webchat", serviceURL: Self.serviceURL, now: Date())
            }
        }
    }

    @Test("an unknown kid refreshes the keys once a minute at most; a rotated-in key is found")
    func unknownKidRefresh() async throws {
        let clock = TestClock()
        try await withValidator(clock: clock) { fake, validator in
            _ = try await validator.validate(
                authorization: "Bearer " + fake.signer.token(), channelID: "msteams", serviceURL: Self.serviceURL, now: clock.now)
            #expect(fake.keyFetches == 1)
            let forged = fake.signer.token(BotFrameworkTestClaims(), header: TestJWTHeader(kid: "nope"))
            for _ in 0..<50 {
                await #expect(throws: TeamsAuthError.unknownKey("nope")) {
                    try await validator.validate(
                        authorization: "Bearer " + forged, channelID: "msteams", serviceURL: Self.serviceURL, now: clock.now)
                }
            }
            #expect(fake.keyFetches <= 2, "fifty unknown kids cost at most one refresh")
            let rotated = TeamsTokenSigner(kid: "test-key-2")
            fake.addSigner(rotated)
            clock.advance(61)
            _ = try await validator.validate(
                authorization: "Bearer " + rotated.token(clock.claims), channelID: "msteams", serviceURL: Self.serviceURL, now: clock.now)
            clock.advance(86_400)
            _ = try await validator.validate(
                authorization: "Bearer " + rotated.token(clock.claims), channelID: "msteams", serviceURL: Self.serviceURL, now: clock.now)
            #expect(fake.keyFetches == 3, "the unknown kid and the daily refresh each fetched once")
        }
    }

    @Test("keys that cannot be fetched: refused, and the cached keys keep working through an outage")
    func keyOutage() async throws {
        let clock = TestClock()
        try await withValidator(clock: clock) { fake, validator in
            fake.failKeyFetches(1)
            await #expect(throws: TeamsAuthError.self) {
                try await validator.validate(
                    authorization: "Bearer " + fake.signer.token(), channelID: "msteams", serviceURL: Self.serviceURL, now: clock.now)
            }
            clock.advance(6)
            _ = try await validator.validate(
                authorization: "Bearer " + fake.signer.token(), channelID: "msteams", serviceURL: Self.serviceURL, now: clock.now)
            fake.failKeyFetches(100)
            clock.advance(90_000)
            _ = try await validator.validate(
                authorization: "Bearer " + fake.signer.token(clock.claims), channelID: "msteams", serviceURL: Self.serviceURL,
                now: clock.now)
        }
    }

    private func withValidator(
        clock: TestClock = TestClock(), _ body: (FakeBotFramework, BotFrameworkTokenValidator) async throws -> Void
    ) async throws {
        let fake = try await FakeBotFramework.start(signer: Self.signer)
        let http = CurlHTTPClient(configuration: .init(proxy: .disabled))
        let keys = SigningKeyCache(metadataURL: fake.openIDMetadataURL, http: http, clock: { clock.now })
        let validator = BotFrameworkTokenValidator(appID: Self.appID, tenantID: nil, channelKeys: keys)
        do {
            try await body(fake, validator)
        } catch {
            await http.shutdown()
            fake.stop()
            throw error
        }
        await http.shutdown()
        fake.stop()
    }
}

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)
    var now: Date { Date().addingTimeInterval(offset.withLock { $0 }) }
    func advance(_ seconds: TimeInterval) { offset.withLock { $0 += seconds } }
    /// Valid claims around this clock's now.
    var claims: BotFrameworkTestClaims {
        BotFrameworkTestClaims(nbf: now.addingTimeInterval(-60), exp: now.addingTimeInterval(3600))
    }
}
