import SQLKit

extension SQLStore {
    /// True for SQLite: one process owns the file, so leases it finds at start are its own
    /// previous run's, left behind by a crash.
    public var ownsEveryLease: Bool { sessions.dialect == .sqlite }

    /// Frees every outbox and timer lease. Only safe when this process is the only worker
    /// (`ownsEveryLease`): after kill -9 the claimed messages go out at once instead of after
    /// their lease runs out.
    public func releaseLeases() async throws {
        try await sessions.write { db in
            try await db.raw("UPDATE outbox SET lease_until = NULL, leased_by = NULL WHERE lease_until IS NOT NULL").run()
            try await db.raw("UPDATE timers SET lease_until = NULL, leased_by = NULL WHERE lease_until IS NOT NULL").run()
        }
    }
}
