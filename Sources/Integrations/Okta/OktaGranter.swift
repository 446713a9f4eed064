import AccessCore

/// What one grant or revoke came to, for the server to map onto the outbox.
public enum OktaGrantResult: Equatable, Sendable {
    /// Done, or already so. The `X-Okta-Request-Id`s of the calls, for logs and audit.
    case done(oktaRequestIDs: [String])
    /// The person may not get access (suspended, deactivated, not activated): no grant was tried.
    case userInactive(OktaUserStatus)
    /// Okta's rate limit: try again after this wait (its `X-Rate-Limit-Reset`).
    case rateLimited(wait: Duration)
    /// Failed for now (5xx, timeout, dropped connection): try again with backoff.
    case transient(reason: String)
    /// Failed for good (400, 401, 403, unknown group or user): a person must act.
    case permanent(reason: String)
}

/// Grants and revokes `GrantOrder`s in Okta: resolves the person's Okta id, checks their
/// status before granting, then changes group membership or app assignment. Revokes run
/// whatever the status, and "not found" on a revoke means there is nothing left to remove.
public struct OktaGranter: Sendable {
    public let client: OktaClient

    public init(client: OktaClient) { self.client = client }

    public func grant(_ order: GrantOrder) async -> OktaGrantResult {
        do {
            guard let user = try await client.findUser(login: order.user.rawValue) else {
                return .permanent(reason: "\(order.user) is not in Okta")
            }
            guard user.status.isActive else { return .userInactive(user.status) }
            let receipt: OktaReceipt
            switch order.method {
            case .oktaGroup(let group): receipt = try await client.addUser(user.id, toGroup: group)
            case .oktaApp(let app): receipt = try await client.assignUser(user.id, toApp: app)
            case .manual: return .permanent(reason: "a manual resource is granted by hand, not through Okta")
            }
            return .done(oktaRequestIDs: receipt.requestID.map { [$0] } ?? [])
        } catch {
            if error.code == .inactiveUser || error.code == .userStatusForbids {
                return .permanent(reason: "Okta refused: \(order.user) is not active (\(error.code?.rawValue ?? ""))")
            }
            return Self.classify(error, order: order)
        }
    }

    public func revoke(_ order: GrantOrder) async -> OktaGrantResult {
        do {
            guard let user = try await client.findUser(login: order.user.rawValue) else { return .done(oktaRequestIDs: []) }
            let receipt: OktaReceipt
            switch order.method {
            case .oktaGroup(let group): receipt = try await client.removeUser(user.id, fromGroup: group)
            case .oktaApp(let app): receipt = try await client.unassignUser(user.id, fromApp: app)
            case .manual: return .permanent(reason: "a manual resource is revoked by hand, not through Okta")
            }
            return .done(oktaRequestIDs: receipt.requestID.map { [$0] } ?? [])
        } catch .api(let error) where error.status == 404 {
            return .done(oktaRequestIDs: error.requestID.map { [$0] } ?? [])
        } catch {
            return Self.classify(error, order: order)
        }
    }

    /// 429 waits for the reset; 5xx, timeouts and drops back off; the rest needs a person.
    static func classify(_ error: OktaError, order: GrantOrder) -> OktaGrantResult {
        if case .rateLimited(let wait, _) = error { return .rateLimited(wait: wait) }
        if error.isTransient { return .transient(reason: "\(error)") }
        return .permanent(reason: reason(for: error, order: order))
    }

    /// One sentence a person can act on; never Okta's summary, which may echo input.
    static func reason(for error: OktaError, order: GrantOrder) -> String {
        let target =
            switch order.method {
            case .oktaGroup(let id): "Okta group \(id)"
            case .oktaApp(let id): "Okta app \(id)"
            case .manual: "a manual resource"
            }
        let hint: String =
            switch error.code {
            case .invalidToken?: "the Okta API token is invalid, revoked or expired (set a new OKTA_API_TOKEN)"
            case .invalidSession?: "no Okta API credentials were accepted"
            case .forbidden?: "the Okta API token's admin may not change \(target)"
            case .notFound?: "\(target) or the user does not exist in Okta (check the resource's id in the config)"
            case .validationFailed?: "Okta rejected the call as invalid for \(target)"
            case .groupGrantsApp?: "a group membership grants \(target); remove the person from that group instead"
            case .mappedAttribute?: "an app profile attribute of \(target) is mapped"
            default: "the call for \(target) failed"
            }
        return "\(hint) (\(error.status.map { "HTTP \($0)" } ?? "no response")\(error.code.map { " \($0)" } ?? ""))"
    }
}
