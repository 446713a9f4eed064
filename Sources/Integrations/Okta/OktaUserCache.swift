import AccessCore
import Foundation

/// Directory answers remembered for a while, so a busy requester costs one Okta call per
/// TTL. Negative answers (nobody with that login) are kept too, for a shorter time.
actor OktaUserCache {
    private struct Entry {
        var user: DirectoryUser?
        var expires: ContinuousClock.Instant
    }

    private let ttl: Duration
    private let negativeTTL: Duration
    private let capacity: Int
    private var entries: [UserID: Entry] = [:]

    init(ttl: Duration, negativeTTL: Duration, capacity: Int = 10_000) {
        self.ttl = ttl
        self.negativeTTL = negativeTTL
        self.capacity = capacity
    }

    /// `.some(nil)` is a remembered "not in Okta"; nil is "ask Okta".
    func lookup(_ id: UserID) -> DirectoryUser?? {
        guard let entry = entries[id] else { return nil }
        guard entry.expires > .now else {
            entries[id] = nil
            return nil
        }
        return .some(entry.user)
    }

    func store(_ user: DirectoryUser?, for id: UserID) {
        let life = user == nil ? negativeTTL : ttl
        guard life > .zero else { return }
        if entries.count >= capacity {
            let now = ContinuousClock.now
            entries = entries.filter { $0.value.expires > now }
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        }
        entries[id] = Entry(user: user, expires: .now + life)
    }

    func forget(_ id: UserID) { entries[id] = nil }
}
