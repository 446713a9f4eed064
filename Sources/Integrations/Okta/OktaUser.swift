import AccessCore

/// A user as the Okta management API returns it (the fields AccessBot reads).
public struct OktaUser: Decodable, Hashable, Sendable {
    /// The Okta id (`00u…`): the only key group and app endpoints accept.
    public var id: String
    public var status: OktaUserStatus
    public var profile: OktaProfile

    public init(id: String, status: OktaUserStatus, profile: OktaProfile) {
        self.id = id
        self.status = status
        self.profile = profile
    }

    /// `displayName`, else first and last name.
    public var displayName: String? {
        if let name = profile["displayName"], !name.isEmpty { return name }
        let parts = [profile["firstName"], profile["lastName"]].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The person as AccessBot names them: the primary email (chat platforms map people by
    /// email), else the login, lower-cased.
    public var directoryID: UserID? {
        guard let key = profile["email"] ?? profile["login"], !key.isEmpty else { return nil }
        return UserID(email: key)
    }
}

/// A profile: `login`, `email`, names, `managerId`, `employeeNumber` and custom attributes.
/// Any attribute may be `null` or absent; only text and number values are kept.
public struct OktaProfile: Decodable, Hashable, Sendable {
    public var attributes: [String: String]

    public init(_ attributes: [String: String]) { self.attributes = attributes }

    public subscript(_ name: String) -> String? { attributes[name] }

    public var login: String? { attributes["login"] }
    public var email: String? { attributes["email"] }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        var attributes: [String: String] = [:]
        for key in container.allKeys {
            if let text = try? container.decode(String.self, forKey: key) {
                attributes[key.stringValue] = text
            } else if let number = try? container.decode(Int64.self, forKey: key) {
                attributes[key.stringValue] = String(number)
            }
        }
        self.attributes = attributes
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// A user's lifecycle status. Unknown values decode too, and count as not active.
public struct OktaUserStatus: RawRepresentable, Hashable, Sendable, Decodable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let staged = OktaUserStatus("STAGED")
    public static let provisioned = OktaUserStatus("PROVISIONED")
    public static let active = OktaUserStatus("ACTIVE")
    public static let recovery = OktaUserStatus("RECOVERY")
    public static let lockedOut = OktaUserStatus("LOCKED_OUT")
    public static let passwordExpired = OktaUserStatus("PASSWORD_EXPIRED")
    public static let suspended = OktaUserStatus("SUSPENDED")
    public static let deprovisioned = OktaUserStatus("DEPROVISIONED")

    /// May get access: `ACTIVE`, and the states of an active person who cannot sign in right
    /// now (`RECOVERY`, `LOCKED_OUT`, `PASSWORD_EXPIRED`). Suspended, deactivated and
    /// not-yet-activated people (and any status Okta adds later) get no grants.
    public var isActive: Bool {
        [Self.active, .recovery, .lockedOut, .passwordExpired].contains(self)
    }

    /// Why a grant is refused, in words for the requester and the owning team.
    public var refusal: String {
        switch self {
        case .suspended: "is suspended in Okta"
        case .deprovisioned: "is deactivated in Okta"
        case .staged, .provisioned: "is not activated in Okta yet"
        default: "has status \(rawValue) in Okta"
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
}
