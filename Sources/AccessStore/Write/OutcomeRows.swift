import AccessCore
import Foundation

/// An `Outcome` turned into the rows it writes: the request, its tasks, audit events, outbox
/// messages and timers. Built before the transaction so encoding never holds a lock.
struct OutcomeRows: Sendable {
    static let requestColumns = [
        "id", "requester", "request_type", "status", "resources", "created_at", "updated_at", "decided_at", "granted_at",
        "access_ends_at", "ended_at", "version", "body",
    ]
    static let taskColumns = ["request_id", "step", "approver", "state"]
    static let auditColumns = ["request_id", "at", "actor", "actor_kind", "action", "from_status", "to_status", "step", "reason"]
    static let outboxColumns = ["ordering_key", "kind", "payload", "not_before", "created_at"]
    static let timerColumns = ["request_id", "kind", "due"]

    let requestID: RequestID
    /// Nil for a create.
    let expectedVersion: Int?
    /// Values in `requestColumns` order.
    let request: [Bind]
    let tasks: [[Bind]]
    let audit: [[Bind]]
    let outbox: [[Bind]]
    let timers: [[Bind]]
    /// Requests whose stored timers go (`.cancelTimers`); applied before this outcome's new timers.
    let cancelsTimersOf: [String]
    let consumedTimer: TimerID?
    /// The same rows as SQLite values, filled in by the caller when the raw SQLite writer will write them.
    var sqliteValues: SQLiteValues?

    var isCreate: Bool { expectedVersion == nil }

    /// What its caller hears: success, or why it was not written (the id was taken, or the
    /// request's version moved on). The same on every backend's write path.
    func result(written: Bool) -> Result<Void, any Error> {
        if written { return .success(()) }
        return .failure(isCreate ? StoreError.duplicate(requestID) : StoreError.conflict(requestID))
    }

    init(_ outcome: Outcome, consumedTimer: TimerID?) throws {
        let request = outcome.request
        requestID = request.id
        expectedVersion = outcome.expectedVersion
        self.consumedTimer = consumedTimer
        let id = request.id.rawValue
        let stored = outcome.effects.filter { effect in
            switch effect {
            case .schedule, .cancelTimers: false
            default: true
            }
        }
        self.request = [
            id, request.requester.rawValue, request.requestType.rawValue, request.status.rawValue,
            Self.resourcesColumn(request.resources), request.createdAt.stored, request.updatedAt.stored,
            request.decidedAt?.stored, request.grantedAt?.stored, request.accessEndsAt?.stored, request.endedAt?.stored,
            request.version, try StoredJSON.encode(request),
        ]
        tasks = Self.taskRows(request)
        audit = outcome.audit.map(Self.auditRow)

        let now = request.updatedAt.stored
        outbox = try stored.map { effect in
            [effect.requestID.rawValue, Self.kind(of: effect), try StoredJSON.encode(effect), now, now]
        }
        var timers: [ScheduledTimer] = []
        var cancelled: [String] = []
        for effect in outcome.effects {
            switch effect {
            case .schedule(let timer):
                timers.append(timer)
            case .cancelTimers(let target):
                // Timers scheduled earlier in the same outcome are cancelled too.
                timers.removeAll { $0.requestID == target }
                if !cancelled.contains(target.rawValue) { cancelled.append(target.rawValue) }
            default:
                break
            }
        }
        self.timers = timers.map { [$0.requestID.rawValue, $0.kind.rawValue, $0.due.stored] }
        cancelsTimersOf = cancelled
    }

    /// `,a,b,`: every resource id wrapped in commas, so `,id,` finds exactly one resource.
    static func resourcesColumn(_ resources: [ResourceID]) -> String {
        "," + resources.map(\.rawValue).joined(separator: ",") + ","
    }

    /// One task per eligible approver of every step: open while it waits on them.
    static func taskRows(_ request: AccessRequest) -> [[Bind]] {
        var rows: [[Bind]] = []
        for (index, step) in request.steps.enumerated() {
            for approver in step.eligible {
                let state: String
                if request.decisions.contains(where: { $0.step == index && $0.approver == approver && $0.outcome == .denied }) {
                    state = "denied"
                } else if step.approvedBy.contains(approver) {
                    state = "approved"
                } else if request.status == .pending && index == request.currentStep {
                    state = "open"
                } else {
                    state = "closed"
                }
                rows.append([request.id.rawValue, index, approver.rawValue, state])
            }
        }
        return rows
    }

    static func auditRow(_ event: AuditEvent) -> [Bind] {
        let (actor, kind) = ActorColumns.columns(event.actor)
        return [
            event.requestID.rawValue, event.at.stored, actor, kind, event.action.rawValue, event.fromStatus?.rawValue,
            event.toStatus.rawValue, event.step, event.reason,
        ]
    }

    static func kind(of effect: Effect) -> String {
        switch effect {
        case .card: "card"
        case .updateCards: "update_cards"
        case .notify: "notify"
        case .grant: "grant"
        case .revoke: "revoke"
        case .schedule: "schedule"
        case .cancelTimers: "cancel_timers"
        }
    }
}

/// How an `Actor` is stored: `actor` holds the user id, admin name or `accessbot`, `actor_kind` says which.
enum ActorColumns {
    static func columns(_ actor: Actor) -> (String, String) {
        switch actor {
        case .user(let id): (id.rawValue, "user")
        case .admin(let name): (name, "admin")
        case .system: ("accessbot", "system")
        }
    }

    static func actor(_ value: String, kind: String) -> Actor? {
        switch kind {
        case "user": .user(UserID(rawValue: value))
        case "admin": .admin(value)
        case "system": .system
        default: nil
        }
    }
}
