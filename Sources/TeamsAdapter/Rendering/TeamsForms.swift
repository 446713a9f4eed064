import AccessCore

/// The request form as two cards, built from the catalog: first the request type, then that
/// type's resource, questions and justification. Inputs come back in the `Action.Execute`
/// data under their ids: `requestType`; `resource`, `q.<question id>`, `justification`.
public enum TeamsForms {
    /// Step one: pick a request type (`Input.ChoiceSet` `requestType`, then "Next", verb `chooseType`).
    public static func chooseType(catalog: Catalog) -> AdaptiveCard {
        chooseType(catalog: catalog, error: nil)
    }

    /// Step two: the form for one request type, "Submit request" with verb `submitRequest` and
    /// data `{"requestType": id}`. `error` (why the last submission was refused) is shown at the top.
    /// An unknown type gives the type choice again, with a line saying so.
    public static func requestForm(catalog: Catalog, requestType: RequestTypeID, error: String? = nil) -> AdaptiveCard {
        guard let type = catalog.requestType(requestType) else {
            return chooseType(catalog: catalog, error: "That request type no longer exists; choose another.")
        }
        let format = TeamsFormat(catalog: catalog)
        var body = errorLine(error)
        body.append(.text("Request access: " + TeamsMarkdown.escape(type.name, max: TeamsLimits.name), weight: .bolder, size: .medium))
        body.append(.text(approvalsLine(type, format: format), isSubtle: true))
        if let hint = maxDurationHint(type, format: format) { body.append(.text(hint, isSubtle: true)) }

        let resources = type.resources.prefix(TeamsLimits.choices).map {
            CardElement.Choice(title: TeamsMarkdown.plain(format.resourceName($0), max: TeamsLimits.name), value: $0.rawValue)
        }
        body.append(
            .inputChoiceSet(
                CardElement.InputChoiceSet(
                    id: TeamsCardField.resource, label: "Resource", choices: Array(resources), isRequired: true,
                    errorMessage: "Choose a resource.",
                    placeholder: "Choose a resource", value: type.resources.count == 1 ? type.resources.first?.rawValue : nil)))
        for question in type.questions.prefix(50) {
            body.append(input(for: question, catalog: catalog))
        }
        body.append(
            .inputText(
                CardElement.InputText(
                    id: TeamsCardField.justification, placeholder: "Why do you need this access?", label: "Justification",
                    isMultiline: true,
                    maxLength: TeamsLimits.justificationInput, isRequired: false)))
        let submit = CardAction.execute(
            .init(
                title: "Submit request", verb: TeamsVerb.submitRequest.rawValue,
                data: [TeamsCardField.requestType: .string(type.id.rawValue)], style: .positive))
        return AdaptiveCard(body: body, actions: [submit])
    }

    private static func chooseType(catalog: Catalog, error: String?) -> AdaptiveCard {
        var body = errorLine(error)
        body.append(.text("Request access", weight: .bolder, size: .medium))
        guard !catalog.requestTypes.isEmpty else {
            body.append(.text("No request types are configured yet. Ask an admin to add one."))
            return AdaptiveCard(body: body)
        }
        let choices = catalog.requestTypes.prefix(TeamsLimits.choices).map {
            CardElement.Choice(title: TeamsMarkdown.plain($0.name, max: TeamsLimits.name), value: $0.id.rawValue)
        }
        body.append(
            .inputChoiceSet(
                CardElement.InputChoiceSet(
                    id: TeamsCardField.requestType, label: "Request type", choices: Array(choices), isRequired: true,
                    errorMessage: "Choose a request type.", placeholder: "Choose a request type",
                    value: catalog.requestTypes.count == 1 ? catalog.requestTypes.first?.id.rawValue : nil)))
        let next = CardAction.execute(.init(title: "Next", verb: TeamsVerb.chooseType.rawValue, data: [:]))
        return AdaptiveCard(body: body, actions: [next])
    }

    private static func errorLine(_ error: String?) -> [CardElement] {
        guard let error, !error.isEmpty else { return [] }
        return [.text("⚠️ " + TeamsMarkdown.escape(error, max: TeamsLimits.reason), weight: .bolder, color: .attention)]
    }

    private static func input(for question: Question, catalog: Catalog) -> CardElement {
        let id = TeamsCardField.question(question.id)
        let label = TeamsMarkdown.plain(question.text, max: TeamsLimits.name)
        let missing = "Please answer: " + label
        switch question.kind {
        case .choice(let list), .duration(let list?):
            let options = (catalog.list(list)?.options ?? []).prefix(TeamsLimits.choices).map {
                CardElement.Choice(title: TeamsMarkdown.plain($0, max: TeamsLimits.name), value: $0)
            }
            // A choice set without choices cannot be answered: fall back to typing the answer.
            if !options.isEmpty {
                return .inputChoiceSet(
                    CardElement.InputChoiceSet(
                        id: id, label: label, choices: Array(options), isRequired: question.required, errorMessage: missing,
                        placeholder: "Choose one"))
            }
            return .inputText(
                CardElement.InputText(id: id, label: label, maxLength: 2000, isRequired: question.required, errorMessage: missing))
        case .duration(nil):
            return .inputText(
                CardElement.InputText(
                    id: id, placeholder: "A duration such as 30m, 4h or 2d", label: label, maxLength: 32, isRequired: question.required,
                    errorMessage: missing))
        case .text:
            return .inputText(
                CardElement.InputText(id: id, label: label, maxLength: 2000, isRequired: question.required, errorMessage: missing))
        }
    }

    private static func maxDurationHint(_ type: RequestType, format: TeamsFormat) -> String? {
        let caps = type.resources.compactMap { format.catalog.resource($0)?.maxDuration }
        guard let shortest = caps.min(), let longest = caps.max(), caps.count == type.resources.count else { return nil }
        return shortest == longest
            ? "Access lasts at most \(longest)."
            : "Access lasts at most \(shortest) to \(longest), depending on the resource."
    }

    private static func approvalsLine(_ type: RequestType, format: TeamsFormat) -> String {
        guard !type.approvals.isEmpty else { return "No approval needed." }
        let steps = type.approvals.map { step in
            step.count > 1 ? format.rule(step.approver) + " (\(step.count) people)" : format.rule(step.approver)
        }
        return "Approvals: " + steps.joined(separator: ", then ")
    }
}
