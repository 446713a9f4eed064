/// Failures of the SQL store itself, as opposed to the workflow-level `StoreError`
/// (conflict, duplicate) that callers react to.
public enum SQLStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `DATABASE_URL` (or another store URL) could not be understood. The URL is shown with its password hidden.
    case invalidURL(String, reason: String)
    /// `commit` was given an outcome without `expectedVersion` (that is a `create`).
    case missingExpectedVersion(String)
    /// A stored row could not be read back (a corrupt body, an unknown enum value).
    case unreadableRow(table: String, key: String, reason: String)
    /// The database holds a newer schema than this build knows.
    case schemaTooNew(found: Int, known: Int)
    /// The store was closed.
    case closed
    /// The database refused a statement (the message says why; it never holds bound values).
    case database(String)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            return "invalid database URL \(url): \(reason)"
        case .missingExpectedVersion(let id):
            return "commit of request \(id) has no expected version; use create for new requests"
        case .unreadableRow(let table, let key, let reason):
            return "cannot read \(table) row \(key): \(reason)"
        case .closed:
            return "the store is closed"
        case .database(let message):
            return message
        case .schemaTooNew(let found, let known):
            return "the database schema is at version \(found) but this build only knows up to \(known); upgrade accessbot"
        }
    }
}
