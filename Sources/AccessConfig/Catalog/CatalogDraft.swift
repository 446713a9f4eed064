import AccessCore

/// What the parser read, with places kept for the checks between sections. Fields that failed to
/// parse are nil; a draft whose id could not be read is dropped (its problem is already reported).
struct CatalogDraft {
    var escalationChannel: ChannelRef?
    var users: [UserDraft] = []
    var resources: [ResourceDraft] = []
    var teams: [TeamDraft] = []
    var lists: [ListDraft] = []
    var requestTypes: [RequestTypeDraft] = []
}

struct UserDraft {
    var id: Located<UserID>
    var displayName: String?
    var manager: Located<UserID>?
    var active: Bool
}

struct ResourceDraft {
    var id: Located<ResourceID>
    var name: String
    var grant: GrantMethod?
    var owners: [Located<UserID>]
    var maxDuration: TimeSpan?
}

struct TeamDraft {
    var id: Located<TeamID>
    var name: String
    var members: [Located<UserID>]
    var channel: ChannelRef?
}

struct ListDraft {
    var id: Located<ListID>
    var options: [Located<String>]
}

struct RequestTypeDraft {
    var id: Located<RequestTypeID>
    var name: String
    var team: Located<TeamID>?
    var resources: [Located<ResourceID>]
    var questions: [QuestionDraft]
    var approvals: [StepDraft]
    var escalation: EscalationPolicy
    var accessDuration: AccessDurationDraft
}

struct QuestionDraft {
    enum Kind: String, CaseIterable {
        case text, choice, duration
    }

    var id: Located<QuestionID>
    var text: String
    var required: Bool
    var list: Located<ListID>?
    /// The explicit `type:`; nil when the kind follows from `list:` and `access_duration`.
    var kind: Located<Kind>?
}

struct StepDraft {
    enum Approver: String, CaseIterable {
        case manager, user, team
        case resourceOwner = "resource_owner"
    }

    var place: Place
    var approver: Approver?
    var team: Located<TeamID>?
    var user: Located<UserID>?
    /// Nil when not written (one approval) or unreadable.
    var count: Located<Int>?
}

enum AccessDurationDraft {
    case permanent
    case fixed(Located<TimeSpan>)
    case fromQuestion(Located<QuestionID>)
    /// Written, but unreadable: already reported.
    case invalid
}
