import AccessCore
import Foundation

/// The App Home tab: what waits on me (with the same buttons as the cards) and my requests.
public enum SlackHome {
    /// At most this many requests of each list are shown; the rest are counted.
    public static let shownPerList = 15

    /// The Home view for one person (`views.publish`).
    /// - Parameters:
    ///   - mine: the person's requests, newest first.
    ///   - waitingOnMe: pending requests whose current step waits on them.
    public static func view(
        mine: [AccessRequest], waitingOnMe: [AccessRequest], catalog: Catalog, mentions: SlackMentions, now: Date
    ) -> SlackView {
        let format = SlackFormat(catalog: catalog, mentions: mentions)
        var blocks: [SlackBlock] = [
            .header("AccessBot"),
            .section("Ask for access, and decide on what waits on you. In any channel, type `/access help`."),
            .actions([.button("Request access", action: .openRequestForm, value: "home", style: .primary)], blockID: "home:request"),
            .divider,
            .header("Waiting on you (\(waitingOnMe.count))"),
        ]
        if waitingOnMe.isEmpty { blocks.append(.context(["Nothing waits on you."])) }
        for request in waitingOnMe.prefix(shownPerList) {
            blocks.append(.section(line(request, format: format, showRequester: true)))
            blocks.append(
                .actions(
                    SlackCards.decisionButtons(request, format: format, discriminator: request.id.rawValue),
                    blockID: "home-decide:\(request.id.rawValue):\(request.currentStep)"))
        }
        if waitingOnMe.count > shownPerList { blocks.append(.context([more(waitingOnMe.count - shownPerList, command: "pending")])) }

        blocks.append(.divider)
        blocks.append(.header("Your requests"))
        if mine.isEmpty { blocks.append(.context(["You have not asked for anything yet."])) }
        for request in mine.prefix(shownPerList) {
            blocks.append(.section(line(request, format: format, showRequester: false)))
        }
        if mine.count > shownPerList { blocks.append(.context([more(mine.count - shownPerList, command: "status")])) }
        blocks.append(.context(["Updated " + SlackFormat.date(now)]))
        return .home(blocks: blocks)
    }

    /// `*R-1* · <@alice> asks for *GitHub admins* for 4h · pending` with the justification below.
    static func line(_ request: AccessRequest, format: SlackFormat, showRequester: Bool) -> Mrkdwn {
        var text = Mrkdwn.markup("*\(request.id.rawValue)* · ")
        if showRequester { text.append(format.person(request.requester) + " asks for ") }
        text.append(format.resources(request.resources))
        text.appendMarkup(" for \(SlackFormat.duration(request.accessDuration)) · \(SlackCards.statusWord(request.status))")
        if let step = request.activeStep, request.steps.count > 1 {
            text.append(.markup(" (step \(request.currentStep + 1) of \(request.steps.count): ") + format.rule(step.rule) + ")")
        }
        text.appendMarkup(" · ")
        text.append(SlackFormat.date(request.createdAt))
        if !request.justification.isEmpty { text.append("\n_" + .text(request.justification, max: 200) + "_") }
        if let reason = request.endReason, request.status.isTerminal { text.append("\nReason: " + .text(reason, max: 200)) }
        return text
    }

    private static func more(_ count: Int, command: String) -> Mrkdwn {
        .markup("… and \(count) more: type `/access \(command)`.")
    }
}
