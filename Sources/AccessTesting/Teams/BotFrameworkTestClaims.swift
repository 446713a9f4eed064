import Foundation

/// The payload of a Bot Framework channel token (protocols.md §2.1), for ``TeamsTokenSigner``.
///
/// Every claim is optional: nil leaves it out, so a test can forge a token without `serviceurl`
/// or `exp`. The defaults make a token the channel profile accepts for
/// ``TeamsActivityFixtures/botAppID`` and ``TeamsActivityFixtures/serviceURL``, valid from a
/// minute ago for an hour.
public struct BotFrameworkTestClaims: Sendable, Hashable {
    /// The issuer of Bot Framework channel tokens.
    public static let channelIssuer = "https://api.botframework.com"

    /// `aud`: one string, or the array form (`["<app id>"]`).
    public enum Audience: Sendable, Hashable, ExpressibleByStringLiteral {
        case string(String)
        case array([String])

        public init(stringLiteral value: String) { self = .string(value) }
    }

    /// `iss`.
    public var iss: String?
    /// `aud`: the bot's Microsoft App ID.
    public var aud: Audience?
    /// `serviceurl` (lowercase, as the channel writes it): must equal the activity's `serviceUrl`.
    public var serviceurl: String?
    /// `nbf`, written as whole Unix seconds.
    public var nbf: Date?
    /// `exp`, written as whole Unix seconds.
    public var exp: Date?
    /// More string claims (`appid`, `ver`, `azp`, ...); they override a claim of the same name.
    public var extra: [String: String]

    /// Claims valid for `aud` and `serviceurl` from one minute ago for an hour, unless told otherwise.
    public init(
        iss: String? = BotFrameworkTestClaims.channelIssuer, aud: Audience? = .string(TeamsActivityFixtures.botAppID),
        serviceurl: String? = TeamsActivityFixtures.serviceURL, nbf: Date? = Date().addingTimeInterval(-60),
        exp: Date? = Date().addingTimeInterval(3600), extra: [String: String] = [:]
    ) {
        self.iss = iss
        self.aud = aud
        self.serviceurl = serviceurl
        self.nbf = nbf
        self.exp = exp
        self.extra = extra
    }
}

extension BotFrameworkTestClaims: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TestJWTKey.self)
        try container.encodeIfPresent(iss, forKey: "iss")
        switch aud {
        case .string(let value): try container.encode(value, forKey: "aud")
        case .array(let values): try container.encode(values, forKey: "aud")
        case nil: break
        }
        try container.encodeIfPresent(serviceurl, forKey: "serviceurl")
        try container.encodeIfPresent(nbf.map(Self.seconds), forKey: "nbf")
        try container.encodeIfPresent(exp.map(Self.seconds), forKey: "exp")
        for (name, value) in extra where !["iss", "aud", "serviceurl", "nbf", "exp"].contains(name) {
            try container.encode(value, forKey: TestJWTKey(name))
        }
    }

    private static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}

/// The JOSE header of a test token. nil leaves a field out.
public struct TestJWTHeader: Sendable, Hashable, Encodable {
    /// `alg`: `RS256` unless forging.
    public var alg: String?
    /// `kid`: which key of the JWK set signed it.
    public var kid: String?
    /// `typ`.
    public var typ: String?
    /// `x5t`: the Bot Framework sets it to the key id.
    public var x5t: String?
    /// More string fields (`jku`, `crit`, ...).
    public var extra: [String: String]

    /// A header; ``TeamsTokenSigner`` fills `kid` and `x5t` with its key id when it makes one.
    public init(alg: String? = "RS256", kid: String? = nil, typ: String? = "JWT", x5t: String? = nil, extra: [String: String] = [:]) {
        self.alg = alg
        self.kid = kid
        self.typ = typ
        self.x5t = x5t
        self.extra = extra
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TestJWTKey.self)
        try container.encodeIfPresent(alg, forKey: "alg")
        try container.encodeIfPresent(kid, forKey: "kid")
        try container.encodeIfPresent(typ, forKey: "typ")
        try container.encodeIfPresent(x5t, forKey: "x5t")
        for (name, value) in extra where !["alg", "kid", "typ", "x5t"].contains(name) {
            try container.encode(value, forKey: TestJWTKey(name))
        }
    }
}

/// A public key as the Bot Framework JWK set lists it.
public struct BotFrameworkJWK: Sendable, Hashable, Codable {
    public var kty: String
    public var use: String
    public var kid: String
    public var x5t: String
    /// The modulus, base64url without padding.
    public var n: String
    /// The public exponent, base64url without padding.
    public var e: String
    /// The channels this key may sign for (`["msteams"]`); nil leaves the field out.
    public var endorsements: [String]?
}

/// Any JSON object key.
struct TestJWTKey: CodingKey, ExpressibleByStringLiteral {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init(stringLiteral value: String) { stringValue = value }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Base64url without padding (RFC 7515 §2).
enum TeamsBase64URL {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The JSON text of a value: sorted keys, slashes as they are.
    static func json(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try Array(encoder.encode(value))
        } catch {
            preconditionFailure("test JWT part does not encode: \(error)")
        }
    }
}
