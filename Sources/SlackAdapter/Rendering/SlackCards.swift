import AccessCore
import Foundation

/// Approval cards (Block Kit), as pure functions of core values. A card always shows the
/// request as it is now: buttons while someone can act, the outcome once decided.
public enum SlackCards {
    /// The card for a `CardDelivery`: its purpose sets the heading and the buttons.
    ///
    /// - approval, reminder, escalation: Approve (primary) and Deny (danger) while pending;
    ///   escalation adds how long it has waited and on whom.
    /// - confirmManualGrant: "Mark as granted" while the resource waits to be granted by hand.
    public static func card(
        for request: AccessRequest, purpose: CardDelivery.Purpose, catalog: Catalog, mentions: SlackMentions, now: Date
    ) -> SlackMessageContent {
        render(request, purpose: purpose, format: SlackFormat(catalog: catalog, mentions: mentions), now: now)
    }

    /// The card as the request is now, for `chat.update` of every posted copy (copies do
    /// not remember their purpose): decision buttons while pending, "Mark as granted"
    /// while a manual grant waits, the outcome otherwise.
    public static func current(
        request: AccessRequest, catalog: Catalog, mentions: SlackMentions, now: Date
    ) -> SlackMessageContent {
        render(request, purpose: nil, format: SlackFormat(catalog: catalog, mentions: mentions), now: now)
    }

    private static func render(
        _ request: AccessRequest, purpose: CardDelivery.Purpose?, format: SlackFormat, now: Date
    ) -> SlackMessageContent {
        var blocks: [SlackBlock] = [.header(heading(request, purpose: purpose))]
        blocks.append(summary(request, format: format))
        if let answers = answers(request, format: format) { blocks.append(answers) }
        if !request.justification.isEmpty {
            blocks.append(.section("*Justification*\n" + .text(request.justification, max: 1500)))
        }
        blocks.append(.context(timeline(request, purpose: purpose, format: format, now: now)))
        if let outcome = outcome(request, format: format) { blocks.append(.section(outcome)) }
        if let buttons = buttons(request, purpose: purpose, format: format) { blocks.append(buttons) }
        return SlackMessageContent(text: fallback(request, format: format), blocks: blocks)
    }

    private static func heading(_ request: AccessRequest, purpose: CardDelivery.Purpose?) -> String {
        let id = request.id.rawValue
        guard request.status == .pending || (request.status == .approved && isManual(purpose)) else {
            return "Access request \(id): \(statusWord(request.status))"
        }
        switch purpose {
        case .reminder: return "Reminder: access request \(id)"
        case .escalation: return "Escalation: access request \(id)"
        case .confirmManualGrant: return "Grant by hand: request \(id)"
        case .approval, nil: return "Access request \(id)"
        }
    }

    private static func isManual(_ purpose: CardDelivery.Purpose?) -> Bool {
        if case .confirmManualGrant = purpose { return true }
        return false
    }

    /// `Access request R-1 from Alice: GitHub admins for 4h (approved)`, escaped.
    private static func fallback(_ request: AccessRequest, format: SlackFormat) -> String {
        var text = Mrkdwn.markup("Access request \(request.id.rawValue) from ")
        text.append(format.plainName(request.requester), max: 120)
        text.appendMarkup(": ")
        text.append(format.plainResources(request.resources), max: 300)
        text.appendMarkup(" for \(SlackFormat.duration(request.accessDuration))")
        if request.status != .pending { text.appendMarkup(" (\(statusWord(request.status)))") }
        return text.rendered(limit: 1000)
    }

    /// A status in words.
    static func statusWord(_ status: RequestStatus) -> String { ChatWording.statusWord(status) }
}
