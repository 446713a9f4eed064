import AccessCore

/// A verified `POST /slack/interactions` payload, mapped to what it means for the server.
public struct SlackInteraction: Hashable, Sendable {
    /// The Slack user who clicked or submitted (`U...`/`W...`).
    public var userID: String
    /// The workspace (`team.id`, else `user.team_id`).
    public var teamID: String?
    public var apiAppID: String?
    /// Opens a modal within 3 seconds, once.
    public var triggerID: String?
    /// Where an ephemeral answer (or a replacement of an ephemeral source) goes. Never log it.
    public var responseURL: String?
    public var kind: Kind

    /// What the person did.
    public enum Kind: Hashable, Sendable {
        /// A card button. A `.deny` from a button has no reason: open the deny-reason modal
        /// (`SlackViews.denyReason`). The submitted modal arrives as `.deny(id, reason: text)`.
        case cardAction(CardAction, source: SlackActionSource)
        /// "Request access" on the App Home: open the request modal.
        case openRequestForm(source: SlackActionSource)
        /// The request modal's type select changed: update that view with the type's form.
        case requestTypeChosen(RequestTypeID, view: SlackViewRef)
        /// The request modal was submitted.
        case requestSubmitted(RequestForm, view: SlackViewRef)
    }

    public init(
        userID: String, teamID: String? = nil, apiAppID: String? = nil, triggerID: String? = nil, responseURL: String? = nil,
        kind: Kind
    ) {
        self.userID = userID
        self.teamID = teamID
        self.apiAppID = apiAppID
        self.triggerID = triggerID
        self.responseURL = responseURL
        self.kind = kind
    }
}

/// Where a clicked button was.
public enum SlackActionSource: Hashable, Sendable {
    /// A message: `chat.update` finds it by channel and ts, unless it is ephemeral
    /// (then only `response_url` with `replace_original` can change it).
    case message(channel: String, ts: String, isEphemeral: Bool)
    /// The App Home tab: republish it after acting.
    case homeTab(viewID: String)
    /// A modal.
    case modal(SlackViewRef)
    /// Slack did not say.
    case unknown
}

/// A view as Slack identifies it, for `views.update`.
public struct SlackViewRef: Hashable, Sendable {
    public var id: String
    /// Guards `views.update` against a race with another update.
    public var hash: String?

    public init(id: String, hash: String? = nil) {
        self.id = id
        self.hash = hash
    }
}
