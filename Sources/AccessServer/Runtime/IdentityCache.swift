import AccessCore
import Foundation
import Synchronization

/// Platform user (Slack `U…`, Teams `29:…`) ↔ person in memory, in front of the store's identity table, so the hot
/// path of a command (and every card rendered) reads no database row for people it knows.
final class IdentityCache: Sendable {
    private struct Entry {
        var person: UserID
        var platformUser: String
        var cachedAt: ContinuousClock.Instant
    }

    private struct Maps {
        var byPlatformUser: [String: Entry] = [:]
        var byPerson: [UserID: Entry] = [:]
    }

    private let maps = Mutex(Maps())
    private let maxAge: Duration
    private let capacity: Int

    init(maxAge: Duration = .seconds(3600), capacity: Int = 50_000) {
        self.maxAge = maxAge
        self.capacity = capacity
    }

    func person(platformUser: String) -> UserID? {
        maps.withLock { maps in
            guard let entry = maps.byPlatformUser[platformUser], ContinuousClock.now - entry.cachedAt < maxAge else { return nil }
            return entry.person
        }
    }

    func platformUser(for person: UserID) -> String? {
        maps.withLock { maps in
            guard let entry = maps.byPerson[person], ContinuousClock.now - entry.cachedAt < maxAge else { return nil }
            return entry.platformUser
        }
    }

    func remember(platformUser: String, person: UserID) {
        let entry = Entry(person: person, platformUser: platformUser, cachedAt: .now)
        maps.withLock { maps in
            // A crude bound: past capacity start again; the store still has every mapping.
            if maps.byPlatformUser.count >= capacity { maps = Maps() }
            maps.byPlatformUser[platformUser] = entry
            maps.byPerson[person] = entry
        }
    }
}
