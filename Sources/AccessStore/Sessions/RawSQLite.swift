import VaporCSQLite

/// What the two raw SQLite connections (the batch writer and the report reader) share:
/// a prepared-statement cache and one way to turn a status into a store error.
enum RawSQLite {
    /// The cached statement for `sql`, prepared once and kept (`SQLITE_PREPARE_PERSISTENT`).
    static func prepared(_ sql: String, handle: OpaquePointer?, cache: inout [String: OpaquePointer]) throws -> OpaquePointer? {
        if let statement = cache[sql] { return statement }
        guard handle != nil else { throw SQLStoreError.closed }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK else { throw error(status, sql, handle: handle) }
        cache[sql] = statement
        return statement
    }

    /// A store error carrying SQLite's own message and the start of the statement.
    static func error(_ status: Int32, _ context: String, handle: OpaquePointer?) -> SQLStoreError {
        let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "SQLite error"
        return .database("SQLite \(status): \(message) (in \(context.prefix(80)))")
    }
}
