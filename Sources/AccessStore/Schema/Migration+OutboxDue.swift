extension Migration {
    /// Version 4: claiming walks the messages that are due, not every pending one. Paced or
    /// backed-off messages wait with a future `not_before`; with tens of thousands of them
    /// (a burst of cards to a few approvers, paced one a second) a claim that scanned every
    /// pending row in id order cost the single SQLite writer milliseconds each time.
    static let outboxDue = Migration(version: 4, name: "outbox_due") { _ in
        ["CREATE INDEX outbox_due ON outbox (not_before, id) WHERE state = 'pending'"]
    }
}
