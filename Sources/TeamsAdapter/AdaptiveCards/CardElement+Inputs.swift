extension CardElement {
    /// A text field; its value comes back in the action's `data` under `id`.
    public struct InputText: Codable, Hashable, Sendable {
        public var id: String
        public var placeholder: String?
        public var label: String?
        public var isMultiline: Bool?
        public var maxLength: Int?
        public var isRequired: Bool?
        public var errorMessage: String?
        /// The initial value.
        public var value: String?

        public init(
            id: String, placeholder: String? = nil, label: String? = nil, isMultiline: Bool? = nil, maxLength: Int? = nil,
            isRequired: Bool? = nil, errorMessage: String? = nil, value: String? = nil
        ) {
            self.id = id
            self.placeholder = placeholder
            self.label = label
            self.isMultiline = isMultiline
            self.maxLength = maxLength
            self.isRequired = isRequired
            self.errorMessage = errorMessage
            self.value = value
        }
    }

    /// A single choice from a fixed list; its `value` comes back under `id`.
    public struct InputChoiceSet: Codable, Hashable, Sendable {
        /// `compact` is a drop-down, `expanded` radio buttons.
        public enum Style: String, Codable, Hashable, Sendable {
            case compact
            case expanded
        }

        public var id: String
        public var label: String?
        public var choices: [Choice]
        public var style: Style?
        public var isRequired: Bool?
        public var errorMessage: String?
        public var placeholder: String?
        /// The initially chosen `value`.
        public var value: String?

        public init(
            id: String, label: String? = nil, choices: [Choice], style: Style? = .compact, isRequired: Bool? = nil,
            errorMessage: String? = nil, placeholder: String? = nil, value: String? = nil
        ) {
            self.id = id
            self.label = label
            self.choices = choices
            self.style = style
            self.isRequired = isRequired
            self.errorMessage = errorMessage
            self.placeholder = placeholder
            self.value = value
        }
    }

    /// One choice: `title` is shown (plain text), `value` is sent.
    public struct Choice: Codable, Hashable, Sendable {
        public var title: String
        public var value: String

        public init(title: String, value: String) {
            self.title = title
            self.value = value
        }
    }
}
