/// Why an inbound Bot Framework request was refused. Every case answers 401 with a
/// generic body; the case goes to the log (never the token itself).
public enum TeamsAuthError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No `Authorization` header, or not `Bearer <token>`.
    case missingToken
    /// Not three base64url parts with JSON header and payload.
    case malformedToken
    /// Anything but RS256 (`none`, HMAC, …) is refused before any key is touched.
    case unsupportedAlgorithm(String)
    case missingKeyID
    /// The `kid` is not in the issuer's key set, even after a refresh.
    case unknownKey(String)
    /// The key's endorsements do not include the activity's channel.
    case channelNotEndorsed(String)
    case badSignature
    case untrustedIssuer(String)
    case wrongAudience
    case expired
    case notYetValid
    /// The `serviceurl` claim is missing or differs from the activity's `serviceUrl`.
    case serviceURLMismatch
    /// The signing keys could not be fetched and none are cached.
    case keysUnavailable(String)

    public var description: String {
        switch self {
        case .missingToken: "no bearer token"
        case .malformedToken: "malformed token"
        case .unsupportedAlgorithm(let alg): "unsupported algorithm \(alg.prefix(16))"
        case .missingKeyID: "token has no kid"
        case .unknownKey(let kid): "unknown signing key \(kid.prefix(64))"
        case .channelNotEndorsed(let channel): "signing key not endorsed for channel \(channel.prefix(32))"
        case .badSignature: "signature does not verify"
        case .untrustedIssuer(let issuer): "untrusted issuer \(issuer.prefix(120))"
        case .wrongAudience: "audience is not this bot"
        case .expired: "token expired"
        case .notYetValid: "token not yet valid"
        case .serviceURLMismatch: "serviceurl claim does not match the activity"
        case .keysUnavailable(let reason): "signing keys unavailable: \(reason)"
        }
    }
}
