import AccessCore
import Foundation
import SQLKit

extension SQLStore {
    public func request(_ id: RequestID) async throws -> AccessRequest? {
        let row = try await sessions.read { db in
            try await db.raw("SELECT body FROM requests WHERE id = \(bind: id.rawValue)").first()
        }
        return try row.map { try Self.decodeRequest($0) }
    }

    /// Newest first. `awaitingApprover` reads the open tasks (an index on approver), the
    /// other filters the request columns.
    public func requests(_ query: RequestQuery) async throws -> [AccessRequest] {
        if let statuses = query.statuses, statuses.isEmpty { return [] }
        var conditions: [SQLQueryString] = []
        if let requester = query.requester { conditions.append("r.requester = \(bind: requester.rawValue)") }
        if let statuses = query.statuses {
            let values: [Bind] = statuses.map(\.rawValue).sorted()
            conditions.append("r.status IN \(SQLText.list(values))")
        }
        var sql: SQLQueryString = "SELECT r.body FROM requests r"
        if let approver = query.awaitingApprover {
            sql += " JOIN tasks t ON t.request_id = r.id AND t.state = 'open' AND t.approver = \(bind: approver.rawValue)"
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY r.created_at DESC, r.id DESC LIMIT \(bind: max(0, query.limit))"
        let rows = try await sessions.read { db in try await db.raw(sql).all() }
        return try rows.map(Self.decodeRequest)
    }

    public func auditTrail(of id: RequestID) async throws -> [AuditEvent] {
        let rows = try await sessions.read { db in
            try await db.raw(
                """
                SELECT at, actor, actor_kind, action, from_status, to_status, step, reason
                FROM audit_events WHERE request_id = \(bind: id.rawValue) ORDER BY id
                """
            ).all()
        }
        return try rows.map { try Self.decodeAudit($0, requestID: id) }
    }

    static func decodeRequest(_ row: any SQLRow) throws -> AccessRequest {
        let body = try row.value("body", String.self, table: "requests")
        return try StoredJSON.decode(AccessRequest.self, from: body, table: "requests", key: "body")
    }

    static func decodeAudit(_ row: any SQLRow, requestID: RequestID) throws -> AuditEvent {
        let table = "audit_events"
        let key = requestID.rawValue
        let actorText = try row.value("actor", String.self, table: table)
        let kind = try row.value("actor_kind", String.self, table: table)
        guard let actor = ActorColumns.actor(actorText, kind: kind) else {
            throw SQLStoreError.unreadableRow(table: table, key: key, reason: "unknown actor kind \(kind)")
        }
        let actionText = try row.value("action", String.self, table: table)
        guard let action = AuditEvent.Action(rawValue: actionText) else {
            throw SQLStoreError.unreadableRow(table: table, key: key, reason: "unknown action \(actionText)")
        }
        let fromText = try row.optional("from_status", String.self, table: table)
        let toText = try row.value("to_status", String.self, table: table)
        guard let to = RequestStatus(rawValue: toText), fromText.map({ RequestStatus(rawValue: $0) != nil }) ?? true else {
            throw SQLStoreError.unreadableRow(table: table, key: key, reason: "unknown status")
        }
        return AuditEvent(
            requestID: requestID, at: Date(stored: try row.value("at", Double.self, table: table)), actor: actor, action: action,
            fromStatus: fromText.flatMap(RequestStatus.init(rawValue:)), toStatus: to,
            step: try row.optional("step", Int.self, table: table), reason: try row.optional("reason", String.self, table: table))
    }
}
