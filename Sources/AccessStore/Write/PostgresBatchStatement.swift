import PostgresNIO

/// PostgreSQL writes a batch of outcomes with ONE prepared statement: one round trip, and
/// parsed and planned once per connection rather than once per batch (planning a statement
/// this size was half the server's work). The rows travel as one JSON document
/// (`PostgresBatchDocument`) that `jsonb_to_recordset` turns back into typed rows.
///
/// New requests are inserted (`ON CONFLICT DO NOTHING`), changed ones updated where the
/// version is still the expected one, and data-modifying CTEs write the tasks, audit events,
/// outbox messages and timers of exactly the requests written. One statement is atomic;
/// concurrent batches run on their own pooled connections and share WAL flushes. Every lookup
/// of stored rows goes through `= ANY (ARRAY(...))`, so the plan (generic, cached) always uses
/// the indexes whatever the table sizes were when it was made.
struct PostgresBatchStatement: PostgresPreparedStatement {
    /// The batch as JSON.
    let document: String

    static let name = "accessbot_write_batch_v3"

    static let sql = """
        WITH d AS (SELECT $1::jsonb AS doc),
        rq AS (
            SELECT * FROM jsonb_to_recordset((SELECT doc->'r' FROM d)) AS x(
                id text, requester text, request_type text, status text, resources text,
                created_at double precision, updated_at double precision, decided_at double precision,
                granted_at double precision, access_ends_at double precision, ended_at double precision,
                version integer, body text, expected integer, n integer)),
        wc AS (
            INSERT INTO requests (\(requestColumns))
            SELECT \(requestColumns) FROM rq WHERE expected IS NULL ORDER BY n
            ON CONFLICT (id) DO NOTHING RETURNING id),
        wu AS (
            UPDATE requests r SET \(requestAssignments)
            FROM rq
            WHERE r.id = ANY (ARRAY(SELECT id FROM rq WHERE expected IS NOT NULL))
              AND r.id = rq.id AND r.version = rq.expected
            RETURNING r.id),
        w AS (SELECT id FROM wc UNION ALL SELECT id FROM wu),
        dt AS (DELETE FROM tasks WHERE request_id = ANY (ARRAY(SELECT id FROM wu))),
        dm AS (
            DELETE FROM timers
            WHERE request_id = ANY (ARRAY(
                    SELECT c.target FROM jsonb_to_recordset((SELECT doc->'c' FROM d)) AS c(j text, target text)
                    WHERE c.j IN (SELECT id FROM wu)))
               OR id = ANY (ARRAY(
                    SELECT k.timer FROM jsonb_to_recordset((SELECT doc->'k' FROM d)) AS k(j text, timer bigint)
                    WHERE k.j IN (SELECT id FROM wu)))),
        t AS (
            INSERT INTO tasks (request_id, step, approver, state)
            SELECT x.request_id, x.step, x.approver, x.state
            FROM jsonb_to_recordset((SELECT doc->'t' FROM d)) AS x(j text, n integer, request_id text, step integer, approver text, state text)
            WHERE x.j IN (SELECT id FROM w) ORDER BY x.n),
        a AS (
            INSERT INTO audit_events (request_id, at, actor, actor_kind, action, from_status, to_status, step, reason)
            SELECT x.request_id, x.at, x.actor, x.actor_kind, x.action, x.from_status, x.to_status, x.step, x.reason
            FROM jsonb_to_recordset((SELECT doc->'a' FROM d)) AS x(
                j text, n integer, request_id text, at double precision, actor text, actor_kind text, action text,
                from_status text, to_status text, step integer, reason text)
            WHERE x.j IN (SELECT id FROM w) ORDER BY x.n),
        o AS (
            INSERT INTO outbox (ordering_key, kind, payload, not_before, created_at)
            SELECT x.ordering_key, x.kind, x.payload, x.not_before, x.created_at
            FROM jsonb_to_recordset((SELECT doc->'o' FROM d)) AS x(
                j text, n integer, ordering_key text, kind text, payload text, not_before double precision,
                created_at double precision)
            WHERE x.j IN (SELECT id FROM w) ORDER BY x.n),
        m AS (
            INSERT INTO timers (request_id, kind, due)
            SELECT x.request_id, x.kind, x.due
            FROM jsonb_to_recordset((SELECT doc->'m' FROM d)) AS x(j text, n integer, request_id text, kind text, due double precision)
            WHERE x.j IN (SELECT id FROM w) ORDER BY x.n)
        SELECT id FROM w
        """

    private static let requestColumns = OutcomeRows.requestColumns.joined(separator: ", ")
    private static let requestAssignments = OutcomeRows.requestColumns.dropFirst().map { "\($0) = rq.\($0)" }
        .joined(separator: ", ")

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(document)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> String {
        try row.decode(String.self)
    }
}
