extension Migration {
    /// Version 1: requests with their tasks and audit trail, the outbox, timers and chat bookkeeping.
    static let initial = Migration(version: 1, name: "initial") { dialect in
        let t = ColumnTypes(dialect)
        return [
            """
            CREATE TABLE requests (
                id TEXT PRIMARY KEY,
                requester TEXT NOT NULL,
                request_type TEXT NOT NULL,
                status TEXT NOT NULL,
                resources TEXT NOT NULL,
                created_at \(t.time) NOT NULL,
                updated_at \(t.time) NOT NULL,
                decided_at \(t.time),
                granted_at \(t.time),
                access_ends_at \(t.time),
                ended_at \(t.time),
                version INTEGER NOT NULL,
                body TEXT NOT NULL
            )
            """,
            "CREATE INDEX requests_requester_created ON requests (requester, created_at, id)",
            "CREATE INDEX requests_status_created ON requests (status, created_at)",
            "CREATE INDEX requests_created ON requests (created_at, id)",

            "CREATE TABLE tasks (request_id TEXT NOT NULL, step INTEGER NOT NULL, approver TEXT NOT NULL, state TEXT NOT NULL)",
            "CREATE INDEX tasks_request ON tasks (request_id)",
            "CREATE INDEX tasks_open_approver ON tasks (approver, request_id) WHERE state = 'open'",

            """
            CREATE TABLE audit_events (
                id \(t.identity),
                request_id TEXT NOT NULL,
                at \(t.time) NOT NULL,
                actor TEXT NOT NULL,
                actor_kind TEXT NOT NULL,
                action TEXT NOT NULL,
                from_status TEXT,
                to_status TEXT NOT NULL,
                step INTEGER,
                reason TEXT
            )
            """,
            "CREATE INDEX audit_events_request ON audit_events (request_id, id)",

            """
            CREATE TABLE outbox (
                id \(t.identity),
                ordering_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                not_before \(t.time) NOT NULL,
                lease_until \(t.time),
                leased_by TEXT,
                state TEXT NOT NULL DEFAULT 'pending',
                last_error TEXT,
                created_at \(t.time) NOT NULL
            )
            """,
            "CREATE INDEX outbox_pending_key ON outbox (ordering_key, id) WHERE state = 'pending'",

            """
            CREATE TABLE timers (
                id \(t.identity),
                request_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                due \(t.time) NOT NULL,
                lease_until \(t.time),
                leased_by TEXT
            )
            """,
            "CREATE INDEX timers_due ON timers (due, id)",
            "CREATE INDEX timers_request ON timers (request_id)",
            "CREATE INDEX timers_leased ON timers (lease_until) WHERE lease_until IS NOT NULL",

            """
            CREATE TABLE card_copies (
                id \(t.identity),
                request_id TEXT NOT NULL,
                platform TEXT NOT NULL,
                conversation TEXT NOT NULL,
                message_id TEXT NOT NULL,
                service_url TEXT,
                created_at \(t.time) NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX card_copies_message ON card_copies (request_id, platform, conversation, message_id)",

            """
            CREATE TABLE conversations (
                platform TEXT NOT NULL,
                platform_user_id TEXT NOT NULL,
                user_id TEXT,
                conversation TEXT NOT NULL,
                service_url TEXT,
                tenant_id TEXT,
                updated_at \(t.time) NOT NULL,
                PRIMARY KEY (platform, platform_user_id)
            )
            """,
            "CREATE INDEX conversations_user ON conversations (platform, user_id, updated_at)",

            """
            CREATE TABLE identities (
                platform TEXT NOT NULL,
                platform_user_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                cached_at \(t.time) NOT NULL,
                PRIMARY KEY (platform, platform_user_id)
            )
            """,
            "CREATE INDEX identities_user ON identities (platform, user_id, cached_at)",

            "CREATE TABLE idempotency_keys (key TEXT PRIMARY KEY, seen_at \(t.time) NOT NULL)",
            "CREATE INDEX idempotency_keys_seen ON idempotency_keys (seen_at)",
        ]
    }
}
