import AccessCore
import AccessStore
import Foundation
import SlackAdapter

/// Slack user ↔ directory person, through the profile email (users.info, users.lookupByEmail),
/// cached in the store so a busy approver costs one Web API call a day.
struct SlackIdentity: Sendable {
    let api: SlackWebAPI
    let store: SQLStore
    let cache: IdentityCache
    var maxAge = TimeSpan.days(1)

    /// The directory person behind a Slack user; nil for bots, deactivated accounts and
    /// profiles without an email (the caller tells the person why).
    func person(slackUser: String) async throws -> UserID? {
        if let known = cache.person(platformUser: slackUser) { return known }
        if let cached = try await store.cachedIdentity(platform: .slack, platformUserID: slackUser, maxAge: maxAge, now: Date()) {
            cache.remember(platformUser: slackUser, person: cached)
            return cached
        }
        let info = try await api.usersInfo(userID: slackUser)
        guard !info.deleted, !info.isBot, let email = info.email, !email.isEmpty else { return nil }
        let person = UserID(email: email)
        try await store.cacheIdentity(platform: .slack, platformUserID: slackUser, user: person, now: Date())
        cache.remember(platformUser: slackUser, person: person)
        return person
    }

    /// The Slack user id of a directory person, for DMs; nil when Slack has nobody with that email.
    func slackUser(for person: UserID) async throws -> String? {
        if let known = cache.platformUser(for: person) { return known }
        if let cached = try await store.platformUserID(platform: .slack, user: person) {
            cache.remember(platformUser: cached, person: person)
            return cached
        }
        do {
            let info = try await api.lookupByEmail(person.rawValue)
            try await store.cacheIdentity(platform: .slack, platformUserID: info.id, user: person, now: Date())
            cache.remember(platformUser: info.id, person: person)
            return info.id
        } catch SlackAPIError.permanent(let code) where code == .usersNotFound || code == .userNotFound {
            return nil
        }
    }

    /// Mentions for everyone a request names, from the cache only (rendering never calls Slack).
    func mentions(for request: AccessRequest) async -> SlackMentions {
        var people = Set([request.requester])
        for step in request.steps { people.formUnion(step.eligible) }
        for decision in request.decisions { people.insert(decision.approver) }
        var ids: [UserID: String] = [:]
        for person in people {
            if let known = cache.platformUser(for: person) {
                ids[person] = known
            } else if let id = try? await store.platformUserID(platform: .slack, user: person) {
                cache.remember(platformUser: id, person: person)
                ids[person] = id
            }
        }
        return SlackMentions(ids)
    }
}
