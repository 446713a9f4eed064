import AccessCore
import Foundation

/// What an activity asks of AccessBot, in core terms. Raw verbs and ids stop here.
public enum TeamsInbound: Sendable, Hashable {
    /// A typed command (`request …`, `status`, …) with the bot mention stripped.
    case command(ChatIntent)
    /// A card button: an `Action.Execute` invoke, or an `Action.Submit` fallback message.
    case cardAction(TeamsCardAction, source: Source)
    /// The bot was added to a conversation (install in a team, a personal chat, a group chat).
    case installed
    /// The app was removed from the conversation.
    case uninstalled
    /// Anything else (typing, reactions, member changes that are not the bot): 200 and ignored.
    case ignored(String)

    public enum Source: Sendable, Hashable {
        /// `invoke` `adaptiveCard/action`: the HTTP answer replaces the clicker's card.
        case invoke
        /// A message with `value`: the answer cannot replace the card.
        case submit
    }
}

/// A card action, typed.
public enum TeamsCardAction: Sendable, Hashable {
    /// Approve, deny or mark granted; `step` is the step the card showed, to refuse stale cards.
    case decide(AccessCore.CardAction, step: Int?)
    /// The first page of the request form: which request type.
    case chooseType(RequestTypeID?)
    /// The request form was sent.
    case submitRequest(RequestForm)
    /// Teams asks for the current view of a card (`refresh`).
    case refresh(RequestID)
    /// A verb this server does not know (an old card).
    case unknown(String)
}

/// The `Action.Execute` verbs of AccessBot's cards: the renderer writes them, the reader
/// switches on them.
public enum TeamsVerb: String, Sendable, CaseIterable {
    case approve
    case deny
    case markGranted
    case chooseType
    case submitRequest
    case refresh
}

/// Data keys and input ids shared by the card renderer and the reader (the card contract).
public enum TeamsCardField {
    public static let requestID = "requestId"
    public static let step = "step"
    public static let reason = "reason"
    public static let resource = "resource"
    public static let requestType = "requestType"
    public static let duration = "duration"
    public static let justification = "justification"
    public static let questionPrefix = "q."
    public static let verb = "verb"

    /// The input id of a request type's question.
    public static func question(_ id: QuestionID) -> String { questionPrefix + id.rawValue }
}
