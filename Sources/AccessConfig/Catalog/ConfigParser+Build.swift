import AccessCore

/// Turns clean drafts into the core's `Catalog`. Only called when no error was found, so every
/// field a draft could lack is present; the fallbacks below are never reached in practice.
extension ConfigParser {
    func build() -> Catalog {
        Catalog(
            resources: draft.resources.map { resource in
                Resource(
                    id: resource.id.value, name: resource.name, grant: resource.grant ?? .manual,
                    owners: unique(resource.owners.map(\.value)), maxDuration: resource.maxDuration)
            },
            teams: draft.teams.map { team in
                Team(id: team.id.value, name: team.name, members: unique(team.members.map(\.value)), channel: team.channel)
            },
            lists: draft.lists.map { ConfigurationList(id: $0.id.value, options: $0.options.map(\.value)) },
            requestTypes: draft.requestTypes.compactMap(buildRequestType),
            users: draft.users.map { user in
                DirectoryUser(id: user.id.value, displayName: user.displayName, manager: user.manager?.value, active: user.active)
            },
            escalationChannel: draft.escalationChannel)
    }

    private func buildRequestType(_ type: RequestTypeDraft) -> RequestType? {
        guard let team = type.team else { return nil }
        let policy: AccessDurationPolicy
        var durationQuestion: QuestionID?
        switch type.accessDuration {
        case .permanent, .invalid: policy = .permanent
        case .fixed(let span): policy = .fixed(span.value)
        case .fromQuestion(let question):
            policy = .fromQuestion(question.value)
            durationQuestion = question.value
        }
        let questions = type.questions.map { question in
            Question(
                id: question.id.value, text: question.text, required: question.required,
                kind: kind(of: question, isDurationSource: question.id.value == durationQuestion))
        }
        return RequestType(
            id: type.id.value, name: type.name, team: team.value, resources: type.resources.map(\.value),
            questions: questions, approvals: type.approvals.compactMap(buildStep), escalation: type.escalation,
            accessDuration: policy)
    }

    /// A question with a list is a choice, unless access_duration reads from it: then it is a duration.
    private func kind(of question: QuestionDraft, isDurationSource: Bool) -> Question.Kind {
        let list = question.list?.value
        switch question.kind?.value {
        case .text?: return .text
        case .choice?: return list.map(Question.Kind.choice) ?? .text
        case .duration?: return .duration(list)
        case nil:
            if isDurationSource { return .duration(list) }
            return list.map(Question.Kind.choice) ?? .text
        }
    }

    private func buildStep(_ step: StepDraft) -> ApprovalStep? {
        let count = step.count?.value ?? 1
        switch step.approver {
        case .manager?: return ApprovalStep(approver: .manager, count: count)
        case .resourceOwner?: return ApprovalStep(approver: .resourceOwner, count: count)
        case .team?: return step.team.map { ApprovalStep(approver: .team($0.value), count: count) }
        case .user?: return step.user.map { ApprovalStep(approver: .user($0.value), count: count) }
        case nil: return nil
        }
    }

    private func unique<ID: Hashable>(_ ids: [ID]) -> [ID] {
        var seen = Set<ID>()
        return ids.filter { seen.insert($0).inserted }
    }
}
