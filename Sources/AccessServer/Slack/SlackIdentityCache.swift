import AccessCore
import Foundation
import Synchronization

/// Slack user ↔ person in memory, in front of the store's identity table, so the hot
/// path of a command (and every card rendered) reads no database row for people it knows.
final class SlackIdentityCache: Sendable {
    private struct Entry {
        var person: UserID
        var slackUser: String
        var cachedAt: ContinuousClock.Instant
    }

    private struct Maps {
        var bySlackUser: [String: Entry] = [:]
        var byPerson: [UserID: Entry] = [:]
    }

    private let maps = Mutex(Maps())
    private let maxAge: Duration
    private let capacity: Int

    init(maxAge: Duration = .seconds(3600), capacity: Int = 50_000) {
        self.maxAge = maxAge
        self.capacity = capacity
    }

    func person(slackUser: String) -> UserID? {
        maps.withLock { maps in
            guard let entry = maps.bySlackUser[slackUser], ContinuousClock.now - entry.cachedAt < maxAge else { return nil }
            return entry.person
        }
    }

    func slackUser(for person: UserID) -> String? {
        maps.withLock { maps in
            guard let entry = maps.byPerson[person], ContinuousClock.now - entry.cachedAt < maxAge else { return nil }
            return entry.slackUser
        }
    }

    func remember(slackUser: String, person: UserID) {
        let entry = Entry(person: person, slackUser: slackUser, cachedAt: .now)
        maps.withLock { maps in
            // A crude bound: past capacity start again; the store still has every mapping.
            if maps.bySlackUser.count >= capacity { maps = Maps() }
            maps.bySlackUser[slackUser] = entry
            maps.byPerson[person] = entry
        }
    }
}
