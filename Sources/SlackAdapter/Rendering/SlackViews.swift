import AccessCore

/// Modals, built from the catalog: the request form and the deny-reason form.
public enum SlackViews {
    /// The request modal (`/access request`, App Home "Request access"). It shows one request
    /// type at a time: `requestType`, else the first in the catalog. Choosing another type in
    /// its select sends `.requestTypeChosen`; answer with `views.update` and this form for that type.
    public static func requestForm(catalog: Catalog, requestType: RequestTypeID? = nil, resource: ResourceID? = nil) -> SlackView {
        guard let type = requestType.flatMap(catalog.requestType) ?? catalog.requestTypes.first else {
            return .modal(
                callbackID: .accessRequest, title: "Request access", submit: nil, close: "Close",
                blocks: [.section("No request types are configured yet. Ask an admin to add one.")])
        }
        let format = SlackFormat(catalog: catalog, mentions: SlackMentions())
        var blocks: [SlackBlock] = []
        let typeOptions = catalog.requestTypes.compactMap { SlackOption.make(label: $0.name, value: $0.id.rawValue) }
        blocks.append(
            .input(
                id: SlackInputID.requestType, label: "Request type",
                element: .select(
                    id: SlackInputID.requestType, placeholder: "Choose a request type", options: typeOptions,
                    initial: SlackOption.make(label: type.name, value: type.id.rawValue)),
                optional: false, dispatchAction: catalog.requestTypes.count > 1))

        let resourceOptions = type.resources.compactMap { SlackOption.make(label: format.resourceName($0), value: $0.rawValue) }
        let chosen = resource.flatMap { type.resources.contains($0) ? $0 : nil } ?? (type.resources.count == 1 ? type.resources.first : nil)
        blocks.append(
            .input(
                id: SlackInputID.resource, label: "Resource",
                element: .select(
                    id: SlackInputID.resource, placeholder: "Choose a resource", options: resourceOptions,
                    initial: chosen.flatMap { SlackOption.make(label: format.resourceName($0), value: $0.rawValue) }),
                optional: false, hint: maxDurationHint(type, format: format)))

        for question in type.questions.prefix(SlackLimits.blocksPerView - 5) {
            blocks.append(input(for: question, catalog: catalog))
        }
        blocks.append(
            .input(
                id: SlackInputID.justification, label: "Justification",
                element: .textInput(
                    id: SlackInputID.justification, placeholder: "Why do you need this access?", multiline: true, maxLength: 3000),
                optional: true))
        blocks.append(.context([approvalsLine(type, format: format)]))
        return .modal(
            callbackID: .accessRequest, title: "Request access", submit: "Submit", blocks: blocks,
            privateMetadata: type.id.rawValue)
    }

    /// The deny-reason modal opened by a Deny button; its submission arrives as
    /// `.cardAction(.deny(id, reason: text), ...)`.
    public static func denyReason(request: AccessRequest, catalog: Catalog, mentions: SlackMentions) -> SlackView {
        let format = SlackFormat(catalog: catalog, mentions: mentions)
        let text =
            .markup("Deny *\(request.id.rawValue)*: ") + format.person(request.requester) + " asks for "
            + format.resources(request.resources) + "."
        return .modal(
            callbackID: .denyReason, title: "Deny request", submit: "Deny",
            blocks: [
                .section(text),
                .input(
                    id: SlackInputID.reason, label: "Reason",
                    element: .textInput(
                        id: SlackInputID.reason, placeholder: "Tell the requester why", multiline: true, maxLength: 500),
                    optional: false),
            ],
            privateMetadata: request.id.rawValue)
    }

    /// The answer to a request-form submission the workflow refused: the message under the input it concerns.
    public static func requestFormErrors(for error: WorkflowError) -> SlackViewResponse {
        let block: String
        switch error {
        case .missingAnswer(let question, _), .invalidAnswer(let question, _, _):
            block = SlackInputID.question(question.rawValue)
        case .noResourceChosen, .resourceNotOffered, .unknownResource:
            block = SlackInputID.resource
        default:
            block = SlackInputID.requestType
        }
        return .errors([block: error.description])
    }

    /// The answer to a deny-reason submission the workflow refused (already decided, not an approver...).
    public static func denyReasonErrors(for error: WorkflowError) -> SlackViewResponse {
        .errors([SlackInputID.reason: error.description])
    }

    private static func input(for question: Question, catalog: Catalog) -> SlackBlock {
        let id = SlackInputID.question(question.id.rawValue)
        let element: SlackElement
        switch question.kind {
        case .choice(let list), .duration(let list?):
            let options = (catalog.list(list)?.options ?? []).compactMap { SlackOption.make(label: $0, value: $0) }
            // Slack rejects a select without options: fall back to typing the answer.
            element =
                options.isEmpty
                ? .textInput(id: id, maxLength: 2000) : .select(id: id, placeholder: "Choose one", options: options)
        case .duration(nil):
            element = .textInput(id: id, placeholder: "A duration such as 30m, 4h or 2d", maxLength: 32)
        case .text:
            element = .textInput(id: id, maxLength: 2000)
        }
        return .input(id: id, label: question.text, element: element, optional: !question.required)
    }

    private static func maxDurationHint(_ type: RequestType, format: SlackFormat) -> String? {
        let caps = type.resources.compactMap { format.catalog.resource($0)?.maxDuration }
        guard let shortest = caps.min(), let longest = caps.max(), caps.count == type.resources.count else { return nil }
        return shortest == longest
            ? "Access lasts at most \(longest)."
            : "Access lasts at most \(shortest) to \(longest), depending on the resource."
    }

    private static func approvalsLine(_ type: RequestType, format: SlackFormat) -> Mrkdwn {
        guard !type.approvals.isEmpty else { return "No approval needed." }
        let steps = type.approvals.map { step in
            step.count > 1 ? format.rule(step.approver) + .markup(" (\(step.count) people)") : format.rule(step.approver)
        }
        return "Approvals: " + Mrkdwn.joined(steps, separator: ", then ")
    }
}
