/// A member as the Connector describes it (`GET …/members/{id}`), used to map a Teams user
/// to the directory by email or UPN.
public struct TeamsChannelAccount: Decodable, Sendable, Hashable {
    public var id: String
    public var name: String?
    public var aadObjectId: String?
    public var email: String?
    public var userPrincipalName: String?
    public var tenantId: String?

    /// The address to look up in the directory: the email, else the UPN.
    public var directoryEmail: String? {
        if let email, email.contains("@") { return email }
        if let userPrincipalName, userPrincipalName.contains("@") { return userPrincipalName }
        return nil
    }
}

/// One page of `pagedmembers`.
public struct TeamsMemberPage: Decodable, Sendable {
    public var members: [TeamsChannelAccount]
    public var continuationToken: String?
}
