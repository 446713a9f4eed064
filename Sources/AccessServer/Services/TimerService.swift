import AccessCore
import AccessStore
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Fires durable timers into the workflow's clock tick. Timers are leased with row locks,
/// so two replicas never fire one twice; each tick costs what is due, not what is stored.
struct TimerService: Service {
    let configuration: ServerConfiguration
    let state: AppState
    let logger: Logger
    /// Timers taken per claim.
    var batchSize = 100
    /// Requests whose timers fire at once (one request's timers fire in due order), so a
    /// thousand timers due together share group commits instead of queueing one by one.
    var concurrency = 16
    private let worker = "timers-\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"

    init(configuration: ServerConfiguration, state: AppState, logger: Logger) {
        self.configuration = configuration
        self.state = state
        self.logger = logger
    }

    func run() async throws {
        let ready = await cancelWhenGracefulShutdown { await state.waitUntilReady() }
        guard let ready, !Task.isShuttingDownGracefully else { return }
        let fired = Counter(label: "accessbot_timers_fired_total")
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // Claiming is a write: only when a timer is due (or the store could not say).
            state.timerAlarm.looking()
            var next = await nextDue(ready)
            var failed = false
            if TimerWake.shouldClaim(next: next, now: Date()) {
                var claimedFull = false
                do {
                    let due = try await ready.store.claimDueTimers(
                        now: Date(), limit: batchSize, lease: TimeSpan(seconds: 60), worker: worker)
                    claimedFull = due.count == batchSize
                    await fireAll(due, ready: ready)
                    fired.increment(by: Int64(due.count))
                } catch {
                    failed = true
                    logger.error("timer claim failed", metadata: ["error": "\(error)"])
                }
                if claimedFull { continue }
                next = await nextDue(ready)
            }
            // Sleep until the next due timer (at most the poll interval), or until a commit schedules an earlier one.
            let wait = failed ? configuration.pollInterval : TimerWake.wait(next: next, now: Date(), poll: configuration.pollInterval)
            let due: Date? = if case .at(let date) = next { date } else { nil }
            await state.timerAlarm.sleep(until: due, timeout: wait)
        }
    }

    /// The store's next due time; `.unknown` when it could not be read.
    private func nextDue(_ ready: ReadyState) async -> TimerWake.Next {
        do {
            return try await ready.store.nextTimerDue().map(TimerWake.Next.at) ?? .none
        } catch {
            return .unknown
        }
    }

    /// Fires a claimed batch: `concurrency` requests at a time, each request's timers in order.
    private func fireAll(_ due: [StoredTimer], ready: ReadyState) async {
        var byRequest: [RequestID: [StoredTimer]] = [:]
        var order: [RequestID] = []
        for stored in due {
            if byRequest[stored.timer.requestID] == nil { order.append(stored.timer.requestID) }
            byRequest[stored.timer.requestID, default: []].append(stored)
        }
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            for id in order {
                if running >= concurrency {
                    await group.next()
                    running -= 1
                }
                let timers = byRequest[id] ?? []
                group.addTask {
                    for stored in timers { await fire(stored, ready: ready) }
                }
                running += 1
            }
        }
    }

    private func fire(_ stored: StoredTimer, ready: ReadyState) async {
        let timer = stored.timer
        var log = logger
        log[metadataKey: "access_request"] = "\(timer.requestID)"
        log[metadataKey: "timer"] = "\(timer.kind.rawValue)"
        do {
            let outcome = try await ready.service.perform(.timerFired(timer.kind), on: timer.requestID, consumedTimer: stored.id)
            log.debug("timer fired", metadata: ["changed": "\(!outcome.isNoOp)"])
        } catch AccessServiceError.requestNotFound {
            try? await ready.store.deleteTimer(stored.id)
        } catch {
            // The lease runs out and another tick tries again.
            log.error("timer failed", metadata: ["error": "\(error)"])
        }
    }
}
