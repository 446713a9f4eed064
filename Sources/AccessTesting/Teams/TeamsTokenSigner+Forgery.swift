import Crypto
import Foundation
import _CryptoExtras

/// Bad tokens a verifier must reject (protocols.md §2.1, check 1 and 4).
extension TeamsTokenSigner {
    /// `alg` `none` with an empty signature: `header.payload.`.
    public func unsignedToken(_ claims: BotFrameworkTestClaims = BotFrameworkTestClaims()) -> String {
        var header = defaultHeader
        header.alg = "none"
        return TeamsBase64URL.encode(TeamsBase64URL.json(header)) + "." + TeamsBase64URL.encode(TeamsBase64URL.json(claims)) + "."
    }

    /// `alg` `HS256`, keyed with `secret`, or with the public key's PEM bytes when nil (the
    /// classic key-confusion attack on verifiers that take `alg` from the token).
    public func hs256Token(_ claims: BotFrameworkTestClaims = BotFrameworkTestClaims(), secret: Data? = nil) -> String {
        var header = defaultHeader
        header.alg = "HS256"
        let input = TeamsBase64URL.encode(TeamsBase64URL.json(header)) + "." + TeamsBase64URL.encode(TeamsBase64URL.json(claims))
        let key = SymmetricKey(data: secret ?? Data(publicKeyPEM.utf8))
        return input + "." + TeamsBase64URL.encode(HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: key))
    }

    /// RS256 with this signer's header and `kid`, signed by an unrelated key.
    public func tokenSignedByOtherKey(_ claims: BotFrameworkTestClaims = BotFrameworkTestClaims()) -> String {
        let input = TeamsBase64URL.encode(TeamsBase64URL.json(defaultHeader)) + "." + TeamsBase64URL.encode(TeamsBase64URL.json(claims))
        return input + "." + TeamsBase64URL.encode(Self.sign(input, with: TeamsOtherKey.key))
    }

    /// A valid signature over `signed`, with the payload swapped for `presented`.
    public func tamperedPayload(signed: BotFrameworkTestClaims, presented: BotFrameworkTestClaims) -> String {
        let parts = token(signed).split(separator: ".", omittingEmptySubsequences: false)
        precondition(parts.count == 3, "a token has three parts")
        return parts[0] + "." + TeamsBase64URL.encode(TeamsBase64URL.json(presented)) + "." + parts[2]
    }

    /// A valid token whose signature has one bit flipped.
    public func tokenWithBadSignature(_ claims: BotFrameworkTestClaims = BotFrameworkTestClaims()) -> String {
        let input = TeamsBase64URL.encode(TeamsBase64URL.json(defaultHeader)) + "." + TeamsBase64URL.encode(TeamsBase64URL.json(claims))
        var signature = Self.sign(input, with: key)
        signature[signature.startIndex + 10] ^= 0x01
        return input + "." + TeamsBase64URL.encode(signature)
    }
}

/// One unrelated key for the whole process: generating RSA keys is slow.
enum TeamsOtherKey {
    static let key = TeamsTokenSigner.generateKey()
}
