extension OpenAPIDocument {
    static let schemas = #"""
          schemas:
            Error:
              type: object
              required: [error]
              properties:
                error: { type: string, description: One sentence; never internals. }
            Time:
              type: string
              format: date-time
              description: RFC 3339 UTC, whole seconds, e.g. `2026-01-31T09:30:00Z`.
            NullableTime:
              type: [string, "null"]
              format: date-time
            Status:
              type: string
              enum: [pending, approved, fulfilled, expired, revoked, denied, cancelled, timed_out, failed]
            RequestList:
              type: object
              required: [requests, next_cursor]
              properties:
                requests:
                  type: array
                  items: { $ref: "#/components/schemas/Request" }
                next_cursor:
                  type: [string, "null"]
                  description: Pass as `cursor` for the following page; null on the last page.
            Request:
              type: object
              required: [id, requester, request_type, resources, status, justification, answers, access_duration_seconds,
                steps, current_step, decisions, granted, origin, created_at, updated_at, decided_at, granted_at,
                access_ends_at, ended_at, end_reason]
              properties:
                id: { type: string }
                requester: { type: string, description: The requester's email. }
                request_type: { type: string }
                resources: { type: array, items: { type: string } }
                status: { $ref: "#/components/schemas/Status" }
                justification: { type: string }
                answers:
                  type: array
                  items:
                    type: object
                    required: [question, value]
                    properties:
                      question: { type: string }
                      value: { type: string }
                access_duration_seconds: { type: [integer, "null"], description: Null for permanent access. }
                steps:
                  type: array
                  items: { $ref: "#/components/schemas/Step" }
                current_step: { type: [integer, "null"], description: Index into `steps` while pending. }
                decisions:
                  type: array
                  items: { $ref: "#/components/schemas/Decision" }
                granted: { type: array, items: { type: string }, description: Resources granted so far. }
                origin: { type: string, enum: [slack, teams, api, cli] }
                created_at: { $ref: "#/components/schemas/Time" }
                updated_at: { $ref: "#/components/schemas/Time" }
                decided_at: { $ref: "#/components/schemas/NullableTime" }
                granted_at: { $ref: "#/components/schemas/NullableTime" }
                access_ends_at: { $ref: "#/components/schemas/NullableTime" }
                ended_at: { $ref: "#/components/schemas/NullableTime" }
                end_reason: { type: [string, "null"] }
            Step:
              type: object
              required: [approver, eligible, required, approved_by]
              properties:
                approver: { $ref: "#/components/schemas/Approver" }
                eligible: { type: array, items: { type: string } }
                required: { type: integer }
                approved_by: { type: array, items: { type: string } }
            Approver:
              type: object
              required: [kind, user, team]
              properties:
                kind: { type: string, enum: [manager, user, team, resource_owner] }
                user: { type: [string, "null"] }
                team: { type: [string, "null"] }
            Decision:
              type: object
              required: [approver, step, decision, reason, at]
              properties:
                approver: { type: string }
                step: { type: integer }
                decision: { type: string, enum: [approved, denied] }
                reason: { type: [string, "null"] }
                at: { $ref: "#/components/schemas/Time" }
            AuditTrail:
              type: object
              required: [request_id, events]
              properties:
                request_id: { type: string }
                events:
                  type: array
                  items: { $ref: "#/components/schemas/AuditEvent" }
            AuditEvent:
              type: object
              required: [at, actor, actor_kind, action, from_status, to_status, step, reason]
              properties:
                at: { $ref: "#/components/schemas/Time" }
                actor: { type: string, description: "A user's email, an admin's name (`api`), or `accessbot`." }
                actor_kind: { type: string, enum: [user, admin, system] }
                action:
                  type: string
                  enum: [submitted, step_approved, approved, denied, cancelled, reminded, escalated, timed_out, granted,
                    grant_failed, fulfilled, expiry_warned, expired, revoked]
                from_status: { type: [string, "null"] }
                to_status: { $ref: "#/components/schemas/Status" }
                step: { type: [integer, "null"] }
                reason: { type: [string, "null"] }
            ReportLine:
              type: object
              description: One line of the report in JSON lines.
              required: [request_id, requested_at, requester, resources, request_type, justification, status, decided_at,
                decided_by, granted_at, access_ends_at, time_to_resolve_seconds]
              properties:
                request_id: { type: string }
                requested_at: { $ref: "#/components/schemas/Time" }
                requester: { type: string }
                resources: { type: array, items: { type: string } }
                request_type: { type: string }
                justification: { type: string }
                status: { $ref: "#/components/schemas/Status" }
                decided_at: { $ref: "#/components/schemas/NullableTime" }
                decided_by:
                  type: array
                  items:
                    type: object
                    required: [approver, decision]
                    properties:
                      approver: { type: string }
                      decision: { type: string, enum: [approved, denied] }
                granted_at: { $ref: "#/components/schemas/NullableTime" }
                access_ends_at: { $ref: "#/components/schemas/NullableTime" }
                time_to_resolve_seconds: { type: [integer, "null"] }

        """#
}
