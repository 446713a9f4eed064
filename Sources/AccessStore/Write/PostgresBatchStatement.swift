import PostgresNIO

/// PostgreSQL writes a batch of outcomes with ONE prepared statement: one round trip, parsed
/// and planned once per connection rather than once per batch (planning a statement this size
/// was half the server's work). The rows travel as one JSON document (`PostgresBatchDocument`)
/// that `jsonb_to_recordset` turns back into typed rows.
///
/// New requests are inserted (`ON CONFLICT DO NOTHING`), changed ones updated where the
/// version is still the expected one, and data-modifying CTEs write the tasks, audit events,
/// outbox messages and timers of exactly the requests written. One statement is atomic;
/// concurrent batches run on their own pooled connections and share WAL flushes.
///
/// Batches of new requests only (the bulk under load) use a statement without the update and
/// deletes: a cached generic plan made while the tables were tiny may scan them, and a
/// statement that never reads stored rows cannot.
struct PostgresBatchStatement: PostgresPreparedStatement {
    /// The batch as JSON.
    let document: String

    /// postgres-nio prepares a statement once per connection under its type's `name`, so the
    /// two shapes are two types sharing this one's SQL.
    static let sql = PostgresBatchSQL.full
    static let name = "accessbot_write_batch_v5"

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(document)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> String { try row.decode(String.self) }
}

/// `PostgresBatchStatement` for batches of new requests only.
struct PostgresCreateBatchStatement: PostgresPreparedStatement {
    let document: String

    static let sql = PostgresBatchSQL.createsOnly
    static let name = "accessbot_create_batch_v5"

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(document)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> String { try row.decode(String.self) }
}

/// The SQL of the two batch statements.
enum PostgresBatchSQL {
    static let full =
        "WITH "
        + ([input, requestRows, inserted, updated, "w AS (SELECT id FROM wc UNION ALL SELECT id FROM wu)"]
        + deletes + children).joined(separator: ",\n") + "\nSELECT id FROM w"

    static let createsOnly =
        "WITH "
        + ([input, requestRows, inserted, "w AS (SELECT id FROM wc)"] + children)
        .joined(separator: ",\n") + "\nSELECT id FROM w"

    private static let columns = OutcomeRows.requestColumns.joined(separator: ", ")

    private static let input = "d AS (SELECT $1::jsonb AS doc)"

    private static let requestRows = """
        rq AS (
            SELECT * FROM jsonb_to_recordset((SELECT doc->'r' FROM d)) AS x(
                id text, requester text, request_type text, status text, resources text,
                created_at double precision, updated_at double precision, decided_at double precision,
                granted_at double precision, access_ends_at double precision, ended_at double precision,
                version integer, body text, expected integer, n integer))
        """

    private static let inserted = """
        wc AS (
            INSERT INTO requests (\(columns))
            SELECT \(columns) FROM rq WHERE expected IS NULL ORDER BY n
            ON CONFLICT (id) DO NOTHING RETURNING id)
        """

    // `= ANY (ARRAY(...))` keeps each lookup an index scan in the generic plan.
    private static let updated = """
        wu AS (
            UPDATE requests r SET \(OutcomeRows.requestColumns.dropFirst().map { "\($0) = rq.\($0)" }.joined(separator: ", "))
            FROM rq
            WHERE r.id = ANY (ARRAY(SELECT id FROM rq WHERE expected IS NOT NULL))
              AND r.id = rq.id AND r.version = rq.expected
            RETURNING r.id)
        """

    private static let deletes = [
        "dt AS (DELETE FROM tasks WHERE request_id = ANY (ARRAY(SELECT id FROM wu)))",
        """
        dc AS (
            DELETE FROM timers WHERE request_id = ANY (ARRAY(
                SELECT c.target FROM jsonb_to_recordset((SELECT doc->'c' FROM d)) AS c(j text, target text)
                WHERE c.j IN (SELECT id FROM wu))))
        """,
        """
        dk AS (
            DELETE FROM timers WHERE id = ANY (ARRAY(
                SELECT k.timer FROM jsonb_to_recordset((SELECT doc->'k' FROM d)) AS k(j text, timer bigint)
                WHERE k.j IN (SELECT id FROM wu))))
        """,
    ]

    private static let children = [
        child("t", "tasks", "request_id text, step integer, approver text, state text"),
        child(
            "a", "audit_events",
            "request_id text, at double precision, actor text, actor_kind text, action text, from_status text, "
                + "to_status text, step integer, reason text"),
        child(
            "o", "outbox",
            "ordering_key text, kind text, payload text, not_before double precision, created_at double precision"),
        child("m", "timers", "request_id text, kind text, due double precision"),
    ]

    /// Inserts the rows under `key` whose job (`j`) was written, in document order (`n`).
    private static func child(_ key: String, _ table: String, _ typedColumns: String) -> String {
        let names = typedColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0] }
        let list = names.joined(separator: ", ")
        return """
            \(key) AS (
                INSERT INTO \(table) (\(list))
                SELECT \(names.map { "x.\($0)" }.joined(separator: ", "))
                FROM jsonb_to_recordset((SELECT doc->'\(key)' FROM d)) AS x(j text, n integer, \(typedColumns))
                WHERE x.j IN (SELECT id FROM w) ORDER BY x.n)
            """
    }
}
