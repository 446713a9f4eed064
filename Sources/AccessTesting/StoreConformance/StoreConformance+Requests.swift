import AccessCore
import Foundation

extension StoreConformance {
    typealias F = StoreFixtures

    static let requestChecks: [Check] = [
        Check("create stores the request and its audit trail") { store in
            let outcome = try F.submit(F.githubSubmission(id: "R-CREATE01"))
            try await store.create(outcome)
            try requireEqual(try await load(store, "R-CREATE01"), outcome.request, "loaded request")
            try requireEqual(try await store.auditTrail(of: "R-CREATE01"), outcome.audit, "audit trail")
            try require(try await store.request("R-MISSING1") == nil, "an unknown id loads as nil")
        },
        Check("create of an existing id throws duplicate and writes nothing") { store in
            let first = try F.submit(F.githubSubmission(id: "R-DUP00001"))
            try await store.create(first)
            let counts = try await store.outboxCounts()
            let second = try F.submit(F.githubSubmission(id: "R-DUP00001", requester: F.carol), now: F.epoch.addingTimeInterval(60))
            try await requireThrows(StoreError.duplicate("R-DUP00001"), "second create") { try await store.create(second) }
            try requireEqual(try await load(store, "R-DUP00001"), first.request, "request after the duplicate")
            try requireEqual(try await store.auditTrail(of: "R-DUP00001").count, 1, "audit events")
            try requireEqual(try await store.outboxCounts().pending, counts.pending, "outbox messages")
        },
        Check("commit is a compare-and-swap on the version") { store in
            let created = try F.submit(F.panelSubmission(id: "R-CAS00001"))
            try await store.create(created)
            let loaded = try await load(store, "R-CAS00001")
            let first = try F.handle(.approve(by: F.panel[0]), on: loaded, now: F.epoch.addingTimeInterval(60))
            try await store.commit(first)
            try requireEqual(try await load(store, "R-CAS00001"), first.request, "request after the commit")
            try requireEqual(first.request.version, loaded.version + 1, "version bump")
            let counts = try await store.outboxCounts()

            let stale = try F.handle(.deny(by: F.panel[1], reason: "no"), on: loaded, now: F.epoch.addingTimeInterval(61))
            try await requireThrows(StoreError.conflict("R-CAS00001"), "stale commit") { try await store.commit(stale) }
            try requireEqual(try await load(store, "R-CAS00001"), first.request, "request after the lost commit")
            try requireEqual(try await store.auditTrail(of: "R-CAS00001"), created.audit + first.audit, "audit trail")
            try requireEqual(try await store.outboxCounts().pending, counts.pending, "outbox after the lost commit")
        },
        Check("a consumed timer goes with its commit, and stays when the commit loses") { store in
            try await store.create(try F.submit(F.githubSubmission(id: "R-TIMER001")))
            let loaded = try await load(store, "R-TIMER001")
            let fired = F.epoch.addingTimeInterval(4 * 3600)
            let claimed = try await store.claimDueTimers(now: fired, limit: 10, lease: .minutes(1), worker: "w1")
            try requireEqual(claimed.map(\.timer.kind), [.remind], "due timers at +4h")
            guard let remind = claimed.first else { return }

            try await store.commit(try F.handle(.approve(by: F.carol), on: loaded, now: fired))
            let late = try F.handle(.timerFired(.remind), on: loaded, now: fired)
            try await requireThrows(StoreError.conflict("R-TIMER001"), "commit from a stale read") {
                try await store.commit(late, consumedTimer: remind.id)
            }
            let again = try await store.claimDueTimers(now: fired.addingTimeInterval(120), limit: 10, lease: .minutes(1), worker: "w2")
            try requireEqual(again.map(\.id), [remind.id], "the timer survives the lost commit")

            let fresh = try F.handle(.timerFired(.remind), on: try await load(store, "R-TIMER001"), now: fired)
            try await store.commit(fresh, consumedTimer: remind.id)
            let later = fired.addingTimeInterval(3600)
            try requireEqual(
                try await store.claimDueTimers(now: later, limit: 10, lease: .minutes(1), worker: "w3").count, 0, "timers after")
        },
        Check("cancelTimers deletes the request's timers; timers never enter the outbox") { store in
            let created = try F.submit(F.githubSubmission(id: "R-CANCEL01"))
            try await store.create(created)
            try requireEqual(try await store.nextTimerDue(), F.epoch.addingTimeInterval(4 * 3600), "first timer")
            let denied = try F.handle(
                .deny(by: F.dave, reason: "not now"), on: try await load(store, "R-CANCEL01"), now: F.epoch.addingTimeInterval(60))
            try require(denied.effects.contains(.cancelTimers("R-CANCEL01")), "the deny cancels timers")
            try await store.commit(denied)
            try requireEqual(try await store.nextTimerDue(), nil, "next timer after the deny")
            let far = F.epoch.addingTimeInterval(30 * 86_400)
            try requireEqual(try await store.claimDueTimers(now: far, limit: 10, lease: .minutes(1), worker: "w").count, 0, "timers")

            var delivered: [Effect] = []
            while true {
                let batch = try await store.claimOutbox(now: far, limit: 100, lease: .minutes(1), worker: "w")
                if batch.isEmpty { break }
                for message in batch {
                    delivered.append(message.effect)
                    try await store.completeOutbox(message.id)
                }
            }
            try requireEqual(delivered, outboxEffects(created) + outboxEffects(denied), "outbox effects in order")
        },
        Check("awaitingApprover lists exactly the open tasks") { store in
            try await store.create(try F.submit(F.panelSubmission(id: "R-TASKS001")))
            try await store.create(try F.submit(F.githubSubmission(id: "R-TASKS002"), now: F.epoch.addingTimeInterval(1)))
            func waiting(_ user: UserID) async throws -> [RequestID] {
                try await store.requests(RequestQuery(awaitingApprover: user)).map(\.id)
            }
            try requireEqual(try await waiting(F.panel[0]), ["R-TASKS001"], "panel member before voting")
            try requireEqual(try await waiting(F.carol), ["R-TASKS002"], "carol at step 1")
            try requireEqual(try await waiting(F.bob), [], "bob before his step")
            try requireEqual(try await waiting(F.alice), [], "the requester")

            let now = F.epoch.addingTimeInterval(60)
            try await store.commit(try F.handle(.approve(by: F.panel[0]), on: try await load(store, "R-TASKS001"), now: now))
            try requireEqual(try await waiting(F.panel[0]), [], "panel member after voting")
            try requireEqual(try await waiting(F.panel[1]), ["R-TASKS001"], "another panel member")

            try await store.commit(try F.handle(.approve(by: F.carol), on: try await load(store, "R-TASKS002"), now: now))
            try requireEqual(try await waiting(F.carol), [], "carol after her step")
            try requireEqual(try await waiting(F.dave), [], "dave after the step passed")
            try requireEqual(try await waiting(F.bob), ["R-TASKS002"], "bob at step 2")

            try await store.commit(try F.handle(.deny(by: F.bob, reason: "no"), on: try await load(store, "R-TASKS002"), now: now))
            try requireEqual(try await waiting(F.bob), [], "bob after denying")
            let both = try await store.requests(RequestQuery(awaitingApprover: F.panel[1], statuses: [.pending]))
            try requireEqual(both.map(\.id), ["R-TASKS001"], "awaiting combined with a status")
        },
        Check("requests filters by requester and status, newest first, with a limit") { store in
            let ids: [RequestID] = ["R-QUERY001", "R-QUERY002", "R-QUERY003"]
            try await store.create(try F.submit(F.githubSubmission(id: ids[0]), now: F.epoch))
            try await store.create(try F.submit(F.githubSubmission(id: ids[1], requester: F.erin), now: F.epoch.addingTimeInterval(60)))
            try await store.create(try F.submit(F.panelSubmission(id: ids[2]), now: F.epoch.addingTimeInterval(120)))
            let cancel = try F.handle(
                .cancel(by: .user(F.alice), reason: nil), on: try await load(store, ids[0]), now: F.epoch.addingTimeInterval(180))
            try await store.commit(cancel)

            try requireEqual(try await store.requests(RequestQuery()).map(\.id), ids.reversed(), "everything, newest first")
            try requireEqual(try await store.requests(RequestQuery(requester: F.alice)).map(\.id), [ids[2], ids[0]], "alice's")
            try requireEqual(try await store.requests(RequestQuery(statuses: [.cancelled])).map(\.id), [ids[0]], "cancelled")
            try requireEqual(
                try await store.requests(RequestQuery(requester: F.alice, statuses: [.pending])).map(\.id), [ids[2]], "alice's pending")
            try requireEqual(try await store.requests(RequestQuery(limit: 1)).map(\.id), [ids[2]], "limit 1")
            try requireEqual(try await store.requests(RequestQuery(statuses: [])).count, 0, "no statuses")
        },
        Check("times round-trip") { store in
            let odd = Date(timeIntervalSince1970: 1_767_225_600.123_456_7)
            let outcome = try F.submit(F.githubSubmission(id: "R-TIMES001"), now: odd)
            try await store.create(outcome)
            try requireEqual(try await load(store, "R-TIMES001"), outcome.request, "request (exact)")
            let trail = try await store.auditTrail(of: "R-TIMES001")
            try require(trail.count == 1 && abs(trail[0].at.timeIntervalSince(odd)) < 0.000_001, "audit time within 1 µs: \(trail)")
            let due = try await store.nextTimerDue()
            try require(due.map { abs($0.timeIntervalSince(odd.addingTimeInterval(4 * 3600))) < 0.000_001 } ?? false, "timer due time")
        },
    ]
}
