/// One step of the schema's history. Steps are applied in order, each once, and recorded in
/// `schema_migrations`; a step is never edited after release, only followed by a new one.
struct Migration: Sendable {
    let version: Int
    let name: String
    /// The DDL in the given dialect.
    let statements: @Sendable (Dialect) -> [String]

    /// Every step this build knows, oldest first.
    static let all: [Migration] = [.initial, .reportIndexes, .chatLegs, .outboxDue]

    static var latestVersion: Int { all.map(\.version).max() ?? 0 }
}

/// Column types that differ between the dialects.
struct ColumnTypes {
    /// An autoincrementing 64-bit primary key.
    let identity: String
    /// A point in time: seconds since 1970 as a double, on both backends, so values round-trip
    /// exactly and one set of SQL compares them.
    let time: String

    init(_ dialect: Dialect) {
        switch dialect {
        case .sqlite:
            // AUTOINCREMENT: ids are never reused after deletes, so a late call about a delivered
            // message can never touch a newer one.
            identity = "INTEGER PRIMARY KEY AUTOINCREMENT"
            time = "REAL"
        case .postgres:
            identity = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
            time = "DOUBLE PRECISION"
        }
    }
}
