import Foundation

/// A compact JWS split into its parts, with the header and issuer decoded but NOT verified:
/// only used to pick the issuer profile and the key before the signature is checked. Works on
/// the token's bytes: this runs for every activity, before anything else is known.
struct JWTParts: Sendable {
    struct Header: Decodable, Sendable {
        var alg: String?
        var kid: String?
    }

    private struct Issuer: Decodable {
        var iss: String?
    }

    let header: Header
    /// `iss` as the token claims it (checked again on the verified claims).
    let issuer: String?

    init(token: String) throws(TeamsAuthError) {
        let bytes = Array(token.utf8)
        guard let firstDot = bytes.firstIndex(of: UInt8(ascii: ".")),
            let secondDot = bytes[(firstDot + 1)...].firstIndex(of: UInt8(ascii: ".")),
            !bytes[(secondDot + 1)...].contains(UInt8(ascii: ".")), firstDot > 0, secondDot > firstDot + 1,
            let headerBytes = Base64URL.decode(bytes[..<firstDot]), let claimBytes = Base64URL.decode(bytes[(firstDot + 1)..<secondDot])
        else { throw .malformedToken }
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(Header.self, from: headerBytes),
            let issuer = try? decoder.decode(Issuer.self, from: claimBytes)
        else { throw .malformedToken }
        self.header = header
        self.issuer = issuer.iss
    }
}

/// RFC 4648 §5 without padding, as JWTs use it.
enum Base64URL {
    /// Nil for anything outside the URL-safe alphabet (padding and `+ /` included) or too long.
    static func decode(_ text: ArraySlice<UInt8>) -> Data? {
        guard text.count <= 64 * 1024 else { return nil }
        var standard = [UInt8]()
        standard.reserveCapacity(text.count + 3)
        for byte in text {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                standard.append(byte)
            case UInt8(ascii: "-"): standard.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): standard.append(UInt8(ascii: "/"))
            default: return nil
            }
        }
        switch standard.count % 4 {
        case 0: break
        case 2: standard += [UInt8(ascii: "="), UInt8(ascii: "=")]
        case 3: standard.append(UInt8(ascii: "="))
        default: return nil
        }
        return Data(base64Encoded: Data(standard))
    }
}
