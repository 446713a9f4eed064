/// Slack's Block Kit limits (protocols.md §1.6), checked on the raw JSON independently of
/// SlackAdapter's models, so a renderer bug cannot hide behind its own encoder.
/// Each check returns the first problem, phrased like Slack's `response_metadata.messages`.
/// Tests may use it directly on rendered JSON.
public struct FakeSlackValidator: Sendable {
    /// Where the blocks are shown; limits differ.
    public enum Surface: Sendable {
        case message
        case modal
        case home
    }

    let surface: Surface
    private var blockIDs: Set<String> = []
    private var actionIDs: Set<String> = []

    public init(surface: Surface) { self.surface = surface }

    /// Slack counts characters; code points are the closest measure.
    public static func length(_ text: String) -> Int { text.unicodeScalars.count }

    /// The first problem in a `blocks` array, or nil.
    public mutating func check(blocks value: SlackJSONValue) -> String? {
        guard let blocks = value.array else { return "[ERROR] blocks must be an array" }
        let maximum = surface == .message ? 50 : 100
        guard blocks.count <= maximum else { return "[ERROR] no more than \(maximum) items allowed [json-pointer:/blocks]" }
        for (index, block) in blocks.enumerated() {
            if let problem = check(block: block) { return "[ERROR] \(problem) [json-pointer:/blocks/\(index)]" }
        }
        return nil
    }

    private mutating func check(block: SlackJSONValue) -> String? {
        guard let type = block["type"]?.string else { return "missing type" }
        if let id = block["block_id"] {
            guard let id = id.string, (1...255).contains(Self.length(id)) else { return "invalid block_id" }
            guard blockIDs.insert(id).inserted else { return "duplicate block_id \(id)" }
        }
        switch type {
        case "header":
            return text(block["text"], max: 150, plainOnly: true)
        case "section":
            if block["text"] == nil && block["fields"] == nil { return "section needs text or fields" }
            if let text = block["text"], let problem = self.text(text, max: 3000) { return problem }
            if let fields = block["fields"] {
                guard let list = fields.array, (1...10).contains(list.count) else { return "fields: 1 to 10 items" }
                for field in list { if let problem = text(field, max: 2000) { return problem } }
            }
            if let accessory = block["accessory"] { return element(accessory) }
            return nil
        case "context":
            guard let elements = block["elements"]?.array, (1...10).contains(elements.count) else { return "context: 1 to 10 elements" }
            for element in elements where element["type"]?.string != "image" {
                if let problem = text(element, max: 3000) { return problem }
            }
            return nil
        case "actions":
            guard let elements = block["elements"]?.array, (1...25).contains(elements.count) else { return "actions: 1 to 25 elements" }
            for item in elements { if let problem = element(item) { return problem } }
            return nil
        case "divider":
            return nil
        case "input":
            guard surface != .message else { return "input blocks are not allowed in messages" }
            if let problem = text(block["label"], max: 2000, plainOnly: true) { return problem }
            if let hint = block["hint"], let problem = text(hint, max: 2000, plainOnly: true) { return problem }
            guard let inner = block["element"] else { return "input needs an element" }
            return element(inner)
        default:
            return "unsupported block type \(type)"
        }
    }

    private mutating func element(_ element: SlackJSONValue) -> String? {
        guard let type = element["type"]?.string else { return "element missing type" }
        if let id = element["action_id"] {
            guard let id = id.string, (1...255).contains(Self.length(id)) else { return "invalid action_id" }
            guard actionIDs.insert(id).inserted else { return "duplicate action_id \(id)" }
        }
        switch type {
        case "button":
            if let problem = text(element["text"], max: 75, plainOnly: true) { return problem }
            if let value = element["value"], (value.string.map(Self.length) ?? 9999) > 2000 { return "button value over 2000" }
            if let style = element["style"], !["primary", "danger"].contains(style.string ?? "") { return "invalid button style" }
            if let confirm = element["confirm"] {
                for (key, max) in [("title", 100), ("confirm", 30), ("deny", 30)] {
                    if let problem = text(confirm[key], max: max, plainOnly: true) { return problem }
                }
                if let problem = text(confirm["text"], max: 300) { return problem }
            }
            return nil
        case "static_select":
            if let placeholder = element["placeholder"], let problem = text(placeholder, max: 150, plainOnly: true) { return problem }
            guard let options = element["options"]?.array, (1...100).contains(options.count) else { return "options: 1 to 100 items" }
            for option in options {
                if let problem = text(option["text"], max: 75, plainOnly: true) { return problem }
                guard let value = option["value"]?.string, (1...150).contains(Self.length(value)) else { return "option value: 1 to 150" }
            }
            if let initial = element["initial_option"], !options.contains(initial) { return "initial_option must be one of options" }
            return nil
        case "plain_text_input":
            guard surface != .message else { return "plain_text_input is not allowed in messages" }
            let maxLength = element["max_length"]?.number.map(Int.init) ?? 3000
            guard (1...3000).contains(maxLength) else { return "max_length: 1 to 3000" }
            if let placeholder = element["placeholder"], let problem = text(placeholder, max: 150, plainOnly: true) { return problem }
            if let initial = element["initial_value"], (initial.string.map(Self.length) ?? 0) > maxLength {
                return "initial_value too long"
            }
            return nil
        default:
            return "unsupported element type \(type)"
        }
    }

    private func text(_ value: SlackJSONValue?, max: Int, plainOnly: Bool = false) -> String? {
        guard let value, let type = value["type"]?.string else { return "missing text object" }
        guard type == "plain_text" || (!plainOnly && type == "mrkdwn") else { return "text must be plain_text" }
        guard let text = value["text"]?.string, !text.isEmpty else { return "text must not be empty" }
        guard Self.length(text) <= max else { return "must be less than \(max + 1) characters" }
        return nil
    }

    /// A view's own limits, then its blocks.
    public mutating func check(view: SlackJSONValue) -> String? {
        guard let type = view["type"]?.string, type == (surface == .home ? "home" : "modal") else { return "[ERROR] invalid view type" }
        if surface == .modal {
            if let problem = text(view["title"], max: 24, plainOnly: true) { return "[ERROR] title: \(problem)" }
        }
        for key in ["submit", "close"] {
            if let item = view[key], let problem = text(item, max: 24, plainOnly: true) { return "[ERROR] \(key): \(problem)" }
        }
        if let callback = view["callback_id"], (callback.string.map(Self.length) ?? 999) > 255 { return "[ERROR] callback_id too long" }
        if let metadata = view["private_metadata"], (metadata.string.map(Self.length) ?? 9999) > 3000 {
            return "[ERROR] private_metadata too long"
        }
        return check(blocks: view["blocks"] ?? .array([]))
    }

    /// The summed text of all blocks: Slack refuses very long cards (`msg_blocks_too_long`,
    /// observed near 13,000 characters).
    public static func totalText(_ blocks: SlackJSONValue) -> Int {
        blocks.allTexts.reduce(0) { $0 + length($1) }
    }
}
