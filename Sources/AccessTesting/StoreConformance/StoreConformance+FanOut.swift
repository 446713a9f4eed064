import AccessCore
import Foundation

extension StoreConformance {
    static let fanOutChecks: [Check] = [
        Check("splitOutbox replaces a message by one copy per platform, each delivered on its own") { store in
            let outcome = try F.submit(F.githubSubmission(id: "R-SPLIT001"))
            try await store.create(outcome)
            let effects = outboxEffects(outcome)
            let pending = try await store.outboxCounts().pending
            let head = try await store.claimOutbox(now: F.epoch.addingTimeInterval(5), limit: 1, lease: .minutes(1), worker: "w")
            try requireEqual(head.count, 1, "head claimed")
            try requireEqual(head[0].platform, nil, "not split yet")
            try await store.splitOutbox(head[0].id, platforms: [.slack, .teams])
            try requireEqual(try await store.outboxCounts().pending, pending + 1, "one message became two")

            let legs = try await store.claimOutbox(now: F.epoch.addingTimeInterval(5), limit: 10, lease: .minutes(1), worker: "w")
            let split = legs.filter { $0.platform != nil }
            try requireEqual(split.map(\.platform), [.slack, .teams], "one copy per platform, in order")
            try requireEqual(split.map(\.effect), [effects[0], effects[0]], "same effect")
            try requireEqual(split.map(\.orderingKey), ["R-SPLIT001#slack", "R-SPLIT001#teams"], "keys per platform")
            try requireEqual(split.map(\.attempts), [0, 0], "fresh attempts")

            // A Teams failure leaves the Slack copy delivered, and the Teams copy waiting alone.
            try await store.completeOutbox(split[0].id)
            try await store.retryOutbox(split[1].id, notBefore: F.epoch.addingTimeInterval(60), error: "throttled")
            let later = try await store.claimOutbox(now: F.epoch.addingTimeInterval(61), limit: 10, lease: .minutes(1), worker: "w2")
            try requireEqual(later.filter { $0.platform != nil }.map(\.platform), [.teams], "only the Teams copy is tried again")

            // Splitting twice (a crash after the split, a lease that ran out) writes nothing more.
            try await store.splitOutbox(head[0].id, platforms: [.slack, .teams])
            try await store.splitOutbox(split[1].id, platforms: [.slack, .teams])
            try requireEqual(try await store.outboxCounts().pending, pending, "no copies of copies")
        },
        Check("recordDeliveries completes, retries and kills a claimed batch and records its card copies") { store in
            let outcomes = try ["R-RECORD01", "R-RECORD02", "R-RECORD03"].map { try F.submit(F.githubSubmission(id: RequestID($0))) }
            for outcome in outcomes { try await store.create(outcome) }
            let pending = try await store.outboxCounts().pending
            let heads = try await store.claimOutbox(now: F.epoch.addingTimeInterval(5), limit: 3, lease: .minutes(1), worker: "w")
            try requireEqual(heads.count, 3, "heads")
            let copy = CardCopy(requestID: "R-RECORD01", platform: .slack, conversation: "D0BOB", messageID: "1700000000.000200")
            try await store.recordDeliveries([
                OutboxDelivery(id: heads[0].id, outcome: .completed, cardCopies: [copy]),
                OutboxDelivery(id: heads[1].id, outcome: .retry(notBefore: F.epoch.addingTimeInterval(60), error: "throttled")),
                OutboxDelivery(id: heads[2].id, outcome: .dead(error: "channel_not_found")),
            ])
            let counts = try await store.outboxCounts()
            try requireEqual(counts.pending, pending - 2, "one delivered, one dead")
            try requireEqual(counts.dead, 1, "dead")
            try requireEqual(try await store.cardCopies(of: "R-RECORD01"), [copy], "copy recorded")
            let later = try await store.claimOutbox(now: F.epoch.addingTimeInterval(61), limit: 10, lease: .minutes(1), worker: "w2")
            guard let retried = later.first(where: { $0.id == heads[1].id }) else {
                throw ConformanceFailure("retried message not claimable")
            }
            try requireEqual(retried.attempts, 1, "the retried one counts an attempt")
            try await store.recordDeliveries([])
        },
        Check("installations are kept per conversation, newest first, and can be removed") { store in
            let team = ChatInstallation(
                platform: .teams, conversation: "19:team@thread.tacv2", scope: .team, serviceURL: "https://smba.trafficmanager.net/amer/",
                tenantID: "tenant-1", teamID: "19:team@thread.tacv2")
            let personal = ChatInstallation(
                platform: .teams, conversation: "a:1alice", scope: .personal, serviceURL: "https://smba.trafficmanager.net/amer/",
                tenantID: "tenant-1")
            try await store.saveInstallation(team)
            try await Task.sleep(for: .milliseconds(5))
            try await store.saveInstallation(personal)
            try requireEqual(try await store.installations(platform: .teams), [personal, team], "newest first")
            try requireEqual(try await store.installations(platform: .slack), [], "other platform")
            var moved = team
            moved.serviceURL = "https://smba.trafficmanager.net/emea/"
            try await store.saveInstallation(moved)
            try requireEqual(try await store.installations(platform: .teams).first, moved, "saved again: refreshed and newest")
            try await store.removeInstallation(platform: .teams, conversation: team.conversation)
            try requireEqual(try await store.installations(platform: .teams), [personal], "removed")
        },
    ]
}
