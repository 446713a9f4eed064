import AccessCore
import AccessStore

/// `GET /api/v1/requests/{id}/audit`: every transition of one request, oldest first.
struct AuditTrailModel: Encodable, Sendable {
    let requestId: String
    let events: [AuditEventModel]
}

struct AuditEventModel: Encodable, Sendable {
    let at: String
    /// The user id, the admin's name, or `accessbot` for the server itself.
    let actor: String
    /// `user`, `admin` or `system`.
    let actorKind: String
    let action: String
    @NullEncoded var fromStatus: String? = nil
    let toStatus: String
    @NullEncoded var step: Int? = nil
    @NullEncoded var reason: String? = nil

    init(_ event: AuditEvent) {
        at = RFC3339.string(from: event.at)
        switch event.actor {
        case .user(let id):
            actor = id.rawValue
            actorKind = "user"
        case .admin(let name):
            actor = name
            actorKind = "admin"
        case .system:
            actor = "accessbot"
            actorKind = "system"
        }
        action = event.action.rawValue
        fromStatus = event.fromStatus?.rawValue
        toStatus = event.toStatus.rawValue
        step = event.step
        reason = event.reason
    }
}
