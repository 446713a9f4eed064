import SQLKit

/// PostgreSQL writes a batch of outcomes in ONE statement, so a batch costs one round trip
/// and one parse: the new requests are inserted (`ON CONFLICT DO NOTHING`), the changed ones
/// updated where the version is still the expected one, and data-modifying CTEs write the
/// tasks, audit events, outbox messages and timers of exactly the requests written. A single
/// statement is atomic; concurrent batches run on their own pooled connections and share WAL
/// flushes (PostgreSQL's own group commit). The caller keeps one job per request per batch.
enum PostgresWriteStatement {
    private static let requestTypes = [
        "text", "text", "text", "text", "text", "double precision", "double precision", "double precision",
        "double precision", "double precision", "double precision", "integer", "text",
    ]

    /// Returns the ids of the requests written; a job whose id is missing lost (duplicate or conflict).
    static func make(_ jobs: [OutcomeRows]) -> SQLQueryString {
        var parts: [SQLQueryString] = []
        let creates = jobs.filter(\.isCreate)
        let updates = jobs.filter { !$0.isCreate }
        if !creates.isEmpty {
            let rows = SQLList(creates.map { SQLText.list($0.request) })
            parts.append(
                """
                wc AS (INSERT INTO requests (\(unsafeRaw: OutcomeRows.requestColumns.joined(separator: ", "))) VALUES \(rows) \
                ON CONFLICT (id) DO NOTHING RETURNING id)
                """)
        }
        if !updates.isEmpty {
            // v: (id, the other request columns, expected version), typed by the casts.
            let rows = SQLList(updates.map { job in SQLText.list(job.request + [job.expectedVersion ?? 0]) })
            let assignments = OutcomeRows.requestColumns.enumerated().dropFirst().map { index, column in
                "\(column) = v.column\(index + 1)::\(requestTypes[index])"
            }.joined(separator: ", ")
            let expected = OutcomeRows.requestColumns.count + 1
            parts.append(
                """
                wu AS (UPDATE requests r SET \(unsafeRaw: assignments) FROM (VALUES \(rows)) v \
                WHERE r.id = v.column1::text AND r.version = v.column\(unsafeRaw: "\(expected)")::integer RETURNING r.id)
                """)
            parts.append("dt AS (DELETE FROM tasks WHERE request_id IN (SELECT id FROM wu))")
            let cancels: [[Bind]] = updates.flatMap { job in job.cancelsTimersOf.map { [job.requestID.rawValue, $0] } }
            let consumed: [[Bind]] = updates.compactMap { job in job.consumedTimer.map { [job.requestID.rawValue, $0] } }
            var conditions: [SQLQueryString] = []
            if !cancels.isEmpty {
                conditions.append(
                    "request_id IN (SELECT v.column2::text FROM (VALUES \(rowList(cancels))) v WHERE v.column1::text IN (SELECT id FROM wu))")
            }
            if !consumed.isEmpty {
                conditions.append(
                    "id IN (SELECT v.column2::bigint FROM (VALUES \(rowList(consumed))) v WHERE v.column1::text IN (SELECT id FROM wu))")
            }
            if !conditions.isEmpty { parts.append("dm AS (DELETE FROM timers WHERE \(conditions.joined(separator: " OR ")))") }
        }
        let written: String
        switch (creates.isEmpty, updates.isEmpty) {
        case (false, false): written = "SELECT id FROM wc UNION ALL SELECT id FROM wu"
        case (false, true): written = "SELECT id FROM wc"
        default: written = "SELECT id FROM wu"
        }
        parts.append("w AS (\(unsafeRaw: written))")

        let children: [(String, String, [String], [String], KeyPath<OutcomeRows, [[Bind]]>)] = [
            ("t", "tasks", OutcomeRows.taskColumns, ["text", "integer", "text", "text"], \.tasks),
            (
                "a", "audit_events", OutcomeRows.auditColumns,
                ["text", "double precision", "text", "text", "text", "text", "text", "integer", "text"], \.audit
            ),
            ("o", "outbox", OutcomeRows.outboxColumns, ["text", "text", "text", "double precision", "double precision"], \.outbox),
            ("m", "timers", OutcomeRows.timerColumns, ["text", "text", "double precision"], \.timers),
        ]
        for (name, table, columns, types, rows) in children {
            let tagged: [[Bind]] = jobs.flatMap { job in job[keyPath: rows].map { [job.requestID.rawValue] + $0 } }
            guard !tagged.isEmpty else { continue }
            parts.append(childInsert(name: name, table: table, columns: columns, types: types, rows: tagged))
        }
        return "WITH " + parts.joined(separator: ", ") + " SELECT id FROM w"
    }

    /// Inserts the rows whose job (second VALUES column) was written, in the order given (first
    /// VALUES column), so identity ids follow the effects' order. The casts type every column
    /// even when a bound value is NULL.
    private static func childInsert(name: String, table: String, columns: [String], types: [String], rows: [[Bind]]) -> SQLQueryString {
        let values = SQLList(rows.enumerated().map { index, row in
            SQLGroupExpression([SQLRaw("\(index)")] + row.map { SQLBind($0) })
        })
        let select = types.enumerated().map { index, type in "v.column\(index + 3)::\(type)" }.joined(separator: ", ")
        return """
            \(unsafeRaw: name) AS (INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns.joined(separator: ", "))) \
            SELECT \(unsafeRaw: select) FROM (VALUES \(values)) v WHERE v.column2::text IN (SELECT id FROM w) ORDER BY v.column1)
            """
    }

    private static func rowList(_ rows: [[Bind]]) -> SQLList {
        SQLList(rows.map { SQLText.list($0) })
    }
}
