/// Why a verified Slack body could not be understood. Each case is answered with 400 and
/// a short reason (`description`), or, for actions a person clicked, a polite chat reply.
public enum SlackPayloadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A `%` not followed by two hex digits, or a field without a name.
    case malformedForm
    /// Decoded bytes that are not UTF-8.
    case invalidUTF8
    /// A field the payload must have is absent or empty.
    case missingField(String)
    /// The JSON (a `payload` field or an Events API body) does not parse or lacks required keys.
    case invalidJSON
    /// An interaction `type` this server does not handle (`shortcut`, `message_action`, ...).
    case unsupportedInteraction(String)
    /// A button or select with an `action_id` this server never renders.
    case unknownAction(String)
    /// A modal submission with a `callback_id` this server never renders.
    case unknownCallback(String)
    /// A field whose value is not what this server put there (an empty request id, say).
    case invalidValue(field: String)

    public var description: String {
        switch self {
        case .malformedForm: "malformed form body"
        case .invalidUTF8: "body is not valid UTF-8"
        case .missingField(let name): "missing field \(Self.short(name))"
        case .invalidJSON: "invalid JSON payload"
        case .unsupportedInteraction(let type): "unsupported interaction type \(Self.short(type))"
        case .unknownAction(let id): "unknown action \(Self.short(id))"
        case .unknownCallback(let id): "unknown view callback \(Self.short(id))"
        case .invalidValue(let field): "invalid value in \(Self.short(field))"
        }
    }

    /// Values come from the sender: keep them short in logs and responses.
    private static func short(_ text: String) -> String {
        let cut = text.prefix(64).filter { !$0.isNewline }
        return "`\(cut)`"
    }
}
