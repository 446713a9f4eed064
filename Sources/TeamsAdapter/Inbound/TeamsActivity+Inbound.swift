import AccessCore
import Foundation

extension TeamsActivity {
    /// Classifies the activity. An install is a `conversationUpdate` whose `membersAdded`
    /// holds the bot itself (`recipient`), not other members joining.
    public var inbound: TeamsInbound {
        switch type {
        case "message":
            if let value, text?.isEmpty ?? true, value[TeamsCardField.verb] != nil {
                return .cardAction(Self.cardAction(verb: value[TeamsCardField.verb]?.text ?? "", data: value), source: .submit)
            }
            return .command(ChatCommandParser.parse(commandText))
        case "invoke":
            guard name == "adaptiveCard/action", let action = value?["action"] else { return .ignored("invoke \(name ?? "")") }
            let data = action["data"] ?? .object([:])
            if value?["trigger"]?.text == "automatic" || action["verb"]?.text == TeamsVerb.refresh.rawValue {
                guard let id = data[TeamsCardField.requestID]?.text.flatMap(RequestID.init(typed:)) else { return .ignored("refresh") }
                return .cardAction(.refresh(id), source: .invoke)
            }
            return .cardAction(Self.cardAction(verb: action["verb"]?.text ?? "", data: data), source: .invoke)
        case "conversationUpdate":
            let bot = recipient?.id
            if let added = membersAdded, added.contains(where: { $0.id == bot }) { return .installed }
            return .ignored("conversationUpdate")
        case "installationUpdate":
            return action?.hasPrefix("remove") == true ? .uninstalled : .installed
        default:
            return .ignored(type)
        }
    }

    /// The message text with every `<at>…</at>` mention removed (the mention entities name them).
    var commandText: String {
        var text = text ?? ""
        for entity in entities ?? [] where entity.type == "mention" {
            if let mention = entity.text, !mention.isEmpty { text = text.replacingOccurrences(of: mention, with: " ") }
        }
        // Mentions without an entity (older clients) are stripped too.
        while let open = text.range(of: "<at>"), let close = text.range(of: "</at>", range: open.upperBound..<text.endIndex) {
            text.replaceSubrange(open.lowerBound..<close.upperBound, with: " ")
        }
        return text.replacingOccurrences(of: "&nbsp;", with: " ").trimmed
    }

    static func cardAction(verb: String, data: TeamsValue) -> TeamsCardAction {
        let id = data[TeamsCardField.requestID]?.text.flatMap(RequestID.init(typed:))
        let step = data[TeamsCardField.step]?.integer
        switch TeamsVerb(rawValue: verb) {
        case .approve:
            guard let id else { return .unknown(verb) }
            return .decide(AccessCore.CardAction.approve(id), step: step)
        case .deny:
            guard let id else { return .unknown(verb) }
            let reason = data[TeamsCardField.reason]?.text?.trimmed ?? ""
            return .decide(AccessCore.CardAction.deny(id, reason: reason.isEmpty ? nil : String(reason.prefix(500))), step: step)
        case .markGranted:
            guard let id, let resource = data[TeamsCardField.resource]?.text, !resource.isEmpty else { return .unknown(verb) }
            return .decide(AccessCore.CardAction.markGranted(id, ResourceID(resource)), step: nil)
        case .chooseType:
            return .chooseType(data[TeamsCardField.requestType]?.text.flatMap { $0.isEmpty ? nil : RequestTypeID($0) })
        case .submitRequest:
            guard let type = data[TeamsCardField.requestType]?.text, !type.isEmpty else { return .chooseType(nil) }
            return .submitRequest(form(type: RequestTypeID(type), data: data))
        case .refresh, nil:
            return .unknown(String(verb.prefix(64)))
        }
    }

    private static func form(type: RequestTypeID, data: TeamsValue) -> RequestForm {
        let fields = data.fields
        let answers = fields.keys.sorted().compactMap { key -> Answer? in
            guard key.hasPrefix(TeamsCardField.questionPrefix), let text = fields[key]?.text?.trimmed, !text.isEmpty else { return nil }
            return Answer(
                question: QuestionID(String(key.dropFirst(TeamsCardField.questionPrefix.count))), value: String(text.prefix(2000)))
        }
        let resource = fields[TeamsCardField.resource]?.text?.trimmed
        let duration = fields[TeamsCardField.duration]?.text.flatMap { TimeSpan(parsing: $0.trimmed) }
        return RequestForm(
            requestType: type, resource: resource.flatMap { $0.isEmpty ? nil : ResourceID($0) }, answers: answers,
            justification: String((fields[TeamsCardField.justification]?.text ?? "").trimmed.prefix(3000)), duration: duration)
    }
}
