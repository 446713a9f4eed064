import AccessCore
import Foundation

/// Approval cards (Adaptive Cards), as pure functions of core values. A card always shows the
/// request as it is now: the reason input and Approve/Deny while the step is pending, "Mark …
/// as granted" while a manual grant waits, the outcome once decided.
///
/// Actions (the inbound decoder reads exactly these): `Action.Execute` verbs `approve` and
/// `deny` with data `{"requestId","step"}`, each with an `Action.Submit` fallback whose data
/// adds `"verb"`; `markGranted` with data `{"requestId","resource"}`.
public enum TeamsCards {
    /// The card for a `CardDelivery`: its purpose sets the heading and the buttons.
    ///
    /// - approval, reminder, escalation: reason input, Approve (positive) and Deny (destructive)
    ///   while pending; reminders and escalations add how long it has waited.
    /// - confirmManualGrant: "Mark <resource> as granted" while that resource waits to be granted by hand.
    public static func card(for request: AccessRequest, purpose: CardDelivery.Purpose, catalog: Catalog, now: Date) -> AdaptiveCard {
        render(request, purpose: purpose, notice: nil, format: TeamsFormat(catalog: catalog), now: now)
    }

    /// The card as the request is now, for invoke answers and for updating every posted copy
    /// (copies do not remember their purpose). `notice` is an extra warning line at the top
    /// (e.g. "A reason is required to deny."), escaped.
    public static func current(request: AccessRequest, catalog: Catalog, now: Date, notice: String? = nil) -> AdaptiveCard {
        render(request, purpose: nil, notice: notice, format: TeamsFormat(catalog: catalog), now: now)
    }

    /// `Access request R-1 from alice@example.com: GitHub admins for 4h (approved)`: plain text for
    /// a card message's notification `summary`.
    public static func summary(for request: AccessRequest, catalog: Catalog) -> String {
        let format = TeamsFormat(catalog: catalog)
        var text = "Access request \(request.id.rawValue) from \(request.requester.rawValue): "
        text += format.plainResources(request.resources) + " for \(TeamsFormat.duration(request.accessDuration))"
        if request.status != .pending { text += " (\(TeamsFormat.statusWord(request.status)))" }
        return TeamsMarkdown.plain(text, max: TeamsLimits.summary)
    }

    /// How much user text a card shows. The first budget fits almost every request; the later
    /// ones keep hostile or enormous requests under Teams' message size.
    struct Budget {
        var answersShown: Int
        var answer: Int
        var justification: Int
        var reason: Int

        static let levels = [
            Budget(
                answersShown: TeamsLimits.answersShown, answer: TeamsLimits.answer, justification: TeamsLimits.justification,
                reason: TeamsLimits.reason),
            Budget(answersShown: 10, answer: 150, justification: 700, reason: 300),
            Budget(answersShown: 3, answer: 80, justification: 300, reason: 150),
        ]
    }

    static func render(
        _ request: AccessRequest, purpose: CardDelivery.Purpose?, notice: String?, format: TeamsFormat, now: Date
    ) -> AdaptiveCard {
        var card = AdaptiveCard(body: [])
        for budget in Budget.levels {
            card = build(request, purpose: purpose, notice: notice, format: format, now: now, budget: budget)
            if card.jsonBytes.count <= TeamsLimits.cardBytes { return card }
        }
        return card
    }

    private static func build(
        _ request: AccessRequest, purpose: CardDelivery.Purpose?, notice: String?, format: TeamsFormat, now: Date, budget: Budget
    ) -> AdaptiveCard {
        var body: [CardElement] = []
        if let notice, !notice.isEmpty {
            body.append(.text("⚠️ " + TeamsMarkdown.escape(notice, max: TeamsLimits.reason), weight: .bolder, color: .attention))
        }
        body.append(.text(heading(request, purpose: purpose), weight: .bolder, size: .medium))
        body.append(.text(format.person(request.requester) + " asks for " + format.resources(request.resources) + "."))
        body.append(.factSet(CardElement.FactSet(facts: facts(request, format: format, budget: budget))))
        if let waiting = waiting(request, purpose: purpose, format: format, now: now) {
            body.append(.text(waiting, isSubtle: true))
        }
        body += outcome(request, format: format, budget: budget).map { .text($0) }
        body += actions(request, purpose: purpose, format: format)
        return AdaptiveCard(body: body)
    }

    private static func heading(_ request: AccessRequest, purpose: CardDelivery.Purpose?) -> String {
        let id = TeamsMarkdown.escape(request.id.rawValue, max: 64)
        var manual = false
        if case .confirmManualGrant = purpose { manual = true }
        guard request.status == .pending || (request.status == .approved && manual) else {
            return "Access request \(id): \(TeamsFormat.statusWord(request.status))"
        }
        switch purpose {
        case .reminder: return "Reminder: access request \(id)"
        case .escalation: return "Escalation: access request \(id)"
        case .confirmManualGrant: return "Grant by hand: request \(id)"
        case .approval, nil: return "Access request \(id)"
        }
    }
}
