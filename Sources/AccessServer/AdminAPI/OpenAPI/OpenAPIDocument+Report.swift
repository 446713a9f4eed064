extension OpenAPIDocument {
    static let reportPath = #"""
          /api/v1/reports/past-access-requests:
            get:
              operationId: getPastAccessRequestsReport
              summary: The Past Access Requests report, streamed as CSV or JSON lines.
              description: |
                Every request the filters match, one row each, oldest first by the time `time_field`
                names, then request id. Streamed from the database in pages: a million rows need no
                more server memory than ten. Filters are checked before the answer starts (400 with
                the reason); a failure after that cuts the chunked body short.

                Columns (CSV header names and JSON keys): `request_id`, `requested_at`, `requester`,
                `resources`, `request_type`, `justification`, `status`, `decided_at` (last approval
                or the denial), `decided_by` (each approver and their decision, in order),
                `granted_at`, `access_ends_at` (when access ended, for expired and revoked requests,
                or is due to end, for fulfilled time-bounded ones), `time_to_resolve_seconds`
                (whole seconds from `requested_at` to `decided_at`, or to the end of a request
                cancelled or timed out undecided; empty/null while pending).

                CSV is RFC 4180: header row, CRLF line ends, fields with a comma, quote, CR or LF
                quoted, quotes doubled. Lists are joined with `;`, decisions as
                `bob@example.com:approved;dave@example.com:approved`. A text field starting with
                `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so spreadsheets never run it as a
                formula. JSON lines carry text unchanged, lists as arrays, absent values as null.
              parameters:
                - name: format
                  in: query
                  description: "`csv` (default) or `jsonl` (JSON lines; `json` is accepted too)."
                  schema: { type: string, enum: [csv, jsonl, json], default: csv }
                - name: time_field
                  in: query
                  description: |
                    Which time `from`/`to` bound and rows are ordered by: `requested` (default) or
                    `decided` (requests never decided are then left out).
                  schema: { type: string, enum: [requested, decided], default: requested }
                - $ref: "#/components/parameters/from"
                - $ref: "#/components/parameters/to"
                - $ref: "#/components/parameters/requester"
                - $ref: "#/components/parameters/approver"
                - $ref: "#/components/parameters/resource"
                - $ref: "#/components/parameters/requestType"
                - $ref: "#/components/parameters/status"
                - $ref: "#/components/parameters/decision"
                - $ref: "#/components/parameters/timeBounded"
              responses:
                "200":
                  description: The report (`Content-Disposition` names a file to save it as).
                  content:
                    text/csv:
                      schema: { type: string }
                    application/x-ndjson:
                      schema:
                        description: One `ReportLine` object per line.
                        type: string
                      x-line-schema: { $ref: "#/components/schemas/ReportLine" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "503": { $ref: "#/components/responses/Unavailable" }

        """#

    static let parameters = #"""
        components:
          securitySchemes:
            bearerAuth:
              type: http
              scheme: bearer
              description: The value of `ADMIN_API_TOKEN`.
          parameters:
            requestId:
              name: id
              in: path
              required: true
              description: A request id such as `R-7KX2P9QM` (case-insensitive, `R-` optional).
              schema: { type: string }
            from:
              name: from
              in: query
              description: At or after this time (RFC 3339, e.g. `2026-01-31T00:00:00Z`, or a date `2026-01-31` for midnight UTC).
              schema: { type: string }
            to:
              name: to
              in: query
              description: Strictly before this time (same forms as `from`); must be later than `from`.
              schema: { type: string }
            requester:
              name: requester
              in: query
              description: The requester's email (case-insensitive).
              schema: { type: string }
            approver:
              name: approver
              in: query
              description: Requests this person approved or denied, at any step (email).
              schema: { type: string }
            resource:
              name: resource
              in: query
              description: Requests that include this resource id.
              schema: { type: string }
            requestType:
              name: request_type
              in: query
              description: Requests of this request type id.
              schema: { type: string }
            status:
              name: status
              in: query
              description: One status or a comma-separated list; may repeat.
              schema: { type: string, examples: ["denied", "fulfilled,expired"] }
            decision:
              name: decision
              in: query
              description: |
                `approved` (approved, fulfilled, expired, revoked, failed), `denied`, or `undecided`
                (pending, cancelled, timed_out); comma-separated for several. Combined with
                `status`, only statuses in both count.
              schema: { type: string }
            timeBounded:
              name: time_bounded
              in: query
              description: "`true`: only requests with an access duration; `false`: only permanent ones."
              schema: { type: string, enum: ["true", "false"] }
          responses:
            BadRequest:
              description: A parameter cannot be used; the error names it and says why.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            Unauthorized:
              description: Missing or wrong bearer token.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            NotFound:
              description: No request with this id.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            Conflict:
              description: The workflow refuses the command in the request's state; the error says why.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            Unavailable:
              description: The database is not reachable yet; try again later.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }

        """#
}
