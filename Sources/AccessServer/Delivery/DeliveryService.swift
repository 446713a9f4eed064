import AccessCore
import AccessStore
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Drains the outbox: claims due messages (row locks on PostgreSQL, so replicas share the
/// work), carries them out, and records the result. At-least-once: a crash after a send and
/// before `completeOutbox` sends that message again once its lease runs out.
struct DeliveryService: Service {
    let configuration: ServerConfiguration
    let state: AppState
    let executors: [any EffectExecutor]
    /// Tells people once about a message that failed for good (the escalation channel).
    let deadLetterAlert: (@Sendable (OutboxMessage, String) async -> Void)?
    let logger: Logger
    /// Messages carried out at once (different requests; one request's messages stay in order).
    var concurrency = 16
    /// How long a claim holds a message before another worker may take it.
    var lease = TimeSpan(seconds: 60)
    private let worker = "delivery-\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"

    init(
        configuration: ServerConfiguration, state: AppState, executors: [any EffectExecutor],
        deadLetterAlert: (@Sendable (OutboxMessage, String) async -> Void)? = nil, logger: Logger
    ) {
        self.configuration = configuration
        self.state = state
        self.executors = executors
        self.deadLetterAlert = deadLetterAlert
        self.logger = logger
    }

    func run() async throws {
        let ready = await cancelWhenGracefulShutdown { await state.waitUntilReady() }
        guard let ready, !Task.isShuttingDownGracefully else { return }
        let metrics = DeliveryMetrics()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var claimed: [OutboxMessage] = []
            do {
                claimed = try await ready.store.claimOutbox(now: Date(), limit: concurrency, lease: lease, worker: worker)
            } catch {
                logger.error("outbox claim failed", metadata: ["error": "\(error)"])
            }
            if claimed.isEmpty {
                await state.outboxSignal.wait(timeout: configuration.pollInterval)
                continue
            }
            // The batch's results are written together: one transaction (one sync) per batch,
            // not one per message.
            let deliveries = await withTaskGroup(of: Finished?.self) { group in
                for message in claimed {
                    group.addTask { await deliver(message, ready: ready, metrics: metrics) }
                }
                var finished: [Finished] = []
                for await result in group { if let result { finished.append(result) } }
                return finished
            }
            await record(deliveries, ready: ready)
            if let pause = PacedBatchPause.pause(after: deliveries.map(\.delivery), now: Date()), pause > .zero {
                _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            }
        }
    }

    /// How one message ended, and who to tell once it is recorded as dead.
    private struct Finished: Sendable {
        var delivery: OutboxDelivery
        var message: OutboxMessage
    }

    private func record(_ finished: [Finished], ready: ReadyState) async {
        guard !finished.isEmpty else { return }
        do {
            try await ready.store.recordDeliveries(finished.map(\.delivery))
        } catch {
            // The leases run out and the messages are tried again: at-least-once.
            logger.error("could not record delivery results", metadata: ["error": "\(error)", "messages": "\(finished.count)"])
            return
        }
        for item in finished {
            if case .dead(let reason) = item.delivery.outcome { await deadLetterAlert?(item.message, reason) }
        }
    }

    /// Carries out one message; nil when nothing is to be recorded for it (it was split per platform).
    private func deliver(_ message: OutboxMessage, ready: ReadyState, metrics: DeliveryMetrics) async -> Finished? {
        var log = logger
        log[metadataKey: "access_request"] = "\(message.effect.requestID)"
        log[metadataKey: "outbox.id"] = "\(message.id)"
        let candidates = executors.filter { $0.handles(message.effect) }
        let platforms = candidates.compactMap(\.platform)
        if message.platform == nil, platforms.count > 1 {
            // Slack and Teams both carry chat effects: one copy each, delivered and retried apart.
            do {
                try await ready.store.splitOutbox(message.id, platforms: platforms)
                state.outboxSignal.signal()
            } catch {
                log.error("could not split outbox message per platform", metadata: ["error": "\(error)"])
            }
            return nil
        }
        let executor = message.platform.map { platform in candidates.first { $0.platform == platform } } ?? candidates.first
        guard let executor else {
            // Nothing here can carry it out (a platform is disabled): keep it out of the way, visibly.
            let what = Self.kind(message.effect) + (message.platform.map { " on \($0.rawValue)" } ?? "")
            log.warning("no executor for outbox message; marking dead", metadata: ["effect": "\(what)"])
            metrics.dead.increment()
            return Finished(
                delivery: OutboxDelivery(id: message.id, outcome: .dead(error: "no executor configured for \(what)")), message: message)
        }
        let outcome: OutboxDelivery.Outcome
        var copies: [CardCopy] = []
        switch await executor.execute(message, ready: ready) {
        case .delivered:
            outcome = .completed
            metrics.delivered.increment()
        case .posted(let copy):
            outcome = .completed
            copies = [copy]
            metrics.delivered.increment()
        case .retry(let after, let reason):
            let wait = after ?? Backoff.delay(attempt: message.attempts)
            let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
            outcome = .retry(notBefore: Date().addingTimeInterval(seconds), error: reason)
            metrics.retried.increment()
            // Pacing is routine; failures are worth a line at the default level.
            let level: Logger.Level = reason == DeliveryResult.pacedReason ? .debug : .notice
            log.log(level: level, "delivery will be retried", metadata: ["reason": "\(reason)", "attempt": "\(message.attempts + 1)"])
        case .dead(let reason):
            outcome = .dead(error: reason)
            metrics.dead.increment()
            log.error("delivery failed permanently", metadata: ["reason": "\(reason)"])
        }
        return Finished(delivery: OutboxDelivery(id: message.id, outcome: outcome, cardCopies: copies), message: message)
    }

    static func kind(_ effect: Effect) -> String {
        switch effect {
        case .card: "card"
        case .updateCards: "update_cards"
        case .notify: "notify"
        case .grant: "grant"
        case .revoke: "revoke"
        case .schedule: "schedule"
        case .cancelTimers: "cancel_timers"
        }
    }
}

/// Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 5 minutes.
enum Backoff {
    static func delay(attempt: Int) -> Duration {
        let capped = min(attempt, 10)
        let ceiling = min(300.0, pow(2.0, Double(capped)))
        return .milliseconds(Int64(Double.random(in: 0.5...1.0) * ceiling * 1000))
    }
}

/// Counters for the outbox; names follow Prometheus conventions.
struct DeliveryMetrics: Sendable {
    let delivered = Counter(label: "accessbot_outbox_delivered_total")
    let retried = Counter(label: "accessbot_outbox_retried_total")
    let dead = Counter(label: "accessbot_outbox_dead_total")
}
