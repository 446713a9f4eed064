import AccessCore
import AccessStore
import Foundation
import TeamsAdapter

/// Teams user ↔ directory person. Inbound: the member's email (or UPN) from the Connector's
/// member API, cached in memory and in the store. Outbound: a person's personal chat with the
/// bot, opened when they have none yet, finding their Teams id in the rosters of the teams the
/// bot is installed in.
struct TeamsIdentity: Sendable {
    let connector: BotConnectorClient
    let store: SQLStore
    let cache: IdentityCache
    let teams: TeamsConfiguration
    var maxAge = TimeSpan.days(1)
    /// Roster pages read per installation when looking for one person.
    var maxRosterPages = 20

    /// The directory person who sent an activity; nil when Teams has no email for them.
    func person(for activity: TeamsActivity) async throws -> UserID? {
        guard let from = activity.from, !from.id.isEmpty else { return nil }
        if let known = cache.person(platformUser: from.id) { return known }
        if let cached = try await store.cachedIdentity(platform: .teams, platformUserID: from.id, maxAge: maxAge, now: Date()) {
            cache.remember(platformUser: from.id, person: cached)
            return cached
        }
        let member: TeamsChannelAccount
        do {
            member = try await connector.member(from.id, in: activity.conversation.id, serviceURL: activity.serviceUrl)
        } catch {
            guard case .notFound = error else { throw error }
            return nil
        }
        guard let email = member.directoryEmail else { return nil }
        let person = UserID(email: email)
        try await store.cacheIdentity(platform: .teams, platformUserID: from.id, user: person, now: Date())
        cache.remember(platformUser: from.id, person: person)
        return person
    }

    /// Where to reach a person on Teams: their personal chat with the bot, opened now if there
    /// is none. Nil when no Teams user is known for them (they are not in any roster we see).
    func personalConversation(for person: UserID) async throws -> (conversation: String, serviceURL: String)? {
        if let saved = try await store.conversation(platform: .teams, user: person), let url = saved.serviceURL {
            return (saved.conversation, url)
        }
        let installations = try await store.installations(platform: .teams).filter { $0.serviceURL != nil }
        guard let home = installations.first, let homeURL = home.serviceURL else { return nil }
        var member: (id: String, serviceURL: String, tenantID: String?)?
        if let known = try await knownMemberID(of: person) {
            member = (known, homeURL, home.tenantID)
        } else {
            member = try await findInRosters(person, installations: installations)
        }
        guard let member else { return nil }
        let conversation = try await connector.createPersonalConversation(
            with: member.id, bot: teams.botAccountID, tenantID: member.tenantID ?? teams.tenantID, serviceURL: member.serviceURL)
        try await store.saveConversation(
            ConversationReference(
                platform: .teams, platformUserID: member.id, user: person, conversation: conversation, serviceURL: member.serviceURL,
                tenantID: member.tenantID ?? teams.tenantID))
        return (conversation, member.serviceURL)
    }

    private func knownMemberID(of person: UserID) async throws -> String? {
        if let known = cache.platformUser(for: person) { return known }
        return try await store.platformUserID(platform: .teams, user: person)
    }

    /// Pages through the members of each team and group chat the bot is in, remembering every
    /// mapping it sees on the way (the next look-up of a colleague costs nothing).
    private func findInRosters(
        _ person: UserID, installations: [ChatInstallation]
    ) async throws -> (id: String, serviceURL: String, tenantID: String?)? {
        for installation in installations where installation.scope != .personal {
            guard let url = installation.serviceURL else { continue }
            var continuation: String?
            for _ in 0..<maxRosterPages {
                let fetched: TeamsMemberPage?
                do {
                    fetched = try await connector.members(of: installation.conversation, serviceURL: url, continuation: continuation)
                } catch {
                    // A team the bot was removed from has no roster to read; other failures count.
                    guard TeamsEffectExecutor.isGone(error) else { throw error }
                    fetched = nil
                }
                guard let page = fetched else { break }
                var found: String?
                for member in page.members {
                    guard let email = member.directoryEmail else { continue }
                    let user = UserID(email: email)
                    try await store.cacheIdentity(platform: .teams, platformUserID: member.id, user: user, now: Date())
                    cache.remember(platformUser: member.id, person: user)
                    if user == person { found = member.id }
                }
                if let found { return (found, url, installation.tenantID) }
                guard let next = page.continuationToken, !next.isEmpty else { break }
                continuation = next
            }
        }
        return nil
    }
}
