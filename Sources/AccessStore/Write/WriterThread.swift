import Foundation

/// A task executor with one thread of its own, for the group-commit loop.
///
/// SQLite work runs on NIO's thread pool and each statement's continuation resumes on the
/// task's executor. On the shared cooperative pool that resumption queues behind whatever
/// callers are doing (encoding their next outcome), so every statement of a batch paid that
/// wait. With its own thread the commit loop resumes as soon as the statement is done.
@available(macOS 15, *)
final class WriterThread: TaskExecutor, @unchecked Sendable {
    // `@unchecked Sendable`: `jobs` and `stopped` are only touched under `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread finish once its queue is empty.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let ready = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in ready { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}
