import AccessCore
import Integrations

/// The directory chosen at start: the config's `users:` list, or Okta. A concrete type, so
/// `AccessService` stays generic. Whoever it reports inactive (suspended, deactivated) is
/// handed to `onInactive`, which cancels their pending requests.
public struct DirectoryChoice: Directory {
    public enum Source: Sendable {
        case configured(StaticDirectory)
        case okta(OktaDirectory)
    }

    public let source: Source
    private let onInactive: @Sendable (DirectoryUser) async -> Void

    public init(_ source: Source, onInactive: @escaping @Sendable (DirectoryUser) async -> Void = { _ in }) {
        self.source = source
        self.onInactive = onInactive
    }

    public func user(_ id: UserID) async throws -> DirectoryUser? {
        let found: DirectoryUser? =
            switch source {
            case .configured(let directory): try await directory.user(id)
            case .okta(let directory): try await directory.user(id)
            }
        if let found, !found.active { await onInactive(found) }
        return found
    }
}
