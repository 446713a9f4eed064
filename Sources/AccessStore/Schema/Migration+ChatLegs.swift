extension Migration {
    /// Version 3: chat effects fan out to every enabled platform as one outbox row per platform
    /// (`platform`, NULL = not split yet), so a Teams outage never re-sends what Slack already
    /// got; and the conversations the bot is installed in (Teams teams and chats), whose rosters
    /// map approvers to Teams users.
    static let chatLegs = Migration(version: 3, name: "chat_legs") { dialect in
        let t = ColumnTypes(dialect)
        return [
            "ALTER TABLE outbox ADD COLUMN platform TEXT",
            """
            CREATE TABLE chat_installations (
                platform TEXT NOT NULL,
                conversation TEXT NOT NULL,
                scope TEXT NOT NULL,
                service_url TEXT,
                tenant_id TEXT,
                team_id TEXT,
                updated_at \(t.time) NOT NULL,
                PRIMARY KEY (platform, conversation)
            )
            """,
        ]
    }
}
