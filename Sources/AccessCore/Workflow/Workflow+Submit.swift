import Foundation

extension Workflow {
    /// Checks a new request against its request type, resolves its approvers and starts it.
    public func submit(_ submission: Submission, now: Date) throws(WorkflowError) -> Outcome {
        guard let type = catalog.requestType(submission.requestType) else {
            throw .unknownRequestType(submission.requestType.rawValue)
        }
        guard submission.requester.active else { throw .requesterInactive(submission.requester.id) }
        let resources = try checkedResources(submission.resources, for: type)
        let answers = try checkedAnswers(submission.answers, for: type)
        let (duration, capped) = try accessDuration(submission, answers: answers, type: type, resources: resources)
        let steps = try resolveSteps(type, requester: submission.requester, resources: resources)

        var request = AccessRequest(
            id: submission.id, requester: submission.requester.id, requestType: type.id, resources: resources.map(\.id),
            answers: answers, justification: String(submission.justification.prefix(3000)), accessDuration: duration,
            steps: steps, origin: submission.origin, createdAt: now)
        if let duration, request.answers.isEmpty == false, case .fromQuestion(let question) = type.accessDuration,
            let index = request.answers.firstIndex(where: { $0.question == question })
        {
            request.answers[index].value = duration.description
        }

        var transition = Transition(request: request, now: now)
        transition.record(.submitted, actor: .user(submission.requester.id), from: nil)
        // The requester's own confirmation is the adapter's inline answer, not a second message.
        if let capped { transition.tellRequester(.durationCapped(to: capped)) }

        if steps.isEmpty {
            // A request type without approval steps grants at once.
            approveFully(by: [], actor: .system, &transition)
        } else {
            postCards(forStep: 0, purpose: .approval, &transition)
            scheduleEscalation(type.escalation, &transition)
        }
        return transition.outcome(expectedVersion: nil)
    }

    private func checkedResources(_ ids: [ResourceID], for type: RequestType) throws(WorkflowError) -> [Resource] {
        guard !ids.isEmpty else { throw .noResourceChosen }
        var seen = Set<ResourceID>()
        var result: [Resource] = []
        for id in ids where seen.insert(id).inserted {
            guard let resource = catalog.resource(id) else {
                throw .unknownResource(id.rawValue, suggestions: catalog.resourceSuggestions(for: id.rawValue))
            }
            guard type.resources.contains(id) else { throw .resourceNotOffered(id, by: type.id) }
            result.append(resource)
        }
        return result
    }

    /// Keeps answers in question order, drops answers to unknown questions, checks required ones and list choices.
    private func checkedAnswers(_ given: [Answer], for type: RequestType) throws(WorkflowError) -> [Answer] {
        var result: [Answer] = []
        for question in type.questions {
            let value = given.last { $0.question == question.id }?.value.trimmed ?? ""
            if value.isEmpty {
                if question.required { throw .missingAnswer(question.id, question: question.text) }
                continue
            }
            switch question.kind {
            case .text:
                break
            case .choice(let listID):
                let options = catalog.list(listID)?.options ?? []
                guard options.contains(value) else {
                    throw .invalidAnswer(question.id, value: value, hint: "choose one of \(options.joined(separator: ", ")).")
                }
            case .duration:
                guard TimeSpan(parsing: value) != nil else {
                    throw .invalidAnswer(question.id, value: value, hint: "write a duration such as 30m, 4h or 2d.")
                }
            }
            result.append(Answer(question: question.id, value: String(value.prefix(2000))))
        }
        return result
    }

    /// The access duration and, when the request asked for more than allowed, the cap applied.
    private func accessDuration(
        _ submission: Submission, answers: [Answer], type: RequestType, resources: [Resource]
    ) throws(WorkflowError) -> (TimeSpan?, capped: TimeSpan?) {
        let cap = resources.compactMap(\.maxDuration).min()
        var wanted: TimeSpan?
        switch type.accessDuration {
        case .permanent:
            wanted = nil
        case .fixed(let span):
            wanted = span
        case .fromQuestion(let questionID):
            if let answer = answers.first(where: { $0.question == questionID }) {
                wanted = TimeSpan(parsing: answer.value)
            } else if let requested = submission.requestedDuration {
                wanted = requested
            } else if let question = type.questions.first(where: { $0.id == questionID }),
                case .duration(let listID?) = question.kind,
                let first = catalog.list(listID)?.options.compactMap(TimeSpan.init(parsing:)).min()
            {
                wanted = first  // the shortest offered option when the requester chose none
            }
        }
        guard let cap else { return (wanted, nil) }
        guard let chosen = wanted else { return (cap, nil) }  // a capped resource never grants for ever
        return chosen > cap ? (cap, cap) : (chosen, nil)
    }

    private func resolveSteps(_ type: RequestType, requester: DirectoryUser, resources: [Resource]) throws(WorkflowError) -> [StepProgress]
    {
        var steps: [StepProgress] = []
        for (index, step) in type.approvals.enumerated() {
            var people: [UserID]
            var channel: ChannelRef?
            switch step.approver {
            case .manager:
                guard let manager = requester.manager else { throw .noManager(requester.id) }
                people = [manager]
            case .user(let user):
                people = [user]
            case .team(let teamID):
                let team = catalog.team(teamID)
                people = team?.members ?? []
                channel = team?.channel
            case .resourceOwner:
                people = resources.flatMap(\.owners)
            }
            var seen = Set<UserID>()
            people = people.filter { $0 != requester.id && seen.insert($0).inserted }
            guard people.count >= max(1, step.count) else { throw .noEligibleApprovers(step: index) }
            steps.append(StepProgress(rule: step.approver, eligible: people, required: max(1, step.count), channel: channel))
        }
        return steps
    }

    private func scheduleEscalation(_ policy: EscalationPolicy, _ transition: inout Transition) {
        let start = transition.now
        let timers: [(TimerKind, TimeSpan?)] = [
            (.remind, policy.remindAfter), (.escalate, policy.escalateAfter), (.expire, policy.expireAfter),
        ]
        for case (let kind, let span?) in timers {
            transition.effects.append(
                .schedule(ScheduledTimer(requestID: transition.request.id, kind: kind, due: start.adding(span))))
        }
    }
}
