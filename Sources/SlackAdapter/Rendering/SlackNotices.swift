import AccessCore
import Foundation

/// Words for every `Notice`, sent as a DM (or to a channel) by the delivery service.
public enum SlackNotices {
    /// The message for a notification. The wording depends on whether it goes to the requester
    /// ("your request") or to someone else (approvers, the owning team).
    public static func message(
        for notification: AccessCore.Notification, request: AccessRequest, catalog: Catalog, mentions: SlackMentions
    ) -> SlackMessageContent {
        let format = SlackFormat(catalog: catalog, mentions: mentions)
        let toRequester = notification.audience == .user(request.requester)
        let id = Mrkdwn.markup("*\(request.id.rawValue)*")
        let what = format.resources(request.resources)
        func about(capitalized: Bool) -> Mrkdwn {
            toRequester
                ? .markup(capitalized ? "Your request " : "your request ") + id + " for " + what
                : .markup(capitalized ? "Request " : "request ") + id + " from " + format.person(request.requester) + " for " + what
        }
        let subject = about(capitalized: true)
        let access: Mrkdwn = toRequester ? "Your access to " + what : format.person(request.requester) + "'s access to " + what
        let text: Mrkdwn
        switch notification.notice {
        case .submitted:
            let waiting = request.currentApprovers.isEmpty ? Mrkdwn() : " It waits on " + format.people(request.currentApprovers) + "."
            text = ":inbox_tray: " + subject + " was submitted." + waiting
        case .durationCapped(let span):
            text = ":scissors: " + subject + .markup(" is for \(span) at most: that is the longest the resource allows.")
        case .stepApproved(let step, let total, let by):
            let next = request.currentApprovers.isEmpty ? Mrkdwn() : " It now waits on " + format.people(request.currentApprovers) + "."
            text =
                ":white_check_mark: " + format.person(by) + .markup(" approved step \(step + 1) of \(total) of ")
                + about(capitalized: false) + "." + next
        case .approved(let by):
            let who = by.isEmpty ? Mrkdwn("automatically") : "by " + format.people(by)
            text = ":white_check_mark: " + subject + " was approved " + who + ". Access is being granted."
        case .denied(let by, let reason):
            text = ":no_entry: " + subject + " was denied by " + format.person(by) + ".\n*Reason:* " + .text(reason, max: 1500)
        case .cancelled(let by, let reason):
            text = ":no_entry_sign: " + subject + " was cancelled by " + format.actor(by) + "." + reasonLine(reason)
        case .timedOut:
            text = ":hourglass: " + subject + " timed out: nobody decided in time. Ask again if you still need it."
        case .granted(let until):
            let end = until.map { " until " + SlackFormat.date($0) } ?? " with no end date"
            text = ":unlock: " + access + " is granted" + end + .markup(" (request \(request.id.rawValue)).")
        case .grantFailed(let reason):
            let next: Mrkdwn = toRequester ? " The owning team was told." : " Fix it and retry the grant."
            text = ":warning: Granting " + about(capitalized: false) + " failed: " + .text(reason, max: 1000) + "." + next
        case .expiringSoon(let end):
            text =
                ":alarm_clock: " + access + " ends " + SlackFormat.date(end)
                + .markup(" (request \(request.id.rawValue)). Ask again if you need longer.")
        case .expired:
            let manual: Mrkdwn = toRequester ? "" : " If it was granted by hand, remove it by hand now."
            text = ":lock: " + access + .markup(" from request \(request.id.rawValue) has ended.") + manual
        case .revoked(let by, let reason):
            text =
                ":lock: " + access + .markup(" from request \(request.id.rawValue) was revoked by ") + format.actor(by) + "."
                + reasonLine(reason)
        }
        return SlackMessageContent(text)
    }

    private static func reasonLine(_ reason: String?) -> Mrkdwn {
        guard let reason, !reason.isEmpty else { return Mrkdwn() }
        return "\n*Reason:* " + .text(reason, max: 1500)
    }
}
