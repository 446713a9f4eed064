/// The `action_id`s this server renders. On the wire an id is the kind, optionally followed
/// by `.` and a discriminator that keeps ids unique within one message or view
/// (`approve.R-7KX2P9QM` on the App Home); the kind alone decides what happens.
public enum SlackActionID: String, Hashable, Sendable, CaseIterable {
    /// Approve the current step of the request in the button value.
    case approve
    /// Deny: opens the deny-reason modal.
    case deny
    /// A team member granted a manual resource by hand (value: request and resource).
    case markGranted = "mark_granted"
    /// The App Home "Request access" button: open the request modal.
    case openRequestForm = "open_request_form"
    /// The request type select of the request modal: show that type's questions.
    case chooseRequestType = "request_type"

    /// Reads a wire `action_id`; nil for ids this server never rendered.
    public init?(wireID: String) {
        let kind = wireID.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        self.init(rawValue: String(kind))
    }

    /// The wire `action_id`, with a discriminator when the same kind appears more than once.
    public func wireID(_ discriminator: String? = nil) -> String {
        guard let discriminator, !discriminator.isEmpty else { return rawValue }
        return SlackLimits.cut(rawValue + "." + discriminator, to: SlackLimits.actionID)
    }
}

/// The `callback_id`s of the modals this server opens.
public enum SlackCallbackID: String, Hashable, Sendable, CaseIterable {
    /// The deny-reason modal; `private_metadata` is the request id.
    case denyReason = "deny_reason"
    /// The request modal; `private_metadata` is the shown request type id.
    case accessRequest = "access_request"
}

/// The `block_id`s and `action_id`s of modal inputs, shared by the renderers and the decoder.
public enum SlackInputID {
    /// Request modal: the request type select (block and action).
    public static let requestType = "request_type"
    /// Request modal: the resource select (block and action).
    public static let resource = "resource"
    /// Request modal: the justification input (block and action).
    public static let justification = "justification"
    /// Request modal: question blocks are `q.` + the question id.
    public static let questionPrefix = "q."
    /// Deny-reason modal: the reason input (block and action).
    public static let reason = "reason"

    /// The block (and action) id of a question's input.
    public static func question(_ id: String) -> String {
        SlackLimits.cut(questionPrefix + id, to: SlackLimits.blockID)
    }
}
