extension Migration {
    /// Version 2: the Past Access Requests report walks requests by decision time too
    /// (`time_field=decided`); this index keeps that walk in order, one pass for the whole report.
    static let reportIndexes = Migration(version: 2, name: "report_indexes") { _ in
        ["CREATE INDEX requests_decided ON requests (decided_at, id) WHERE decided_at IS NOT NULL"]
    }
}
