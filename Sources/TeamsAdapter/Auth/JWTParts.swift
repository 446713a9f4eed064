import Foundation

/// A compact JWS split into its parts, with the header and claims decoded but NOT verified:
/// only used to pick the issuer profile and the key before the signature is checked.
struct JWTParts: Sendable {
    struct Header: Decodable, Sendable {
        var alg: String?
        var kid: String?
    }

    let header: Header
    let claims: BotFrameworkClaims

    init(token: String) throws(TeamsAuthError) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
            let headerBytes = Base64URL.decode(parts[0]), let claimBytes = Base64URL.decode(parts[1])
        else { throw .malformedToken }
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(Header.self, from: headerBytes),
            let claims = try? decoder.decode(BotFrameworkClaims.self, from: claimBytes)
        else { throw .malformedToken }
        self.header = header
        self.claims = claims
    }
}

/// RFC 4648 §5 without padding, as JWTs use it.
enum Base64URL {
    static func decode(_ text: Substring) -> Data? {
        guard text.utf8.count <= 64 * 1024, text.utf8.allSatisfy(isAlphabet) else { return nil }
        var base64 = String(text).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        switch base64.utf8.count % 4 {
        case 0: break
        case 2: base64 += "=="
        case 3: base64 += "="
        default: return nil
        }
        return Data(base64Encoded: base64)
    }

    /// `A–Z a–z 0–9 - _` only: padding and the standard alphabet's `+ /` are not base64url.
    private static func isAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}
