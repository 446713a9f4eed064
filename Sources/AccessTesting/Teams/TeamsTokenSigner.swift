import Crypto
import Foundation
import _CryptoExtras

/// Signs Bot Framework channel tokens (protocols.md §2.1) with a throwaway RSA-2048 key, by
/// hand, so tests can forge any header or payload; ``FakeBotFramework`` serves its ``jwk``.
///
/// ```swift
/// let signer = TeamsTokenSigner()
/// let token = signer.token(BotFrameworkTestClaims(serviceurl: fake.serviceURL))
/// let forged = signer.hs256Token(BotFrameworkTestClaims())  // key confusion: must be rejected
/// ```
///
/// For key rotation, make a second signer with another `kid` and add it to the fake.
public struct TeamsTokenSigner: Sendable {
    /// The key id, in the header's `kid` and `x5t` and in the JWK.
    public let kid: String
    /// The channels the served JWK endorses; nil leaves `endorsements` out.
    public let endorsements: [String]?
    let key: _RSA.Signing.PrivateKey

    /// Generates a fresh RSA-2048 key.
    public init(kid: String = "test-key-1", endorsements: [String]? = ["msteams"]) {
        self.kid = kid
        self.endorsements = endorsements
        self.key = Self.generateKey()
    }

    /// The public key as the JWK set lists it.
    public var jwk: BotFrameworkJWK {
        let primitives: _RSA.Signing.PublicKey.Primitives
        do {
            primitives = try key.publicKey.getKeyPrimitives()
        } catch {
            preconditionFailure("RSA key has no primitives: \(error)")
        }
        return BotFrameworkJWK(
            kty: "RSA", use: "sig", kid: kid, x5t: kid, n: TeamsBase64URL.encode(primitives.modulus),
            e: TeamsBase64URL.encode(primitives.publicExponent), endorsements: endorsements)
    }

    /// The public key, SubjectPublicKeyInfo PEM.
    public var publicKeyPEM: String { key.publicKey.pemRepresentation }

    /// The public key, SubjectPublicKeyInfo DER.
    public var publicKeyDER: Data { key.publicKey.derRepresentation }

    /// The public key, to verify with.
    public var publicKey: _RSA.Signing.PublicKey { key.publicKey }

    /// A valid RS256 token with the default header (`alg` RS256, `kid` and `x5t` = ``kid``, `typ` JWT).
    public func token(_ claims: BotFrameworkTestClaims = BotFrameworkTestClaims()) -> String {
        token(claims, header: defaultHeader)
    }

    /// An RS256 signature by this key over whatever header is given.
    public func token(_ claims: BotFrameworkTestClaims, header: TestJWTHeader) -> String {
        signedToken(headerJSON: TeamsBase64URL.json(header), payloadJSON: TeamsBase64URL.json(claims))
    }

    /// Signs raw JSON parts (which need not be valid JSON) with RS256.
    public func signedToken(headerJSON: [UInt8], payloadJSON: [UInt8]) -> String {
        let input = TeamsBase64URL.encode(headerJSON) + "." + TeamsBase64URL.encode(payloadJSON)
        return input + "." + TeamsBase64URL.encode(Self.sign(input, with: key))
    }

    /// The header ``token(_:)`` uses.
    public var defaultHeader: TestJWTHeader { TestJWTHeader(kid: kid, x5t: kid) }

    static func generateKey() -> _RSA.Signing.PrivateKey {
        do {
            return try _RSA.Signing.PrivateKey(keySize: .bits2048)
        } catch {
            preconditionFailure("RSA key generation failed: \(error)")
        }
    }

    static func sign(_ input: String, with key: _RSA.Signing.PrivateKey) -> Data {
        do {
            return try key.signature(for: Data(input.utf8), padding: .insecurePKCS1v1_5).rawRepresentation
        } catch {
            preconditionFailure("RSA signing failed: \(error)")
        }
    }
}
