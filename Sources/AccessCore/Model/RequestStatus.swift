/// Where a request is in its life. Raw values are the contract's names (design.md).
public enum RequestStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case pending
    case approved
    case fulfilled
    case expired
    case revoked
    case denied
    case cancelled
    case timedOut = "timed_out"
    case failed

    /// No further decision or grant can happen.
    public var isTerminal: Bool {
        switch self {
        case .pending, .approved, .fulfilled: false
        case .expired, .revoked, .denied, .cancelled, .timedOut, .failed: true
        }
    }

    /// Approvals were given (whatever happened to the grant afterwards).
    public var wasApproved: Bool {
        switch self {
        case .approved, .fulfilled, .expired, .revoked, .failed: true
        case .pending, .denied, .cancelled, .timedOut: false
        }
    }
}

/// Who did something: a person, an admin through the API, or the server itself.
public enum Actor: Hashable, Sendable, Codable, CustomStringConvertible {
    case user(UserID)
    case admin(String)
    case system

    public var description: String {
        switch self {
        case .user(let id): id.rawValue
        case .admin(let name): "admin:\(name)"
        case .system: "accessbot"
        }
    }

    public var user: UserID? {
        if case .user(let id) = self { return id }
        return nil
    }
}
