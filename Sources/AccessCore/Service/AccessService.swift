import Foundation

/// The application service every chat adapter and the admin API call: it looks people up,
/// runs the pure workflow and commits the outcome. It holds no state of its own.
public struct AccessService<Store: RequestStore, People: Directory>: Sendable {
    public let workflow: Workflow
    public let store: Store
    public let directory: People
    private let clock: @Sendable () -> Date
    private let makeID: @Sendable () -> RequestID

    public init(
        workflow: Workflow, store: Store, directory: People, clock: @escaping @Sendable () -> Date = Date.init,
        makeID: (@Sendable () -> RequestID)? = nil
    ) {
        self.workflow = workflow
        self.store = store
        self.directory = directory
        self.clock = clock
        if let makeID {
            self.makeID = makeID
        } else {
            let ids = RequestIDGenerator()
            self.makeID = { ids.next(now: clock()) }
        }
    }

    public var catalog: Catalog { workflow.catalog }
    public var now: Date { clock() }

    /// A one-line request (`request github-admins for 4h because incident 4411`).
    public func submit(_ quick: QuickRequest, by requester: UserID, origin: Origin) async throws -> Outcome {
        guard let resource = catalog.findResource(named: quick.resource) else {
            throw WorkflowError.unknownResource(
                String(quick.resource.prefix(64)), suggestions: catalog.resourceSuggestions(for: quick.resource))
        }
        guard let type = catalog.requestType(offering: resource.id) else {
            throw WorkflowError.notAllowed("No request type offers `\(resource.id)` yet; ask an admin to add one.")
        }
        var answers: [Answer] = []
        if case .fromQuestion(let question) = type.accessDuration, let duration = quick.duration {
            answers.append(Answer(question: question, value: duration.description))
        }
        if let reason = quick.reason, let question = Self.reasonQuestion(of: type) {
            answers.append(Answer(question: question.id, value: reason))
        }
        let form = RequestForm(
            requestType: type.id, resource: resource.id, answers: answers, justification: quick.reason ?? "",
            duration: quick.duration)
        return try await submit(form, by: requester, origin: origin)
    }

    /// A filled-in request form (modal, Adaptive Card, API).
    public func submit(_ form: RequestForm, by requester: UserID, origin: Origin) async throws -> Outcome {
        guard let person = try await directory.user(requester) else { throw AccessServiceError.unknownUser(requester) }
        var lastError: (any Error)?
        // A fresh random id collides about never; retry a few times rather than fail a request.
        for _ in 0..<3 {
            let submission = form.submission(id: makeID(), requester: person, origin: origin)
            let outcome = try workflow.submit(submission, now: clock())
            do {
                try await store.create(outcome)
                return outcome
            } catch StoreError.duplicate {
                lastError = StoreError.duplicate(submission.id)
            }
        }
        throw lastError ?? StoreError.duplicate(RequestID("?"))
    }

    /// Runs a command on a stored request. When another decision wins the race, the command
    /// is run again on the fresh state, so the loser gets the typed answer ("already approved by X").
    @discardableResult
    public func perform(_ command: Command, on id: RequestID, consumedTimer: TimerID? = nil) async throws -> Outcome {
        for _ in 0..<8 {
            guard let request = try await store.request(id) else { throw AccessServiceError.requestNotFound(id) }
            let outcome = try workflow.handle(command, on: request, now: clock())
            if outcome.isNoOp && consumedTimer == nil { return outcome }
            do {
                try await store.commit(outcome, consumedTimer: consumedTimer)
                return outcome
            } catch StoreError.conflict {
                continue
            }
        }
        throw StoreError.conflict(id)
    }

    /// A request, if the asker may see it: its requester, an approver, or a member of its team.
    public func request(_ id: RequestID, visibleTo user: UserID) async throws -> AccessRequest {
        guard let request = try await store.request(id) else { throw AccessServiceError.requestNotFound(id) }
        let involved =
            request.requester == user || request.steps.contains { $0.eligible.contains(user) }
            || workflow.mayFulfil(user, request)
        guard involved else { throw AccessServiceError.requestNotFound(id) }
        return request
    }

    /// The requester's requests that are not finished yet, newest first.
    public func openRequests(of user: UserID, limit: Int = 20) async throws -> [AccessRequest] {
        try await store.requests(RequestQuery(requester: user, statuses: [.pending, .approved, .fulfilled], limit: limit))
    }

    /// Requests whose current step waits on this person.
    public func awaitingDecision(by user: UserID, limit: Int = 20) async throws -> [AccessRequest] {
        try await store.requests(RequestQuery(awaitingApprover: user, statuses: [.pending], limit: limit))
    }

    /// The text question a one-line reason answers: `reason`/`justification` by id, else the first required text question.
    static func reasonQuestion(of type: RequestType) -> Question? {
        let texts = type.questions.filter { $0.kind == .text }
        return texts.first { ["reason", "justification", "why"].contains($0.id.rawValue) }
            ?? texts.first(where: \.required) ?? texts.first
    }
}

/// Failures of the service that are not workflow rules.
public enum AccessServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownUser(UserID)
    case requestNotFound(RequestID)

    public var description: String {
        switch self {
        case .unknownUser(let user):
            "\(user) is not in the directory, so AccessBot cannot route requests for them. Ask an admin to add them."
        case .requestNotFound(let id): "There is no request \(id) that you can see."
        }
    }
}
