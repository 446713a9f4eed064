/// A request as a requester filled in a chat form (the Slack request modal, a Teams
/// card), before the server adds who asked, the new id and where it came from.
public struct RequestForm: Hashable, Sendable {
    public var requestType: RequestTypeID
    /// The chosen resource; nil when the form was sent without one (the workflow answers `noResourceChosen`).
    public var resource: ResourceID?
    /// Answers keyed by question id, in form order; empty answers are left out.
    public var answers: [Answer]
    public var justification: String
    /// A duration the requester asked for outside the questions, if any.
    public var duration: TimeSpan?

    public init(
        requestType: RequestTypeID, resource: ResourceID?, answers: [Answer] = [], justification: String = "",
        duration: TimeSpan? = nil
    ) {
        self.requestType = requestType
        self.resource = resource
        self.answers = answers
        self.justification = justification
        self.duration = duration
    }

    /// The workflow's submission for this form.
    public func submission(id: RequestID, requester: DirectoryUser, origin: Origin) -> Submission {
        Submission(
            id: id, requester: requester, requestType: requestType, resources: resource.map { [$0] } ?? [],
            answers: answers, justification: justification, requestedDuration: duration, origin: origin)
    }
}
