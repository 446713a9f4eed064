import AccessCore
import Metrics

/// What the store's writes show on `/metrics` (Prometheus, once `serve` bootstrapped it):
///
/// - `accessbot_store_group_commits_total`: transactions the group-commit writer made;
/// - `accessbot_store_writes_total{result}`: creates and transitions it carried, `written`,
///   `lost` (the id existed, or another decision came first: the caller heard "already
///   decided") or `failed` (a database error);
/// - `accessbot_store_group_commit_seconds`: how long each took, waiting for the write lock
///   and the sync included;
/// - `accessbot_sqlite_wal_restarts_total`: times a WAL that outgrew its limit started over.
struct StoreMetrics: Sendable {
    static let commitDurationLabel = "accessbot_store_group_commit_seconds"

    private let groupCommits = Counter(label: "accessbot_store_group_commits_total")
    private let written = Counter(label: "accessbot_store_writes_total", dimensions: [("result", "written")])
    private let lost = Counter(label: "accessbot_store_writes_total", dimensions: [("result", "lost")])
    private let failed = Counter(label: "accessbot_store_writes_total", dimensions: [("result", "failed")])
    private let duration = Metrics.Timer(label: Self.commitDurationLabel)

    /// One group commit and what each of its writes came to.
    func record(_ results: [Result<Void, any Error>], took elapsed: Duration) {
        groupCommits.increment()
        duration.recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        var counts = (written: 0, lost: 0, failed: 0)
        for result in results {
            switch result {
            case .success: counts.written += 1
            case .failure(is StoreError): counts.lost += 1
            case .failure: counts.failed += 1
            }
        }
        if counts.written > 0 { written.increment(by: counts.written) }
        if counts.lost > 0 { lost.increment(by: counts.lost) }
        if counts.failed > 0 { failed.increment(by: counts.failed) }
    }
}
