import Foundation
import JWTKit

/// The usable keys of one issuer, from its JWK set: RSA keys only, by `kid`, each with the
/// channels it is endorsed for (Bot Framework keys carry `endorsements`; Entra keys do not).
struct SigningKeySet: Sendable {
    struct Key: Sendable {
        /// Channel ids (`msteams`, …) this key may sign for; nil when the key makes no such claim.
        let endorsements: [String]?
    }

    let keys: [String: Key]
    /// The same keys in jwt-kit, pinned to RS256 whatever a token's header says.
    let verifier: JWTKeyCollection

    /// Builds the set from a JWKS document; keys that are not RSA or lack `n`/`e` are skipped.
    static func parse(jwks body: [UInt8]) async throws -> SigningKeySet {
        let document = try JSONDecoder().decode(JWKSDocument.self, from: Data(body))
        let verifier = JWTKeyCollection()
        var keys: [String: Key] = [:]
        for jwk in document.keys {
            guard jwk.kty == "RSA", let kid = jwk.kid, !kid.isEmpty, let n = jwk.n, let e = jwk.e,
                let key = try? Insecure.RSA.PublicKey(modulus: n, exponent: e)
            else { continue }
            await verifier.add(rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
            keys[kid] = Key(endorsements: jwk.endorsements)
        }
        return SigningKeySet(keys: keys, verifier: verifier)
    }

    private struct JWKSDocument: Decodable {
        var keys: [WireKey]
    }

    private struct WireKey: Decodable {
        var kty: String?
        var kid: String?
        var n: String?
        var e: String?
        var endorsements: [String]?
    }
}
