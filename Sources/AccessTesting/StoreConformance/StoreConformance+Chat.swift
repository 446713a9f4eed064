import AccessCore
import Foundation

extension StoreConformance {
    static let chatChecks: [Check] = [
        Check("card copies are kept once each, in posting order") { store in
            let slack = CardCopy(requestID: "R-CARDS001", platform: .slack, conversation: "C0ITOPS", messageID: "1700000000.000100")
            let teams = CardCopy(
                requestID: "R-CARDS001", platform: .teams, conversation: "a:1xyz", messageID: "1:abc",
                serviceURL: "https://smba.trafficmanager.net/emea/")
            try await store.recordCardCopy(slack)
            try await store.recordCardCopy(teams)
            try await store.recordCardCopy(slack)
            try requireEqual(try await store.cardCopies(of: "R-CARDS001"), [slack, teams], "copies")
            try requireEqual(try await store.cardCopies(of: "R-CARDS002"), [], "another request's copies")
        },
        Check("conversation references are found by directory user, the newest winning") { store in
            let first = ConversationReference(
                platform: .teams, platformUserID: "29:alice", user: F.alice, conversation: "a:old",
                serviceURL: "https://smba.trafficmanager.net/emea/", tenantID: "tenant-1")
            try await store.saveConversation(first)
            try requireEqual(try await store.conversation(platform: .teams, user: F.alice), first, "saved reference")
            var second = first
            second.conversation = "a:new"
            try await store.saveConversation(second)
            try requireEqual(try await store.conversation(platform: .teams, user: F.alice), second, "replaced reference")
            try requireEqual(try await store.conversation(platform: .slack, user: F.alice), nil, "other platform")
            try requireEqual(try await store.conversation(platform: .teams, user: F.bob), nil, "other user")
        },
        Check("the identity cache answers within maxAge and maps back to platform ids") { store in
            try await store.cacheIdentity(platform: .slack, platformUserID: "U0ALICE", user: F.alice, now: F.epoch)
            let fresh = try await store.cachedIdentity(
                platform: .slack, platformUserID: "U0ALICE", maxAge: .hours(1), now: F.epoch.addingTimeInterval(1800))
            try requireEqual(fresh, F.alice, "within maxAge")
            let stale = try await store.cachedIdentity(
                platform: .slack, platformUserID: "U0ALICE", maxAge: .hours(1), now: F.epoch.addingTimeInterval(7200))
            try requireEqual(stale, nil, "past maxAge")
            try requireEqual(try await store.platformUserID(platform: .slack, user: F.alice), "U0ALICE", "reverse lookup")
            try requireEqual(try await store.platformUserID(platform: .teams, user: F.alice), nil, "other platform")

            try await store.cacheIdentity(platform: .slack, platformUserID: "U0ALICE", user: F.carol, now: F.epoch.addingTimeInterval(60))
            let moved = try await store.cachedIdentity(
                platform: .slack, platformUserID: "U0ALICE", maxAge: .hours(1), now: F.epoch.addingTimeInterval(120))
            try requireEqual(moved, F.carol, "a refreshed mapping replaces the old one")
        },
        Check("firstSighting is true exactly once per key, even under concurrency") { store in
            let sightings = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 { group.addTask { try await store.firstSighting(of: "slack:event:Ev0001", now: F.epoch) } }
                var all: [Bool] = []
                for try await seen in group { all.append(seen) }
                return all
            }
            try requireEqual(sightings.filter { $0 }.count, 1, "first sightings among 20")
            try requireEqual(try await store.firstSighting(of: "slack:event:Ev0001", now: F.epoch.addingTimeInterval(5)), false, "a retry")
            try requireEqual(try await store.firstSighting(of: "slack:event:Ev0002", now: F.epoch), true, "another key")
        },
    ]
}
