import AccessCore
import Foundation

/// Ephemeral answers to `/access` and to clicks: help, lists, errors.
/// Send them as the HTTP response (`SlackResponseMessage.ephemeral`) or through `response_url`.
public enum SlackReplies {
    /// The most requests one list reply shows.
    public static let shownPerList = 25

    /// `help`: the shared usage text.
    public static func help() -> SlackMessageContent {
        SlackMessageContent(.markup(ChatCommandParser.usage))
    }

    /// A command that was not understood: why (it quotes what was typed, so it is escaped), then the usage.
    public static func invalid(_ reason: String) -> SlackMessageContent {
        SlackMessageContent(.text(reason, max: 300) + "\n\n" + .markup(ChatCommandParser.usage))
    }

    /// A refused command, as the workflow's one sentence (it may quote what was typed, so it is escaped).
    public static func error(_ error: WorkflowError) -> SlackMessageContent {
        SlackMessageContent(":warning: " + .text(error.description, max: 1000))
    }

    /// The acknowledgement sent at once while slow work continues.
    public static func working() -> SlackMessageContent {
        SlackMessageContent("Working on it…")
    }

    /// A new request was accepted.
    public static func submitted(_ request: AccessRequest, catalog: Catalog, mentions: SlackMentions) -> SlackMessageContent {
        let format = SlackFormat(catalog: catalog, mentions: mentions)
        var text = Mrkdwn.markup(":inbox_tray: Request *\(request.id.rawValue)* for ") + format.resources(request.resources)
        text.appendMarkup(" submitted.")
        if !request.currentApprovers.isEmpty { text.append(" It waits on " + format.people(request.currentApprovers) + ".") }
        return SlackMessageContent(text)
    }

    /// `cancel ID` worked.
    public static func cancelled(_ id: RequestID) -> SlackMessageContent {
        SlackMessageContent(.markup("Request *\(id.rawValue)* is cancelled."))
    }

    /// `status ID` or a click on a request that does not exist.
    public static func notFound(_ id: RequestID) -> SlackMessageContent {
        SlackMessageContent("There is no request " + .text(id.rawValue, max: 64) + " that you can see.")
    }

    /// The Slack user could not be matched to a directory person.
    public static func unknownPerson() -> SlackMessageContent {
        SlackMessageContent(
            "I could not match your Slack account to a person in the directory (is the email on your Slack profile the one you sign in with?). Ask an admin for help."
        )
    }

    /// A click on a button this server no longer renders (an old card).
    public static func unknownAction() -> SlackMessageContent {
        SlackMessageContent("That button is from an older version of this card. Type `/access pending` to see what waits on you.")
    }

    /// `status`: my requests, newest first.
    public static func status(_ requests: [AccessRequest], catalog: Catalog, mentions: SlackMentions) -> SlackMessageContent {
        list(requests, empty: "You have no requests.", title: "Your requests", showRequester: false, catalog: catalog, mentions: mentions)
    }

    /// `pending`: what waits on me.
    public static func pending(_ requests: [AccessRequest], catalog: Catalog, mentions: SlackMentions) -> SlackMessageContent {
        list(
            requests, empty: "Nothing waits on you.", title: "Waiting on you", showRequester: true, catalog: catalog,
            mentions: mentions, footer: "Decide from the cards in your DMs or on the AccessBot Home tab.")
    }

    /// `status ID`: one request in full, without buttons.
    public static func status(of request: AccessRequest, catalog: Catalog, mentions: SlackMentions, now: Date) -> SlackMessageContent {
        var content = SlackCards.current(request: request, catalog: catalog, mentions: mentions, now: now)
        content.blocks.removeAll { if case .actions = $0 { true } else { false } }
        return content
    }

    private static func list(
        _ requests: [AccessRequest], empty: Mrkdwn, title: String, showRequester: Bool, catalog: Catalog,
        mentions: SlackMentions, footer: Mrkdwn? = nil
    ) -> SlackMessageContent {
        guard !requests.isEmpty else { return SlackMessageContent(empty) }
        let format = SlackFormat(catalog: catalog, mentions: mentions)
        var blocks: [SlackBlock] = [.header("\(title) (\(requests.count))")]
        for request in requests.prefix(shownPerList) {
            blocks.append(.section(SlackHome.line(request, format: format, showRequester: showRequester)))
        }
        var notes: [Mrkdwn] = []
        if requests.count > shownPerList { notes.append(.markup("… and \(requests.count - shownPerList) more.")) }
        if let footer { notes.append(footer) }
        if !notes.isEmpty { blocks.append(.context(notes)) }
        let ids = requests.prefix(10).map(\.id.rawValue).joined(separator: ", ")
        return SlackMessageContent(text: "\(title) (\(requests.count)): \(ids)", blocks: blocks)
    }
}
