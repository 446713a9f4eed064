import AccessCore
import Foundation

/// Answers to typed messages and to clicks: help, lists, errors. Text in Teams markdown
/// (paragraphs separated by blank lines, which every Teams client shows as line breaks).
public enum TeamsReplies {
    /// The most requests one list reply shows.
    public static let shownPerList = 25

    /// `help`: the shared usage text, in Teams markdown.
    public static func help() -> TeamsMessageContent {
        TeamsMessageContent(text: usage)
    }

    /// A message that was not understood: why (it quotes what was typed, so it is escaped), then the usage.
    public static func invalid(_ reason: String) -> TeamsMessageContent {
        TeamsMessageContent(text: TeamsMarkdown.escapeKeepingCode(reason, max: 300) + "\n\n" + usage)
    }

    /// A refused command, as the workflow's one sentence (it may quote what was typed, so it is escaped).
    public static func error(_ error: WorkflowError) -> TeamsMessageContent {
        TeamsMessageContent(text: "⚠️ " + TeamsMarkdown.escapeKeepingCode(error.description, max: 1000))
    }

    /// A new request was accepted.
    public static func submitted(_ request: AccessRequest, catalog: Catalog) -> TeamsMessageContent {
        let format = TeamsFormat(catalog: catalog)
        var text = "📥 Request **\(TeamsMarkdown.escape(request.id.rawValue, max: 64))** for " + format.resources(request.resources)
        text += " submitted."
        if !request.currentApprovers.isEmpty { text += " It waits on " + format.people(request.currentApprovers) + "." }
        return TeamsMessageContent(text: text)
    }

    /// `cancel ID` worked.
    public static func cancelled(_ id: RequestID) -> TeamsMessageContent {
        TeamsMessageContent(text: "Request **\(TeamsMarkdown.escape(id.rawValue, max: 64))** is cancelled.")
    }

    /// `status ID` or a click on a request that does not exist.
    public static func notFound(_ id: RequestID) -> TeamsMessageContent {
        TeamsMessageContent(text: "There is no request " + TeamsMarkdown.escape(id.rawValue, max: 64) + " that you can see.")
    }

    /// The Teams user could not be matched to a directory person.
    public static func unknownPerson() -> TeamsMessageContent {
        TeamsMessageContent(
            text:
                "I could not match your Teams account to a person in the directory (is the email you sign in to Teams with the one in the directory?). Ask an admin for help."
        )
    }

    /// A click on a button this server no longer renders (an old card).
    public static func unknownAction() -> TeamsMessageContent {
        TeamsMessageContent(text: "That button is from an older version of this card. Send me `pending` to see what waits on you.")
    }

    /// The welcome when the app is installed or a chat starts.
    public static func greeting() -> TeamsMessageContent {
        TeamsMessageContent(
            text: "👋 Hi, I'm **AccessBot**. I help you ask for access and decide on requests that wait on you.\n\n" + usage)
    }

    /// The server cannot act yet (starting up, database unreachable).
    public static func notReady() -> TeamsMessageContent {
        TeamsMessageContent(text: "AccessBot is starting up and cannot reach its database yet; please try again in a minute.")
    }

    /// `status`: my requests, newest first.
    public static func status(_ requests: [AccessRequest], catalog: Catalog) -> TeamsMessageContent {
        list(requests, empty: "You have no requests.", title: "Your requests", showRequester: false, catalog: catalog)
    }

    /// `pending`: what waits on me.
    public static func pending(_ requests: [AccessRequest], catalog: Catalog) -> TeamsMessageContent {
        list(
            requests, empty: "Nothing waits on you.", title: "Waiting on you", showRequester: true, catalog: catalog,
            footer: "Decide from the cards AccessBot sent you.")
    }

    /// `status ID`: one request in full, as a card without inputs or buttons.
    public static func status(of request: AccessRequest, catalog: Catalog, now: Date) -> TeamsMessageContent {
        var card = TeamsCards.current(request: request, catalog: catalog, now: now)
        card.body.removeAll {
            switch $0 {
            case .actionSet, .inputText, .inputChoiceSet: true
            default: false
            }
        }
        card.actions = []
        return TeamsMessageContent(text: TeamsMarkdown.escape(TeamsCards.summary(for: request, catalog: catalog), max: 500), card: card)
    }

    /// The usage: `ChatCommandParser.usage` with Slack's `*bold*` as Teams' `**bold**` and one
    /// paragraph per line (Teams joins single line breaks in some clients).
    static var usage: String {
        ChatCommandParser.usage.replacingOccurrences(of: "*", with: "**")
            .split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n\n")
    }

    private static func list(
        _ requests: [AccessRequest], empty: String, title: String, showRequester: Bool, catalog: Catalog, footer: String? = nil
    ) -> TeamsMessageContent {
        guard !requests.isEmpty else { return TeamsMessageContent(text: empty) }
        let format = TeamsFormat(catalog: catalog)
        var paragraphs = ["**\(title) (\(requests.count))**"]
        paragraphs += requests.prefix(shownPerList).map { line($0, format: format, showRequester: showRequester) }
        if requests.count > shownPerList { paragraphs.append("… and \(requests.count - shownPerList) more.") }
        if let footer { paragraphs.append(footer) }
        return TeamsMessageContent(text: paragraphs.joined(separator: "\n\n"))
    }

    /// `**R-1** · alice@example.com asks for **GitHub admins** for 4h · pending (step 1 of 2: manager) · 2026-07-01 10:02 UTC`.
    private static func line(_ request: AccessRequest, format: TeamsFormat, showRequester: Bool) -> String {
        var text = "**\(TeamsMarkdown.escape(request.id.rawValue, max: 64))** · "
        if showRequester { text += format.person(request.requester) + " asks for " }
        text += format.resources(request.resources)
        text += " for \(TeamsFormat.duration(request.accessDuration)) · \(TeamsFormat.statusWord(request.status))"
        if let step = request.activeStep, request.steps.count > 1 {
            text += " (step \(request.currentStep + 1) of \(request.steps.count): " + format.rule(step.rule) + ")"
        }
        text += " · " + TeamsFormat.utc(request.createdAt)
        if !request.justification.isEmpty {
            text += " · _" + TeamsMarkdown.escape(TeamsMarkdown.plain(request.justification, max: 200), max: 200) + "_"
        }
        return text
    }
}
