import AccessCore
import Foundation

extension StoreConformance {
    static let concurrencyChecks: [Check] = [
        Check("20 concurrent commits from one version: exactly one wins") { store in
            let id: RequestID = "R-RACE0001"
            let created = try F.submit(F.panelSubmission(id: id))
            try await store.create(created)
            let loaded = try await load(store, id)
            let now = F.epoch.addingTimeInterval(60)
            let outcomes = try (0..<20).map { index in
                index.isMultiple(of: 2)
                    ? try F.handle(.approve(by: F.panel[index]), on: loaded, now: now)
                    : try F.handle(.deny(by: F.panel[index], reason: "no \(index)"), on: loaded, now: now)
            }
            let results = await withTaskGroup(of: (Int, (any Error)?).self) { group in
                for (index, outcome) in outcomes.enumerated() {
                    group.addTask {
                        do {
                            try await store.commit(outcome)
                            return (index, nil)
                        } catch {
                            return (index, error)
                        }
                    }
                }
                var all: [(Int, (any Error)?)] = []
                for await result in group { all.append(result) }
                return all
            }
            let winners = results.filter { $0.1 == nil }.map(\.0)
            try requireEqual(winners.count, 1, "successful commits")
            for (index, error) in results where error != nil {
                try require((error as? StoreError) == .conflict(id), "commit \(index) threw \(String(describing: error))")
            }
            guard let winner = winners.first else { return }
            try requireEqual(try await load(store, id), outcomes[winner].request, "stored request is the winner's")
            try requireEqual(try await store.auditTrail(of: id), created.audit + outcomes[winner].audit, "audit trail")
            let expected = outboxEffects(created).count + outboxEffects(outcomes[winner]).count
            try requireEqual(try await store.outboxCounts().pending, expected, "outbox messages")
        },
        Check("concurrent creates of one id: exactly one wins") { store in
            let id: RequestID = "R-RACE0002"
            let requesters = [F.alice, F.carol, F.dave, F.erin] + Array(F.panel.prefix(6))
            let outcomes = try requesters.map { try F.submit(F.githubSubmission(id: id, requester: $0)) }
            let errors = await withTaskGroup(of: (any Error)?.self) { group in
                for outcome in outcomes {
                    group.addTask {
                        do {
                            try await store.create(outcome)
                            return nil
                        } catch {
                            return error
                        }
                    }
                }
                var all: [(any Error)?] = []
                for await error in group { all.append(error) }
                return all
            }
            try requireEqual(errors.filter { $0 == nil }.count, 1, "successful creates")
            for case let error? in errors {
                try require((error as? StoreError) == .duplicate(id), "a losing create threw \(error)")
            }
            let stored = try await load(store, id)
            try require(outcomes.contains { $0.request == stored }, "the stored request is one of the submitted ones")
            try requireEqual(try await store.auditTrail(of: id).count, 1, "audit events")
        },
        Check("50 concurrent creates of different ids all commit, each whole") { store in
            let outcomes = try (0..<50).map { index in
                try F.submit(F.githubSubmission(id: RequestID(rawValue: String(format: "R-MANY%04d", index))), now: F.epoch)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for outcome in outcomes { group.addTask { try await store.create(outcome) } }
                try await group.waitForAll()
            }
            for outcome in outcomes {
                try requireEqual(try await load(store, outcome.request.id), outcome.request, "request \(outcome.request.id)")
                try requireEqual(try await store.auditTrail(of: outcome.request.id), outcome.audit, "audit of \(outcome.request.id)")
            }
            let perRequest = outboxEffects(outcomes[0]).count
            try requireEqual(try await store.outboxCounts().pending, 50 * perRequest, "outbox messages")
            let far = F.epoch.addingTimeInterval(30 * 86_400)
            let timers = try await store.claimDueTimers(now: far, limit: 1000, lease: .minutes(1), worker: "w")
            try requireEqual(timers.count, 150, "timers")
            try requireEqual(try await store.requests(RequestQuery(awaitingApprover: F.carol, limit: 100)).count, 50, "carol's tasks")
        },
    ]
}
