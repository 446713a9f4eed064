/// A modal or an App Home tab (`views.open`, `views.update`, `views.publish`).
public struct SlackView: Codable, Hashable, Sendable {
    /// The view surface.
    public enum Kind: String, Codable, Hashable, Sendable {
        case modal
        case home
    }

    public var type: Kind
    public var callbackID: String?
    public var title: SlackText?
    public var submit: SlackText?
    public var close: SlackText?
    public var blocks: [SlackBlock]
    public var privateMetadata: String?

    enum CodingKeys: String, CodingKey {
        case type, title, submit, close, blocks
        case callbackID = "callback_id"
        case privateMetadata = "private_metadata"
    }

    public init(
        type: Kind, callbackID: String? = nil, title: SlackText? = nil, submit: SlackText? = nil, close: SlackText? = nil,
        blocks: [SlackBlock], privateMetadata: String? = nil
    ) {
        self.type = type
        self.callbackID = callbackID
        self.title = title
        self.submit = submit
        self.close = close
        self.blocks = blocks
        self.privateMetadata = privateMetadata
    }

    /// A modal with Slack's limits applied: title, submit and close 24, at most 100 blocks,
    /// metadata 3000.
    public static func modal(
        callbackID: SlackCallbackID, title: String, submit: String?, close: String = "Cancel", blocks: [SlackBlock],
        privateMetadata: String? = nil
    ) -> SlackView {
        SlackView(
            type: .modal, callbackID: callbackID.rawValue, title: .plain(title, limit: SlackLimits.viewTitle),
            submit: submit.map { .plain($0, limit: SlackLimits.viewSubmit) }, close: .plain(close, limit: SlackLimits.viewClose),
            blocks: Array(blocks.prefix(SlackLimits.blocksPerView)),
            privateMetadata: privateMetadata.map { SlackLimits.cut($0, to: SlackLimits.privateMetadata) })
    }

    /// An App Home tab of at most 100 blocks.
    public static func home(blocks: [SlackBlock]) -> SlackView {
        SlackView(type: .home, blocks: Array(blocks.prefix(SlackLimits.blocksPerView)))
    }
}

/// What a view submission's HTTP response tells Slack to do with the modal (protocols.md §1.3).
/// An empty 200 closes the modal; use this for anything else.
public enum SlackViewResponse: Hashable, Sendable, Encodable {
    /// Keep the modal open and show a message under each named input block.
    case errors([String: String])
    /// Replace the modal with another view.
    case update(SlackView)
    /// Close every modal of the stack.
    case clear

    private enum CodingKeys: String, CodingKey {
        case responseAction = "response_action"
        case errors, view
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .errors(let errors):
            try container.encode("errors", forKey: .responseAction)
            try container.encode(errors.mapValues { SlackLimits.cut($0, to: SlackLimits.inputError) }, forKey: .errors)
        case .update(let view):
            try container.encode("update", forKey: .responseAction)
            try container.encode(view, forKey: .view)
        case .clear:
            try container.encode("clear", forKey: .responseAction)
        }
    }

    /// The JSON body (`Content-Type: application/json`).
    public var jsonBody: [UInt8] { SlackJSON.encode(self) }
}
