import AccessCore

/// Slack's Block Kit and message limits (protocols.md §1.6, vendor limits as of mid-2026).
/// Lengths are counted in UTF-16 code units, which is never less than Slack's character
/// count, so a text cut to a limit here is within Slack's limit.
public enum SlackLimits {
    public static let blocksPerMessage = 50
    public static let blocksPerView = 100
    public static let blockID = 255
    public static let actionID = 255
    public static let sectionText = 3000
    public static let sectionFields = 10
    public static let fieldText = 2000
    public static let headerText = 150
    public static let contextElements = 10
    public static let actionsElements = 25
    public static let buttonText = 75
    public static let buttonValue = 2000
    public static let confirmTitle = 100
    public static let confirmText = 300
    public static let confirmButton = 30
    public static let optionText = 75
    public static let optionValue = 150
    public static let optionsPerSelect = 100
    public static let placeholder = 150
    public static let inputLabel = 2000
    public static let inputHint = 2000
    /// `plain_text_input.max_length` may be at most this.
    public static let inputMaxLength = 3000
    public static let viewTitle = 24
    public static let viewSubmit = 24
    public static let viewClose = 24
    public static let callbackID = 255
    public static let privateMetadata = 3000
    /// Slack truncates `text` at 40,000 characters; a notification text is kept far shorter.
    public static let fallbackText = 4000
    /// What Slack itself accepts in a message's `text` before `msg_too_long`.
    public static let messageText = 40_000
    /// A `response_action: errors` message per input.
    public static let inputError = 300

    /// The length Slack limits are checked against here.
    public static func length(_ text: String) -> Int { ChatWording.length(text) }

    /// `text` cut to at most `limit`, ending in `…` when it was cut; whole characters only.
    public static func cut(_ text: String, to limit: Int) -> String { ChatWording.cut(text, to: limit) }
}
