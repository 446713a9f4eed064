import AccessCore
import Foundation

extension StoreConformance {
    static let outboxChecks: [Check] = [
        Check("claimOutbox leases due messages oldest first, one per ordering key") { store in
            let outcomes = try ["R-OUTBOX01", "R-OUTBOX02", "R-OUTBOX03"].enumerated().map { index, id in
                try F.submit(F.githubSubmission(id: RequestID(rawValue: id)), now: F.epoch.addingTimeInterval(Double(index)))
            }
            for outcome in outcomes { try await store.create(outcome) }
            let total = outcomes.map { outboxEffects($0).count }.reduce(0, +)
            try requireEqual(try await store.outboxCounts().pending, total, "pending messages")
            let now = F.epoch.addingTimeInterval(10)
            try requireEqual(
                try await store.claimOutbox(now: F.epoch.addingTimeInterval(-1), limit: 10, lease: .minutes(1), worker: "w").count, 0,
                "messages before they were written")

            let heads = try await store.claimOutbox(now: now, limit: 10, lease: .minutes(1), worker: "w")
            try requireEqual(heads.map(\.effect), outcomes.map { outboxEffects($0)[0] }, "one head per request")
            try requireEqual(heads.map(\.orderingKey), outcomes.map(\.request.id.rawValue), "ordering keys")
            try require(heads.map(\.id) == heads.map(\.id).sorted(), "oldest first")
            try requireEqual(heads.map(\.attempts), [0, 0, 0], "attempts")
            try requireEqual(heads.map(\.createdAt), outcomes.map(\.request.updatedAt), "created at the transition's time")
            try requireEqual(try await store.claimOutbox(now: now, limit: 10, lease: .minutes(1), worker: "w2").count, 0, "while leased")

            try await store.completeOutbox(heads[0].id)
            let next = try await store.claimOutbox(now: now, limit: 10, lease: .minutes(1), worker: "w2")
            try requireEqual(next.map(\.effect), [outboxEffects(outcomes[0])[1]], "the next message of the first key")
            try requireEqual(
                try await store.claimOutbox(now: now, limit: 1, lease: .minutes(1), worker: "w3").count, 0, "nothing else is free")
            try requireEqual(try await store.outboxCounts().pending, total - 1, "pending after one delivery")
        },
        Check("a retried head keeps its key blocked until its time; killing it unblocks the key") { store in
            let outcome = try F.submit(F.githubSubmission(id: "R-RETRY001"))
            try await store.create(outcome)
            let effects = outboxEffects(outcome)
            let first = try await store.claimOutbox(now: F.epoch, limit: 10, lease: .minutes(1), worker: "w")
            try requireEqual(first.map(\.effect), [effects[0]], "first claim")
            guard let head = first.first else { return }

            try await store.retryOutbox(head.id, notBefore: F.epoch.addingTimeInterval(60), error: "HTTP 503")
            try requireEqual(
                try await store.claimOutbox(now: F.epoch.addingTimeInterval(30), limit: 10, lease: .minutes(1), worker: "w").count, 0,
                "before the retry time nothing of the key is claimed")
            let retried = try await store.claimOutbox(now: F.epoch.addingTimeInterval(60), limit: 10, lease: .minutes(1), worker: "w")
            try requireEqual(retried.map(\.id), [head.id], "the retried message at its time")
            try requireEqual(retried.first?.attempts, 1, "attempts after one retry")

            try await store.killOutbox(head.id, error: "HTTP 400")
            let counts = try await store.outboxCounts()
            try requireEqual(counts.dead, 1, "dead messages")
            try requireEqual(counts.pending, effects.count - 1, "pending messages")
            let after = try await store.claimOutbox(now: F.epoch.addingTimeInterval(60), limit: 10, lease: .minutes(1), worker: "w")
            try requireEqual(after.map(\.effect), [effects[1]], "the next message once the head is dead")
        },
        Check("an expired lease can be claimed again") { store in
            try await store.create(try F.submit(F.githubSubmission(id: "R-LEASE001")))
            let first = try await store.claimOutbox(now: F.epoch, limit: 1, lease: TimeSpan(seconds: 30), worker: "w1")
            try requireEqual(first.count, 1, "first claim")
            try requireEqual(
                try await store.claimOutbox(now: F.epoch.addingTimeInterval(29), limit: 1, lease: .minutes(1), worker: "w2").count, 0,
                "within the lease")
            let again = try await store.claimOutbox(now: F.epoch.addingTimeInterval(31), limit: 1, lease: .minutes(1), worker: "w2")
            try requireEqual(again.map(\.id), first.map(\.id), "after the lease")
        },
        Check("concurrent claimers never get the same message and keep per-key order") { store in
            let outcomes = try (0..<20).map { index in
                try F.submit(F.githubSubmission(id: RequestID(rawValue: String(format: "R-CLAIM%03d", index))))
            }
            for outcome in outcomes { try await store.create(outcome) }
            let log = DeliveryLog()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var idle = 0
                        while idle < 3 {
                            let batch = try await store.claimOutbox(now: F.epoch, limit: 3, lease: .minutes(5), worker: "w\(worker)")
                            idle = batch.isEmpty ? idle + 1 : 0
                            for message in batch {
                                await log.append(message)
                                try await store.completeOutbox(message.id)
                            }
                            if batch.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let delivered = await log.messages
            let total = outcomes.map { outboxEffects($0).count }.reduce(0, +)
            try requireEqual(delivered.count, total, "messages delivered")
            try requireEqual(Set(delivered.map(\.id)).count, total, "distinct messages")
            for outcome in outcomes {
                let key = outcome.request.id.rawValue
                let mine = delivered.filter { $0.orderingKey == key }
                try requireEqual(mine.map(\.effect), outboxEffects(outcome), "delivery order of \(key)")
            }
        },
    ]
}

/// Messages in the order workers took them.
actor DeliveryLog {
    private(set) var messages: [OutboxMessage] = []

    func append(_ message: OutboxMessage) { messages.append(message) }
}
