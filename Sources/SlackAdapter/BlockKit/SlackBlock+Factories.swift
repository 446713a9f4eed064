/// Block and element constructors that apply Slack's limits, so renderers cannot
/// produce a block Slack rejects.
extension SlackBlock {
    /// A header (plain text, 150).
    public static func header(_ text: String, blockID: String? = nil) -> SlackBlock {
        .header(Header(text: .plain(text, limit: SlackLimits.headerText), blockID: blockID.map(Self.id)))
    }

    /// A section with text (3000) and up to ten fields (2000 each).
    public static func section(
        _ text: Mrkdwn?, fields: [Mrkdwn] = [], accessory: SlackElement? = nil, blockID: String? = nil
    ) -> SlackBlock {
        let fields = fields.prefix(SlackLimits.sectionFields).map { SlackText.mrkdwn($0, limit: SlackLimits.fieldText) }
        return .section(
            Section(
                text: text.map { .mrkdwn($0, limit: SlackLimits.sectionText) } ?? (fields.isEmpty ? .mrkdwn("-", limit: 1) : nil),
                fields: fields.isEmpty ? nil : fields, accessory: accessory, blockID: blockID.map(Self.id)))
    }

    /// A context line of up to ten small texts.
    public static func context(_ texts: [Mrkdwn], blockID: String? = nil) -> SlackBlock {
        let elements = texts.prefix(SlackLimits.contextElements).map { SlackText.mrkdwn($0, limit: SlackLimits.sectionText) }
        return .context(Context(elements: elements.isEmpty ? [.mrkdwn("-", limit: 1)] : elements, blockID: blockID.map(Self.id)))
    }

    /// A row of up to 25 elements.
    public static func actions(_ elements: [SlackElement], blockID: String? = nil) -> SlackBlock {
        .actions(Actions(elements: Array(elements.prefix(SlackLimits.actionsElements)), blockID: blockID.map(Self.id)))
    }

    /// A divider.
    public static var divider: SlackBlock { .divider(Divider()) }

    /// A modal input whose block id and action id are both `id`.
    public static func input(
        id: String, label: String, element: SlackElement, optional: Bool, hint: String? = nil, dispatchAction: Bool = false
    ) -> SlackBlock {
        .input(
            Input(
                label: .plain(label, limit: SlackLimits.inputLabel), element: element, blockID: Self.id(id),
                optional: optional ? true : nil, hint: hint.map { .plain($0, limit: SlackLimits.inputHint) },
                dispatchAction: dispatchAction ? true : nil))
    }

    /// A block or action id cut to 255.
    static func id(_ text: String) -> String { SlackLimits.cut(text, to: SlackLimits.blockID) }
}

extension SlackElement {
    /// A button (label 75, value 2000 — a longer value is a programming error and is dropped).
    public static func button(
        _ label: String, action: SlackActionID, discriminator: String? = nil, value: String?,
        style: Button.Style? = nil, confirm: Confirm? = nil
    ) -> SlackElement {
        let value = value.flatMap { SlackLimits.length($0) <= SlackLimits.buttonValue ? $0 : nil }
        return .button(
            Button(
                actionID: action.wireID(discriminator), text: .plain(label, limit: SlackLimits.buttonText), value: value,
                style: style, confirm: confirm))
    }

    /// A confirmation dialog with Slack's limits applied.
    public static func confirm(title: String, text: Mrkdwn, confirm: String, deny: String, style: Button.Style?) -> Confirm {
        Confirm(
            title: .plain(title, limit: SlackLimits.confirmTitle), text: .mrkdwn(text, limit: SlackLimits.confirmText),
            confirm: .plain(confirm, limit: SlackLimits.confirmButton), deny: .plain(deny, limit: SlackLimits.confirmButton),
            style: style)
    }

    /// A select of at most 100 options; `initial` must be one of them to be kept.
    public static func select(id: String, placeholder: String, options: [SlackOption], initial: SlackOption? = nil) -> SlackElement {
        let options = Array(options.prefix(SlackLimits.optionsPerSelect))
        return .staticSelect(
            StaticSelect(
                actionID: SlackBlock.id(id), placeholder: .plain(placeholder, limit: SlackLimits.placeholder), options: options,
                initialOption: initial.flatMap { options.contains($0) ? $0 : nil }))
    }

    /// A text input; `maxLength` is capped at 3000.
    public static func textInput(
        id: String, placeholder: String? = nil, multiline: Bool = false, maxLength: Int? = nil, initialValue: String? = nil
    ) -> SlackElement {
        let maxLength = maxLength.map { min($0, SlackLimits.inputMaxLength) }
        return .plainTextInput(
            PlainTextInput(
                actionID: SlackBlock.id(id), placeholder: placeholder.map { .plain($0, limit: SlackLimits.placeholder) },
                initialValue: initialValue.map { SlackLimits.cut($0, to: maxLength ?? SlackLimits.inputMaxLength) },
                multiline: multiline ? true : nil, maxLength: maxLength))
    }
}
