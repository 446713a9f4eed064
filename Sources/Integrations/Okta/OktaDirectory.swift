import AccessCore
import Logging

/// The directory when Okta is configured: a person by login (else primary email), their
/// manager from the `managerId` profile attribute, and whether they are active.
public struct OktaDirectory: Directory {
    public let client: OktaClient
    /// The profile attribute that names the manager (by id, login or employee number).
    public let managerAttribute: String
    private let cache: OktaUserCache

    /// - Parameters:
    ///   - cacheTTL: how long an answer is reused; zero asks Okta every time.
    ///   - managerAttribute: `managerId` in Okta's base schema; orgs differ, so it is a setting.
    public init(client: OktaClient, cacheTTL: Duration = .seconds(300), managerAttribute: String = "managerId") {
        self.client = client
        self.managerAttribute = managerAttribute
        self.cache = OktaUserCache(ttl: cacheTTL, negativeTTL: min(cacheTTL, .seconds(60)))
    }

    /// The person, as the directory sees them now (from the cache within its TTL).
    public func user(_ id: UserID) async throws -> DirectoryUser? {
        if let cached = await cache.lookup(id) { return cached }
        let found = try await lookUp(id)
        await cache.store(found, for: id)
        return found
    }

    /// Drops a cached answer (after a grant found the person's status changed).
    public func forget(_ id: UserID) async { await cache.forget(id) }

    private func lookUp(_ id: UserID) async throws(OktaError) -> DirectoryUser? {
        guard let okta = try await client.findUser(login: id.rawValue) else { return nil }
        guard okta.status.isActive else {
            // No request can be made, so the manager does not matter.
            return DirectoryUser(id: id, displayName: okta.displayName, manager: nil, active: false)
        }
        let manager = try await client.manager(of: okta, attribute: managerAttribute)
        if manager == nil, okta.profile[managerAttribute] != nil {
            client.logger.notice(
                "okta manager could not be resolved", metadata: ["user": "\(id)", "attribute": "\(managerAttribute)"])
        }
        return DirectoryUser(id: id, displayName: okta.displayName, manager: manager?.directoryID, active: true)
    }
}
