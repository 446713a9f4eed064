extension CardElement {
    /// Text with Adaptive Cards' markdown subset (bold, italic, lists, links): build it
    /// with `TeamsMarkdown` so user text cannot add any of those.
    public struct TextBlock: Codable, Hashable, Sendable {
        /// Font weight.
        public enum Weight: String, Codable, Hashable, Sendable {
            case lighter = "Lighter"
            case `default` = "Default"
            case bolder = "Bolder"
        }

        /// Font size.
        public enum Size: String, Codable, Hashable, Sendable {
            case small = "Small"
            case `default` = "Default"
            case medium = "Medium"
            case large = "Large"
            case extraLarge = "ExtraLarge"
        }

        /// Text color; `attention` is red, `warning` amber, `good` green.
        public enum Color: String, Codable, Hashable, Sendable {
            case `default` = "Default"
            case dark = "Dark"
            case light = "Light"
            case accent = "Accent"
            case good = "Good"
            case warning = "Warning"
            case attention = "Attention"
        }

        public var text: String
        public var weight: Weight?
        public var size: Size?
        public var wrap: Bool?
        public var isSubtle: Bool?
        public var color: Color?

        public init(
            text: String, weight: Weight? = nil, size: Size? = nil, wrap: Bool? = true, isSubtle: Bool? = nil, color: Color? = nil
        ) {
            self.text = text
            self.weight = weight
            self.size = size
            self.wrap = wrap
            self.isSubtle = isSubtle
            self.color = color
        }
    }

    /// Two columns of `title: value` pairs.
    public struct FactSet: Codable, Hashable, Sendable {
        public var facts: [Fact]

        public init(facts: [Fact]) { self.facts = facts }
    }

    /// One row of a `FactSet`; the value is markdown, so user text in it is escaped.
    public struct Fact: Codable, Hashable, Sendable {
        public var title: String
        public var value: String

        public init(title: String, value: String) {
            self.title = title
            self.value = value
        }
    }

    /// Buttons placed in the body; unlike card-level `actions`, these honour `fallback`
    /// in older clients (protocols.md §2.4).
    public struct ActionSet: Codable, Hashable, Sendable {
        public var actions: [CardAction]

        public init(actions: [CardAction]) { self.actions = actions }
    }

    /// A group of elements.
    public struct Container: Codable, Hashable, Sendable {
        public var items: [CardElement]

        public init(items: [CardElement]) { self.items = items }
    }
}

extension CardElement {
    /// A wrapping text block.
    public static func text(
        _ text: String, weight: TextBlock.Weight? = nil, size: TextBlock.Size? = nil, isSubtle: Bool? = nil,
        color: TextBlock.Color? = nil
    ) -> CardElement {
        .textBlock(TextBlock(text: text, weight: weight, size: size, wrap: true, isSubtle: isSubtle, color: color))
    }

    /// A fact set of `(title, value)` pairs.
    public static func facts(_ facts: [(String, String)]) -> CardElement {
        .factSet(FactSet(facts: facts.map { Fact(title: $0.0, value: $0.1) }))
    }
}
