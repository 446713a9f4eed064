import AccessCore
import Foundation

/// Teams and Adaptive Card limits AccessBot keeps to (protocols.md §2.4, vendor limits as of
/// mid-2026), and how long each piece of user text may be. Lengths are UTF-16 code units,
/// never fewer than the characters Teams counts.
public enum TeamsLimits {
    /// Teams refuses a message activity over about 28 KB; cards are kept under this many
    /// bytes of JSON, which leaves room for the activity around them.
    public static let cardBytes = 26_000
    /// A markdown text message.
    public static let messageText = 8000
    /// The notification summary of a card message.
    public static let summary = 250
    /// The plain-text message of an invoke answer.
    public static let invokeMessage = 500
    /// A justification on a card.
    public static let justification = 1500
    /// One answer on a card.
    public static let answer = 300
    /// A person's, resource's, team's or question's name.
    public static let name = 120
    /// A deny, cancel or failure reason.
    public static let reason = 500
    /// The longest answers list a card shows; the rest are counted.
    public static let answersShown = 20
    /// A button title.
    public static let buttonTitle = 80
    /// Choices of one `Input.ChoiceSet`.
    public static let choices = 100
    /// What the deny-reason input accepts.
    public static let reasonInput = 500
    /// What the justification input accepts.
    public static let justificationInput = 3000

    /// The length limits here are checked against.
    public static func length(_ text: String) -> Int { ChatWording.length(text) }

    /// `text` cut to at most `limit`, ending in `…` when it was cut; whole characters only.
    public static func cut(_ text: String, to limit: Int) -> String { ChatWording.cut(text, to: limit) }
}

/// JSON encoding for what goes to Teams.
enum CardJSON {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        // Cards hold only strings, numbers, booleans, arrays and objects: encoding cannot fail.
        return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }
}
