import AccessCore
import Yams

/// `request_types:`: the recipe for each kind of request.
extension ConfigParser {
    mutating func parseRequestType(_ node: Node, _ index: Int) -> RequestTypeDraft? {
        let context = elementContext(node, kind: "request type", index: index)
        let allowed = ["id", "name", "team", "resources", "questions", "approvals", "escalation", "access_duration"]
        guard
            let fields = fields(
                of: node, context: context, allowed: allowed,
                required: [
                    ("id", "write id: github-admin"),
                    ("team", "write team: <team id>: the team that owns and manages these requests"),
                    ("resources", "write resources: [<resource id>, ...]"),
                    ("approvals", "write approvals: [{ approver: manager }]; write approvals: [] to grant without approval"),
                ]),
            let id: Located<RequestTypeID> = fields["id"].flatMap({ identifier($0, what: fields.what("id")) })
        else { return nil }

        var resources: [Located<ResourceID>] = []
        if let node = fields["resources"], let items = sequence(node, what: fields.what("resources"), example: "resources: [github-admins]")
        {
            if items.isEmpty {
                error("request type '\(id.value)' offers no resources", at: Place(node), hint: "list at least one resource id")
            }
            resources = items.compactMap { identifier($0, what: "an entry of \(fields.what("resources"))") }
        }

        var questions: [QuestionDraft] = []
        if let node = fields["questions"],
            let items = sequence(node, what: fields.what("questions"), example: "questions: [{ id: reason, text: \"Why?\" }]")
        {
            questions = items.enumerated().compactMap { parseQuestion($1, index: $0 + 1, of: id.value) }
            checkDuplicates(questions.map(\.id), kind: "question id", plural: "question ids of request type '\(id.value)'")
        }

        var approvals: [StepDraft] = []
        if let node = fields["approvals"],
            let items = sequence(node, what: fields.what("approvals"), example: "approvals: [{ approver: manager }]")
        {
            if items.isEmpty {
                warning(
                    "request type '\(id.value)' has no approval steps: its requests are granted at once", at: Place(node),
                    hint: "add approvals such as [{ approver: manager }] unless self-service access is intended")
            }
            approvals = items.enumerated().compactMap { parseStep($1, index: $0 + 1, of: id.value) }
        }

        return RequestTypeDraft(
            id: id,
            name: fields["name"].flatMap { text($0, what: fields.what("name")) } ?? id.value.rawValue,
            team: fields["team"].flatMap { identifier($0, what: fields.what("team")) },
            resources: resources,
            questions: questions,
            approvals: approvals,
            escalation: fields["escalation"].map { escalation($0, of: id.value) } ?? EscalationPolicy(),
            accessDuration: fields["access_duration"].map { accessDuration($0, of: id.value) } ?? .permanent)
    }

    /// `{ id: duration, text: "For how long?", list: durations, required: true, type: duration }`.
    private mutating func parseQuestion(_ node: Node, index: Int, of type: RequestTypeID) -> QuestionDraft? {
        let context = elementContext(node, kind: "question", index: index) + " of request type '\(type)'"
        guard
            let fields = fields(
                of: node, context: context, allowed: ["id", "text", "required", "list", "type"],
                required: [("id", "write id: reason"), ("text", "write text: \"Why do you need it?\"")]),
            let id: Located<QuestionID> = fields["id"].flatMap({ identifier($0, what: fields.what("id")) })
        else { return nil }
        var kind: Located<QuestionDraft.Kind>?
        if let node = fields["type"], let written = text(node, what: fields.what("type")) {
            if let value = QuestionDraft.Kind(rawValue: written) {
                kind = Located(value: value, place: Place(node))
            } else {
                reportBadChoice(written, at: Place(node), what: fields.what("type"), choices: QuestionDraft.Kind.allCases.map(\.rawValue))
            }
        }
        return QuestionDraft(
            id: id,
            text: fields["text"].flatMap { text($0, what: fields.what("text")) } ?? "",
            required: fields["required"].flatMap { boolean($0, what: fields.what("required")) } ?? false,
            list: fields["list"].flatMap { identifier($0, what: fields.what("list")) },
            kind: kind)
    }

    /// `none`, `{ fixed: 8h }` or `{ from_question: duration }`.
    private mutating func accessDuration(_ node: Node, of type: RequestTypeID) -> AccessDurationDraft {
        let context = "'access_duration' of request type '\(type)'"
        let hint = "write access_duration: none, { fixed: 8h } or { from_question: <question id> }"
        if case .scalar(let scalar) = node {
            if ["none", "permanent"].contains(scalar.string) { return .permanent }
            error(
                "\(context) should be none, { fixed: ... } or { from_question: ... }, found \(node.kindDescription)", at: Place(node),
                hint: hint)
            return .invalid
        }
        guard let fields = fields(of: node, context: context, allowed: ["fixed", "from_question"]) else { return .invalid }
        switch (fields["fixed"], fields["from_question"]) {
        case (let fixed?, nil):
            return duration(fixed, what: fields.what("fixed")).map(AccessDurationDraft.fixed) ?? .invalid
        case (nil, let question?):
            let id: Located<QuestionID>? = identifier(question, what: fields.what("from_question"))
            return id.map(AccessDurationDraft.fromQuestion) ?? .invalid
        case (.some, .some):
            error("\(context) has both 'fixed' and 'from_question'; choose one", at: fields.place, hint: hint)
        case (nil, nil):
            if let key = ["fixed", "from_question"].first(where: fields.has) {
                error("\(fields.what(key)) has no value", at: fields.keyPlace(key), hint: hint)
            } else {
                error("\(context) is empty", at: fields.place, hint: hint)
            }
        }
        return .invalid
    }

    /// A value that must be one of a few words, with a did-you-mean.
    mutating func reportBadChoice(_ written: String, at place: Place, what: String, choices: [String]) {
        var message = "\(what) is '\(written)', which is not one of \(choices.joined(separator: ", "))"
        if let guess = Suggestions.closest(to: written, among: choices.map { ($0, $0) }, limit: 1).first {
            message += " (did you mean '\(guess)'?)"
        }
        error(message, at: place)
    }
}
