import Foundation

/// The Okta org the server grants through and reads people from (`OKTA_ORG_URL`, `OKTA_API_TOKEN`).
public struct OktaConfiguration: Sendable {
    /// `https://acme.okta.com`, or a fake's loopback URL in tests.
    public var orgURL: String
    /// The `SSWS` API token; sent only in the `Authorization` header, never logged.
    public var apiToken: String
    /// How long a directory answer (person, manager, status) is reused.
    public var directoryCacheTTL: Duration
    /// The profile attribute naming a person's manager.
    public var managerAttribute: String
    /// Tries of a grant that keeps failing for now (5xx, timeouts, 429) before the request is `failed`.
    public var grantAttempts: Int
    /// Tries of a revoke before it is dead-lettered and the escalation channel is told.
    public var revokeAttempts: Int

    public init(
        orgURL: String, apiToken: String, directoryCacheTTL: Duration = .seconds(300), managerAttribute: String = "managerId",
        grantAttempts: Int = 8, revokeAttempts: Int = 20
    ) {
        self.orgURL = orgURL
        self.apiToken = apiToken
        self.directoryCacheTTL = directoryCacheTTL
        self.managerAttribute = managerAttribute
        self.grantAttempts = max(1, grantAttempts)
        self.revokeAttempts = max(1, revokeAttempts)
    }
}
