import Synchronization

/// The callers of one group-commit batch, resumed exactly once with their own results.
///
/// On SQLite the writer resumes them right after COMMIT returns, still holding the write
/// lock: with 16 writers in a closed loop, every hop between the commit and the resumes (the
/// lock's release, the return to `WriteQueue`) was time in which no caller could prepare its
/// next write, and skipping them took the store benchmark from 7,700–9,500 to 10,400–11,200
/// creates/s. `WriteQueue` resumes again when the batch returns, which is a no-op then and the
/// only resume on every other path (PostgreSQL, in-memory SQLite, a failed batch retried one
/// by one).
final class BatchCompletion: Sendable {
    private let continuations: Mutex<[CheckedContinuation<Void, any Error>]>

    init(_ continuations: [CheckedContinuation<Void, any Error>]) {
        self.continuations = Mutex(continuations)
    }

    /// Resumes each waiting caller with the result at its position; later calls do nothing.
    func resume(_ results: [Result<Void, any Error>]) {
        let waiting = continuations.withLock { continuations in
            defer { continuations = [] }
            return continuations
        }
        for (continuation, result) in zip(waiting, results) { continuation.resume(with: result) }
    }
}
