/// Group commit: concurrent `create`s and `commit`s are gathered into one transaction.
///
/// Callers wait in a queue; one drain loop takes everything waiting (up to `maxBatch`),
/// writes it in a single transaction, and resumes each caller only after that transaction
/// committed, with its own result (a lost compare-and-swap fails only its caller). Nothing
/// is acknowledged before it is durable: the batching only shares the commit's sync.
actor WriteQueue {
    typealias Execute = @Sendable ([OutcomeRows], BatchCompletion) async -> [Result<Void, any Error>]

    private struct Job {
        let rows: OutcomeRows
        let continuation: CheckedContinuation<Void, any Error>
    }

    private var waiting: [Job] = []
    private var draining = 0
    /// Batches written and writes in them, for the benchmark's average batch size.
    private(set) var batches = 0
    private(set) var writes = 0
    private let maxBatch: Int
    private let concurrency: Int
    private let execute: Execute
    private let metrics = StoreMetrics()

    /// `concurrency` batches may be in flight at once (1 for SQLite's single writer).
    init(maxBatch: Int = 256, concurrency: Int = 1, execute: @escaping Execute) {
        self.maxBatch = maxBatch
        self.concurrency = concurrency
        self.execute = execute
    }

    /// Returns once `rows` are committed; throws `StoreError` when its CAS or insert lost.
    func submit(_ rows: OutcomeRows) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            waiting.append(Job(rows: rows, continuation: continuation))
            if draining < concurrency {
                draining += 1
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while true {
            let batch = takeBatch()
            guard !batch.isEmpty else {
                draining -= 1
                return
            }
            batches += 1
            writes += batch.count
            // The writer may resume the callers itself as soon as the batch committed (see
            // `BatchCompletion`); whoever comes second finds nobody left to resume.
            let completion = BatchCompletion(batch.map(\.continuation))
            let started = ContinuousClock.now
            let results = await execute(batch.map(\.rows), completion)
            completion.resume(results)
            metrics.record(results, took: ContinuousClock.now - started)
            // Under concurrency, let the callers just resumed queue their next write before the
            // next batch is taken: batches stay large, so each commit's sync serves more callers.
            if batch.count > 1 { await Task.yield() }
        }
    }

    /// The oldest waiting jobs, at most one per request: a second write of the same request
    /// waits for the next batch, so within a batch no job depends on another.
    private func takeBatch() -> [Job] {
        var batch: [Job] = []
        var rest: [Job] = []
        var ids = Set<String>()
        for job in waiting {
            if batch.count < maxBatch, ids.insert(job.rows.requestID.rawValue).inserted {
                batch.append(job)
            } else {
                rest.append(job)
            }
        }
        waiting = rest
        return batch
    }
}
