/// Who people are: the static list in the config, or Okta.
public protocol Directory: Sendable {
    /// The person with this email or login; nil when the directory does not know them.
    func user(_ id: UserID) async throws -> DirectoryUser?
}

/// The `users:` list of the config file.
public struct StaticDirectory: Directory {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    public func user(_ id: UserID) async throws -> DirectoryUser? { catalog.user(id) }
}
