import AccessCore
import Foundation

/// Words for every `Notice`, sent as a chat message (or to a channel) by the delivery service.
public enum TeamsNotices {
    /// The message for a notification. The wording depends on whether it goes to the requester
    /// ("your request") or to someone else (approvers, the owning team).
    public static func message(for notification: AccessCore.Notification, request: AccessRequest, catalog: Catalog) -> TeamsMessageContent {
        let format = TeamsFormat(catalog: catalog)
        let toRequester = notification.audience == .user(request.requester)
        let idText = TeamsMarkdown.escape(request.id.rawValue, max: 64)
        let id = "**\(idText)**"
        let what = format.resources(request.resources)
        func about(capitalized: Bool) -> String {
            toRequester
                ? (capitalized ? "Your request " : "your request ") + id + " for " + what
                : (capitalized ? "Request " : "request ") + id + " from " + format.person(request.requester) + " for " + what
        }
        let subject = about(capitalized: true)
        let access = toRequester ? "Your access to " + what : format.person(request.requester) + "'s access to " + what
        let text: String
        switch notification.notice {
        case .submitted:
            let waiting = request.currentApprovers.isEmpty ? "" : " It waits on " + format.people(request.currentApprovers) + "."
            text = "📥 " + subject + " was submitted." + waiting
        case .durationCapped(let span):
            text = "✂️ " + subject + " is for \(span) at most: that is the longest the resource allows."
        case .stepApproved(let step, let total, let by):
            let next = request.currentApprovers.isEmpty ? "" : " It now waits on " + format.people(request.currentApprovers) + "."
            text = "✅ " + format.person(by) + " approved step \(step + 1) of \(total) of " + about(capitalized: false) + "." + next
        case .approved(let by):
            let who = by.isEmpty ? "automatically" : "by " + format.people(by)
            text = "✅ " + subject + " was approved " + who + ". Access is being granted."
        case .denied(let by, let reason):
            text = "⛔ " + subject + " was denied by " + format.person(by) + "." + reasonLine(reason)
        case .cancelled(let by, let reason):
            text = "🚫 " + subject + " was cancelled by " + format.actor(by) + "." + reasonLine(reason)
        case .timedOut:
            text = "⌛ " + subject + " timed out: nobody decided in time. Ask again if you still need it."
        case .granted(let until):
            let end = until.map { " until " + TeamsFormat.utc($0) } ?? " with no end date"
            text = "🔓 " + access + " is granted" + end + " (request \(idText))."
        case .grantFailed(let reason):
            let next = toRequester ? " The owning team was told." : " Fix it and retry the grant."
            text = "⚠️ Granting " + about(capitalized: false) + " failed: " + TeamsMarkdown.escape(reason, max: 1000) + "." + next
        case .expiringSoon(let end):
            text = "⏰ " + access + " ends " + TeamsFormat.utc(end) + " (request \(idText)). Ask again if you need longer."
        case .expired:
            let manual = toRequester ? "" : " If it was granted by hand, remove it by hand now."
            text = "🔒 " + access + " from request \(idText) has ended." + manual
        case .revoked(let by, let reason):
            text = "🔒 " + access + " from request \(idText) was revoked by " + format.actor(by) + "." + reasonLine(reason)
        }
        return TeamsMessageContent(text: text)
    }

    private static func reasonLine(_ reason: String?) -> String {
        guard let reason, !reason.isEmpty else { return "" }
        return "\n\n**Reason:** " + TeamsMarkdown.escape(reason, max: 1500)
    }
}
