import AccessCore

/// Checks between sections: every name must point at something defined, and counts must be possible.
///
/// People (managers, team members, owners, `user` steps) are compared with `users:` only when that list
/// is not empty, and a stranger is a warning, not an error: with Okta configured the static list may
/// be partial or unused.
extension ConfigParser {
    mutating func checkReferences() {
        let people = Set(draft.users.map(\.id.value))
        checkManagers(people)
        for team in draft.teams {
            for member in team.members { checkKnown(member, as: "member of team '\(team.id.value)'", among: people) }
        }
        for resource in draft.resources {
            for owner in resource.owners { checkKnown(owner, as: "owner of resource '\(resource.id.value)'", among: people) }
        }
        for type in draft.requestTypes { checkReferences(of: type, people: people) }
        checkUnofferedResources()
    }

    private mutating func checkManagers(_ people: Set<UserID>) {
        for user in draft.users {
            guard let manager = user.manager else { continue }
            if manager.value == user.id.value {
                warning(
                    "user '\(user.id.value)' is their own manager", at: manager.place,
                    hint: "manager steps exclude the requester, so nobody could approve")
            } else if !people.contains(manager.value) {
                warning(
                    "manager '\(manager.value)' of user '\(user.id.value)' is not in users", at: manager.place,
                    hint: "add \(manager.value) to users, or they cannot be found when the static directory is used")
            }
        }
    }

    mutating func checkKnown(_ person: Located<UserID>, as role: String, among people: Set<UserID>) {
        guard !people.isEmpty, !people.contains(person.value) else { return }
        warning(
            "\(role) '\(person.value)' is not in users", at: person.place,
            hint: "add them to users (fine to ignore when Okta is the directory)")
    }

    private mutating func checkReferences(of type: RequestTypeDraft, people: Set<UserID>) {
        let name = "request type '\(type.id.value)'"
        if let team = type.team {
            checkDefined(team, kind: "team", plural: "teams", from: name, known: draft.teams.map(\.id.value))
        }
        for resource in type.resources {
            checkDefined(resource, kind: "resource", plural: "resources", from: name, known: draft.resources.map(\.id.value))
        }
        checkQuestions(of: type)
        checkAccessDuration(of: type)
        for (index, step) in type.approvals.enumerated() {
            checkStep(step, index: index + 1, of: type, people: people)
        }
    }

    private mutating func checkQuestions(of type: RequestTypeDraft) {
        for question in type.questions {
            let name = "question '\(question.id.value)' of request type '\(type.id.value)'"
            if let list = question.list {
                checkDefined(
                    list, kind: "configuration list", plural: "configuration lists", from: name, known: draft.lists.map(\.id.value))
            }
            switch (question.kind?.value, question.list) {
            case (.choice?, nil):
                error(
                    "\(name) is a choice but names no list", at: question.kind?.place ?? question.id.place,
                    hint: "add list: <configuration list id>")
            case (.text?, let list?):
                error(
                    "\(name) is a text question but names list '\(list.value)'", at: list.place,
                    hint: "remove the list, or write type: choice")
            default:
                break
            }
            let readsDuration: Bool
            if case .fromQuestion(let target) = type.accessDuration {
                readsDuration = target.value == question.id.value
            } else {
                readsDuration = false
            }
            if question.kind?.value == .duration || (question.kind == nil && readsDuration), let list = question.list {
                checkDurationOptions(of: list.value, usedBy: name)
            }
        }
    }

    /// Options of a list offered as durations must all be durations; each list is checked once.
    private mutating func checkDurationOptions(of listID: ListID, usedBy user: String) {
        guard let list = draft.lists.first(where: { $0.id.value == listID }), durationListsChecked.insert(listID).inserted else { return }
        for option in list.options where TimeSpan(parsing: option.value) == nil {
            error(
                "option '\(option.value)' of configuration list '\(listID)' is not a duration, but \(user) offers it as one",
                at: option.place, hint: Self.durationHint)
        }
    }

    private mutating func checkAccessDuration(of type: RequestTypeDraft) {
        let name = "request type '\(type.id.value)'"
        switch type.accessDuration {
        case .permanent, .invalid:
            break
        case .fixed(let span):
            let offered = draft.resources.filter { resource in type.resources.contains { $0.value == resource.id.value } }
            for resource in offered {
                guard let cap = resource.maxDuration, span.value > cap else { continue }
                warning(
                    "fixed access duration \(span.value) of \(name) is longer than max_duration \(cap) of resource '\(resource.id.value)'",
                    at: span.place, hint: "access to that resource will be cut to \(cap)")
            }
        case .fromQuestion(let target):
            guard let question = type.questions.first(where: { $0.id.value == target.value }) else {
                checkDefined(
                    target, kind: "question", plural: "questions of this request type", from: "'access_duration' of \(name)",
                    known: type.questions.map(\.id.value))
                return
            }
            if let kind = question.kind, kind.value != .duration {
                error(
                    "question '\(target.value)' is a \(kind.value.rawValue) question, but 'access_duration' of \(name) reads a duration from it",
                    at: kind.place, hint: "write type: duration, or drop the type")
            }
        }
    }

    /// Reports a name that points at nothing, with the closest defined names.
    mutating func checkDefined<Tag>(_ ref: Located<Identifier<Tag>>, kind: String, plural: String, from: String, known: [Identifier<Tag>]) {
        guard !known.contains(ref.value) else { return }
        var seen = Set<Identifier<Tag>>()
        let known = known.filter { seen.insert($0).inserted }
        var message = "\(from) names \(kind) '\(ref.value)', which is not defined"
        if let guess = Suggestions.closest(to: ref.value.rawValue, among: known.map { ($0.rawValue, $0.rawValue) }, limit: 1).first {
            message += " (did you mean '\(guess)'?)"
        }
        let names = known.prefix(10).map(\.rawValue).joined(separator: ", ")
        error(
            message, at: ref.place,
            hint: known.isEmpty ? "no \(plural) are defined" : "defined \(plural): \(names)\(known.count > 10 ? ", ..." : "")")
    }

    private mutating func checkUnofferedResources() {
        let offered = Set(draft.requestTypes.flatMap { $0.resources.map(\.value) })
        for resource in draft.resources where !offered.contains(resource.id.value) {
            warning(
                "resource '\(resource.id.value)' is not offered by any request type", at: resource.id.place,
                hint: "add it to the resources of a request type, or nobody can request it")
        }
    }
}
