import AccessCore
import AccessStore
import Foundation
import TeamsAdapter

/// What every validated activity teaches the bot about where it can post: the personal chat of
/// the sender, and the team or chat it was installed in. Only validated activities get here,
/// so every stored service URL was bound to a token (the `serviceurl` claim).
struct TeamsConversations: Sendable {
    let store: SQLStore

    /// Saves the sender's personal conversation (with the person, once known).
    func remember(_ activity: TeamsActivity, person: UserID?) async throws {
        guard activity.conversation.conversationType == "personal", let from = activity.from, !from.id.isEmpty else { return }
        try await store.saveConversation(
            ConversationReference(
                platform: .teams, platformUserID: from.id, user: person, conversation: activity.conversation.id,
                serviceURL: activity.serviceUrl, tenantID: activity.tenantID))
    }

    /// The install (or a message in) a team, group chat or personal chat.
    func install(_ activity: TeamsActivity) async throws {
        try await store.saveInstallation(Self.installation(of: activity))
    }

    func uninstall(_ activity: TeamsActivity) async throws {
        try await store.removeInstallation(platform: .teams, conversation: Self.installation(of: activity).conversation)
    }

    /// A team is stored by its team id (the id its roster is read by); a channel thread's
    /// `;messageid=` suffix is dropped.
    static func installation(of activity: TeamsActivity) -> ChatInstallation {
        let conversation = activity.conversation.id.split(separator: ";").first.map(String.init) ?? activity.conversation.id
        let scope: ChatInstallation.Scope =
            switch activity.conversation.conversationType {
            case "personal": .personal
            case "channel": .team
            default: activity.channelData?.team?.id != nil ? .team : .groupChat
            }
        let teamID = activity.channelData?.team?.id
        return ChatInstallation(
            platform: .teams, conversation: scope == .team ? (teamID ?? conversation) : conversation, scope: scope,
            serviceURL: activity.serviceUrl, tenantID: activity.tenantID, teamID: teamID)
    }
}
