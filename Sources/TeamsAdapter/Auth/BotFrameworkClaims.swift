import Foundation
import JWTKit

/// The claims AccessBot reads from a Bot Framework token. Checked by
/// `BotFrameworkTokenValidator` with its own clock and skew, not by jwt-kit.
public struct BotFrameworkClaims: JWTPayload, Hashable {
    public var iss: String?
    /// A string or a one-element array on the wire.
    public var aud: [String]
    public var exp: Double?
    public var nbf: Double?
    /// Lowercase on the wire: the Connector endpoint this token is bound to.
    public var serviceurl: String?
    public var appid: String?
    public var azp: String?
    public var ver: String?

    enum CodingKeys: String, CodingKey {
        case iss, aud, exp, nbf, serviceurl, appid, azp, ver
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try container.decodeIfPresent(String.self, forKey: .iss)
        if let single = try? container.decodeIfPresent(String.self, forKey: .aud) {
            aud = [single]
        } else {
            aud = try container.decodeIfPresent([String].self, forKey: .aud) ?? []
        }
        exp = try container.decodeIfPresent(Double.self, forKey: .exp)
        nbf = try container.decodeIfPresent(Double.self, forKey: .nbf)
        serviceurl = try container.decodeIfPresent(String.self, forKey: .serviceurl)
        appid = try container.decodeIfPresent(String.self, forKey: .appid)
        azp = try container.decodeIfPresent(String.self, forKey: .azp)
        ver = try container.decodeIfPresent(String.self, forKey: .ver)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(iss, forKey: .iss)
        try container.encode(aud, forKey: .aud)
        try container.encodeIfPresent(exp, forKey: .exp)
        try container.encodeIfPresent(nbf, forKey: .nbf)
        try container.encodeIfPresent(serviceurl, forKey: .serviceurl)
    }

    /// Claims are checked by the validator with an injected clock; jwt-kit only checks the signature.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
