import Testing

@testable import AccessStore

@Suite("Group-commit completion")
struct BatchCompletionTests {
    private struct Lost: Error {}

    /// Holds the waiting callers' continuations by position until all have arrived.
    private actor Callers {
        var continuations: [Int: CheckedContinuation<Void, any Error>] = [:]
        func add(_ index: Int, _ continuation: CheckedContinuation<Void, any Error>) { continuations[index] = continuation }
        func ordered(count: Int) -> [CheckedContinuation<Void, any Error>]? {
            continuations.count == count ? (0..<count).compactMap { continuations[$0] } : nil
        }
    }

    @Test("each caller gets its own result once; the queue's second resume changes nothing")
    func resumesOnce() async throws {
        let callers = Callers()
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<3 {
                group.addTask {
                    do {
                        try await withCheckedThrowingContinuation { continuation in
                            Task { await callers.add(index, continuation) }
                        }
                        return (index, true)
                    } catch {
                        return (index, false)
                    }
                }
            }
            var waiting = await callers.ordered(count: 3)
            while waiting == nil {
                await Task.yield()
                waiting = await callers.ordered(count: 3)
            }
            let completion = BatchCompletion(waiting ?? [])
            // The writer's resume right after COMMIT, then the queue's when the batch returns.
            completion.resume([.success(()), .failure(Lost()), .success(())])
            completion.resume([.failure(Lost()), .success(()), .failure(Lost())])
            var outcomes: [Int: Bool] = [:]
            for await (index, won) in group { outcomes[index] = won }
            return outcomes
        }
        #expect(outcomes == [0: true, 1: false, 2: true])
    }
}
