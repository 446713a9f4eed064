import Crypto
import Foundation

/// Why a request did not pass Slack's signature check. Every case means: answer 401, change nothing.
public enum SlackVerificationError: Error, Hashable, Sendable {
    /// `X-Slack-Request-Timestamp` or `X-Slack-Signature` is absent.
    case missingHeaders
    /// The timestamp is not a whole number of seconds.
    case malformedTimestamp
    /// The timestamp is more than five minutes away from now, either way (a replay guard).
    case staleTimestamp
    /// The signature is not the one the signing secret gives for this body.
    case badSignature
}

/// Checks Slack's `v0` request signatures (protocols.md §1.1): HMAC-SHA256 with the
/// signing secret over `v0:{timestamp}:{raw body}`, compared in constant time.
public struct SlackRequestVerifier: Sendable {
    /// How far the request timestamp may be from now, in either direction.
    public static let allowedSkew: TimeInterval = 300

    private let key: SymmetricKey

    /// The secret is the app's Signing Secret as text; its UTF-8 bytes are the key.
    public init(signingSecret: String) {
        key = SymmetricKey(data: Array(signingSecret.utf8))
    }

    /// Verifies the raw body bytes, exactly as received, against the two Slack headers.
    /// - Parameters:
    ///   - timestamp: the `X-Slack-Request-Timestamp` header value.
    ///   - signature: the `X-Slack-Signature` header value.
    public func verify(body: [UInt8], timestamp: String?, signature: String?, now: Date) throws(SlackVerificationError) {
        guard let timestamp, let signature, !timestamp.isEmpty, !signature.isEmpty else { throw .missingHeaders }
        guard timestamp.utf8.count <= 12, timestamp.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let seconds = Int64(timestamp)
        else { throw .malformedTimestamp }
        guard abs(now.timeIntervalSince1970 - TimeInterval(seconds)) <= Self.allowedSkew else { throw .staleTimestamp }
        guard let mac = Self.decode(signature: signature),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Self.basestring(body: body, timestamp: timestamp), using: key)
        else { throw .badSignature }
    }

    /// The expected `X-Slack-Signature` value for a body: `v0=` and 64 lowercase hex digits.
    public func signature(body: [UInt8], timestamp: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Self.basestring(body: body, timestamp: timestamp), using: key)
        return "v0="
            + mac.map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined()
    }

    private static func basestring(body: [UInt8], timestamp: String) -> [UInt8] {
        var bytes = Array("v0:".utf8)
        bytes.reserveCapacity(bytes.count + timestamp.utf8.count + 1 + body.count)
        bytes.append(contentsOf: timestamp.utf8)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: body)
        return bytes
    }

    /// The 32 MAC bytes of a `v0=` + 64 lowercase hex signature; nil for any other shape.
    /// Only the shape is checked here (public knowledge); the bytes are compared in constant time.
    private static func decode(signature: String) -> [UInt8]? {
        let utf8 = Array(signature.utf8)
        guard utf8.count == 67, utf8.starts(with: Array("v0=".utf8)) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = 3
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
