import AccessCore
import Foundation

extension SlackInteraction {
    /// Decodes a verified interactions body: one form field, `payload`, holding JSON.
    public static func decode(formBody body: [UInt8]) throws(SlackPayloadError) -> SlackInteraction {
        let form = try FormURLEncoded(parsing: body)
        let json = try form.required("payload")
        let wire: InteractionWire
        do {
            wire = try JSONDecoder().decode(InteractionWire.self, from: Data(json.utf8))
        } catch {
            throw .invalidJSON
        }
        return try wire.interaction()
    }
}

extension InteractionWire {
    func interaction() throws(SlackPayloadError) -> SlackInteraction {
        guard let userID = user?.id, !userID.isEmpty else { throw .missingField("user.id") }
        let kind: SlackInteraction.Kind
        switch type {
        case "block_actions": kind = try blockAction()
        case "view_submission": kind = try viewSubmission()
        default: throw .unsupportedInteraction(type)
        }
        return SlackInteraction(
            userID: userID, teamID: team?.id ?? user?.teamID, apiAppID: apiAppID, triggerID: triggerID,
            responseURL: responseURL, kind: kind)
    }

    private func blockAction() throws(SlackPayloadError) -> SlackInteraction.Kind {
        guard let action = actions?.first else { throw .missingField("actions") }
        guard let actionID = SlackActionID(wireID: action.actionID) else { throw .unknownAction(action.actionID) }
        switch actionID {
        case .approve:
            return .cardAction(.approve(try requestID(action.value, field: "value")), source: source)
        case .deny:
            return .cardAction(.deny(try requestID(action.value, field: "value"), reason: nil), source: source)
        case .markGranted:
            let value = try MarkGrantedValue.decode(action.value)
            return .cardAction(.markGranted(value.request, value.resource), source: source)
        case .openRequestForm:
            return .openRequestForm(source: source)
        case .chooseRequestType:
            guard let view, !view.id.isEmpty else { throw .missingField("view.id") }
            let type = try identifier(action.selectedOption?.value, field: "selected_option")
            return .requestTypeChosen(RequestTypeID(type), view: SlackViewRef(id: view.id, hash: view.hash))
        }
    }

    private var source: SlackActionSource {
        if let container, container.type == "message", let channel = container.channelID ?? channel?.id,
            let ts = container.messageTS
        {
            return .message(channel: channel, ts: ts, isEphemeral: container.isEphemeral ?? false)
        }
        guard let view, !view.id.isEmpty else { return .unknown }
        return view.type == "home" ? .homeTab(viewID: view.id) : .modal(SlackViewRef(id: view.id, hash: view.hash))
    }

    private func viewSubmission() throws(SlackPayloadError) -> SlackInteraction.Kind {
        guard let view, !view.id.isEmpty else { throw .missingField("view") }
        let callback = view.callbackID ?? ""
        guard let callbackID = SlackCallbackID(rawValue: callback) else { throw .unknownCallback(callback) }
        let values = view.state?.values ?? [:]
        let ref = SlackViewRef(id: view.id, hash: view.hash)
        switch callbackID {
        case .denyReason:
            let id = try requestID(view.privateMetadata, field: "private_metadata")
            let reason = (values.text(SlackInputID.reason) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw .missingField(SlackInputID.reason) }
            return .cardAction(.deny(id, reason: reason), source: .modal(ref))
        case .accessRequest:
            let typeID = try identifier(values.text(SlackInputID.requestType) ?? view.privateMetadata, field: "request_type")
            let resource = values.text(SlackInputID.resource).flatMap { $0.isEmpty ? nil : ResourceID($0) }
            let answers = values.keys.sorted().compactMap { block -> Answer? in
                guard block.hasPrefix(SlackInputID.questionPrefix), let text = values.text(block), !text.isEmpty else { return nil }
                return Answer(question: QuestionID(String(block.dropFirst(SlackInputID.questionPrefix.count))), value: text)
            }
            let form = RequestForm(
                requestType: RequestTypeID(typeID), resource: resource, answers: answers,
                justification: values.text(SlackInputID.justification) ?? "")
            return .requestSubmitted(form, view: ref)
        }
    }

    private func requestID(_ value: String?, field: String) throws(SlackPayloadError) -> RequestID {
        RequestID(rawValue: try identifier(value, field: field))
    }

    /// An id this server put in a button or a view: short, printable, no spaces. It is still
    /// only a hint: the server looks the request up and checks the person may act.
    private func identifier(_ value: String?, field: String) throws(SlackPayloadError) -> String {
        guard let value, !value.isEmpty, value.count <= 255,
            value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else { throw .invalidValue(field: field) }
        return value
    }
}

/// The `mark_granted` button value: which request, which resource.
struct MarkGrantedValue: Codable, Hashable {
    var request: RequestID
    var resource: ResourceID

    /// The JSON text put in the button.
    var encoded: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ value: String?) throws(SlackPayloadError) -> MarkGrantedValue {
        guard let value, let decoded = try? JSONDecoder().decode(MarkGrantedValue.self, from: Data(value.utf8)),
            !decoded.request.rawValue.isEmpty, !decoded.resource.rawValue.isEmpty
        else { throw .invalidValue(field: "value") }
        return decoded
    }
}

extension [String: [String: InteractionWire.StateValue]] {
    /// The typed text or selected option of an input whose block and action ids are both `id`.
    func text(_ id: String) -> String? {
        guard let block = self[id] else { return nil }
        let value = block[id] ?? block.values.first
        return value?.selectedOption?.value ?? value?.value
    }
}
