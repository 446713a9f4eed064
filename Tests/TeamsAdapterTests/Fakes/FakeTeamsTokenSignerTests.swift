import AccessTesting
import Foundation
import JWTKit
import SlackAdapter
import Testing
import _CryptoExtras

/// The claims a channel token carries, for jwt-kit.
private struct ChannelClaims: JWTPayload {
    var iss: IssuerClaim
    var aud: AudienceClaim
    var serviceurl: String
    var nbf: NotBeforeClaim
    var exp: ExpirationClaim

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
        try nbf.verifyNotBefore()
    }
}

@Suite struct FakeTeamsTokenSignerTests {
    /// The JWK set the fake serves, loaded into jwt-kit as a verifier would.
    private func servedKeys(_ fake: FakeBotFramework, _ wire: FakeBotFrameworkWire) async throws -> JWTKeyCollection {
        let response = try await wire.get(fake.keysURL)
        #expect(response.status == 200)
        return try await JWTKeyCollection().add(jwksJSON: String(decoding: response.body, as: UTF8.self))
    }

    @Test func aTokenVerifiesWithJWTKitAgainstTheServedJWK() async throws {
        try await withFakeBotFramework { fake, wire in
            let keys = try await servedKeys(fake, wire)
            let token = fake.signer.token(BotFrameworkTestClaims(serviceurl: fake.serviceURL))
            let claims = try await keys.verify(token, as: ChannelClaims.self)
            #expect(claims.iss.value == "https://api.botframework.com")
            #expect(claims.aud.value == [TeamsActivityFixtures.botAppID])
            #expect(claims.serviceurl == fake.serviceURL)
        }
    }

    @Test func aTokenVerifiesWithTheRawModulusAndExponent() throws {
        let signer = TeamsTokenSigner()
        let jwk = signer.jwk
        let key = try _RSA.Signing.PublicKey(n: try base64URLDecode(jwk.n), e: try base64URLDecode(jwk.e))
        let parts = signer.token().split(separator: ".").map(String.init)
        #expect(parts.count == 3)
        let signature = _RSA.Signing.RSASignature(rawRepresentation: try base64URLDecode(parts[2]))
        #expect(key.isValidSignature(signature, for: Data((parts[0] + "." + parts[1]).utf8), padding: .insecurePKCS1v1_5))
        #expect(key.keySizeInBits == 2048)
    }

    @Test func theJWKAndHeaderHaveTheBotFrameworkShape() throws {
        let signer = TeamsTokenSigner(kid: "k-1")
        let jwk = try #require(SlackJSONValue.parse(Array(try JSONEncoder().encode(signer.jwk))))
        #expect(jwk["kty"]?.string == "RSA")
        #expect(jwk["use"]?.string == "sig")
        #expect(jwk["kid"]?.string == "k-1")
        #expect(jwk["x5t"]?.string == "k-1")
        #expect(jwk["e"]?.string == "AQAB")
        #expect(jwk["endorsements"] == .array([.string("msteams")]))
        #expect(TeamsTokenSigner(kid: "k-2", endorsements: nil).jwk.endorsements == nil)
        let header = try part(0, of: signer.token())
        #expect(header == .object(["alg": .string("RS256"), "kid": .string("k-1"), "x5t": .string("k-1"), "typ": .string("JWT")]))
    }

    @Test func claimsCanBeOmittedArrayedOrAdded() throws {
        let signer = TeamsTokenSigner()
        var claims = BotFrameworkTestClaims(aud: .array(["app"]), serviceurl: nil, nbf: Date(timeIntervalSince1970: 1_700_000_000))
        claims.exp = nil
        claims.extra = ["ver": "2.0", "azp": "app"]
        let payload = try part(1, of: signer.token(claims))
        #expect(payload["aud"] == .array([.string("app")]))
        #expect(payload["serviceurl"] == nil)
        #expect(payload["exp"] == nil)
        #expect(payload["ver"]?.string == "2.0")
        #expect(payload["iss"]?.string == BotFrameworkTestClaims.channelIssuer)
        let bytes = try base64URLDecode(signer.token(claims).split(separator: ".").map(String.init)[1])
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""nbf":1700000000"#))
    }

    @Test func forgedTokensDoNotVerify() async throws {
        try await withFakeBotFramework { fake, wire in
            let keys = try await servedKeys(fake, wire)
            let claims = BotFrameworkTestClaims(serviceurl: fake.serviceURL)
            var other = claims
            other.aud = "someone-else"
            let forged = [
                ("alg none", fake.signer.unsignedToken(claims)), ("HS256 keyed with the PEM", fake.signer.hs256Token(claims)),
                ("other key", fake.signer.tokenSignedByOtherKey(claims)),
                ("tampered payload", fake.signer.tamperedPayload(signed: other, presented: claims)),
                ("flipped bit", fake.signer.tokenWithBadSignature(claims)),
            ]
            for (name, token) in forged {
                let verified = try? await keys.verify(token, as: ChannelClaims.self)
                #expect(verified == nil, "\(name) verified")
            }
            #expect(fake.signer.unsignedToken(claims).hasSuffix("."))
            #expect(try part(0, of: fake.signer.hs256Token(claims))["alg"]?.string == "HS256")
            #expect(fake.signer.publicKeyPEM.hasPrefix("-----BEGIN PUBLIC KEY-----"))
            #expect(!fake.signer.publicKeyDER.isEmpty)
        }
    }

    /// jwt-kit 5.8 verifies a token whose `kid` it does not know with its default key, so a
    /// verifier must look the `kid` up in the key set itself (protocols.md §2.1, check 2).
    @Test func jwtKitFallsBackToItsDefaultKeyForAnUnknownKid() async throws {
        try await withFakeBotFramework { fake, wire in
            let keys = try await servedKeys(fake, wire)
            let token = fake.signer.token(BotFrameworkTestClaims(serviceurl: fake.serviceURL), header: TestJWTHeader(kid: "unknown-kid"))
            #expect(try part(0, of: token)["kid"]?.string == "unknown-kid")
            _ = try await keys.verify(token, as: ChannelClaims.self)
        }
    }

    @Test func aRotatedKeyIsServedAndVerifies() async throws {
        try await withFakeBotFramework { fake, wire in
            let next = TeamsTokenSigner(kid: "test-key-2")
            fake.addSigner(next)
            let keys = try await servedKeys(fake, wire)
            _ = try await keys.verify(next.token(BotFrameworkTestClaims(serviceurl: fake.serviceURL)), as: ChannelClaims.self)
            _ = try await keys.verify(fake.signer.token(BotFrameworkTestClaims(serviceurl: fake.serviceURL)), as: ChannelClaims.self)
            fake.removeSigner(kid: "test-key-1")
            let served = try await wire.get(fake.keysURL).fakeJSON["keys"]?.array?.compactMap { $0["kid"]?.string }
            #expect(served == ["test-key-2"])
            #expect(fake.keyFetches == 2)
        }
    }
}

/// A decoded JWT part (0 header, 1 payload).
private func part(_ index: Int, of token: String) throws -> SlackJSONValue {
    let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    return try #require(SlackJSONValue.parse(Array(try base64URLDecode(parts[index]))))
}

private func base64URLDecode(_ text: String) throws -> Data {
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    return try #require(Data(base64Encoded: base64))
}
