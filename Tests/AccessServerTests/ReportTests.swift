import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import Testing

@_spi(Seeding) @testable import AccessStore

/// `GET /api/v1/reports/past-access-requests` against the seeded database, on SQLite and
/// (when configured) PostgreSQL.
@Suite struct ReportTests {
    static let path = "/api/v1/reports/past-access-requests"

    /// Every column of every seeded request, byte for byte: RFC 4180 quoting of commas, quotes,
    /// LF and CR, CRLF line ends, the formula guard, empty fields for what does not apply.
    static let expectedCSV: String = {
        var lines: [String] = []
        lines.append("request_id,requested_at,requester,resources,request_type,justification,status,decided_at,decided_by,")
        lines[0] += "granted_at,access_ends_at,time_to_resolve_seconds"
        lines.append(#"R-SEED0001,2026-01-01T00:00:00Z,alice@example.com,github-admins,github-admin,"incident 4411, see ""runbook""","#)
        lines[1] += "fulfilled,2026-01-01T00:20:00Z,bob@example.com:approved;carol@example.com:approved,"
        lines[1] += "2026-01-01T00:21:00Z,2026-01-01T04:21:00Z,1200"
        lines.append("R-SEED0002,2026-01-01T01:00:00Z,alice@example.com,aws-prod,aws-prod,\"line one\nline two\",fulfilled,")
        lines[2] += "2026-01-01T01:10:00Z,erin@example.com:approved;dave@example.com:approved,2026-01-01T01:11:00Z,,600"
        lines.append("R-SEED0003,2026-01-01T02:00:00Z,carol@example.com,github-admins,github-admin,plain,denied,")
        lines[3] += "2026-01-01T02:30:00Z,bob@example.com:denied,,,1800"
        lines.append("R-SEED0004,2026-01-01T03:00:00Z,alice@example.com,prod-db,prod-db,'=1+2,revoked,2026-01-01T03:15:00Z,")
        lines[4] += "erin@example.com:approved,2026-01-01T03:20:00Z,2026-01-01T03:40:00Z,900"
        lines.append("R-SEED0005,2026-01-01T04:00:00Z,dave@example.com,github-admins,github-admin,\"carriage\rreturn\",cancelled,,,,,300")
        lines.append("R-SEED0006,2026-01-01T05:00:00Z,alice@example.com,github-admins,github-admin,pending one,pending,,")
        lines[6] += "bob@example.com:approved,,,"
        lines.append("R-SEED0007,2026-01-01T06:00:00Z,alice@example.com,github-admins,github-admin,too slow,timed_out,,,,,259200")
        lines.append("R-SEED0008,2026-01-01T07:00:00Z,alice@example.com,aws-prod,aws-prod,needs a retry,failed,2026-01-01T07:10:00Z,")
        lines[8] += "erin@example.com:approved;dave@example.com:approved,,,600"
        return lines.map { $0 + "\r\n" }.joined()
    }()

    @Test("CSV: header, every column, quoting", arguments: AdminBackend.available)
    func csvColumnsAndQuoting(_ backend: AdminBackend) async throws {
        try await backend.withSeededServer { server in
            let response = try await server.adminGet(Self.path)
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "text/csv; charset=utf-8; header=present")
            #expect(response.headers["content-disposition"] == #"attachment; filename="past-access-requests.csv""#)
            #expect(response.text == Self.expectedCSV)
            #expect(try await server.adminGet(Self.path + "?format=csv").text == Self.expectedCSV)
        }
    }

    /// Query → the request ids it must give, in order.
    static let filterCases: [(String, [RequestID])] = {
        let s = ReportSeed.self
        return [
            ("", s.all),
            ("from=2026-01-01T02:00:00Z", [s.denied, s.revoked, s.cancelled, s.pending, s.timedOut, s.failed]),
            ("to=2026-01-01T02:00:00Z", [s.fulfilled, s.permanent]),
            ("from=2026-01-01T01:00:00Z&to=2026-01-01T03:00:00Z", [s.permanent, s.denied]),
            ("from=2026-01-01T03:00:00%2B01:00&to=2026-01-01T03:30:00.5Z", [s.denied, s.revoked]),
            ("from=2026-01-01&to=2026-01-02", s.all),
            ("time_field=decided", [s.fulfilled, s.permanent, s.denied, s.revoked, s.failed]),
            ("time_field=decided&from=2026-01-01T01:10:00Z&to=2026-01-01T07:10:00Z", [s.permanent, s.denied, s.revoked]),
            ("requester=carol@example.com", [s.denied]),
            ("requester=ALICE@Example.com", [s.fulfilled, s.permanent, s.revoked, s.pending, s.timedOut, s.failed]),
            ("approver=bob@example.com", [s.fulfilled, s.denied, s.pending]),
            ("approver=erin@example.com", [s.permanent, s.revoked, s.failed]),
            ("resource=prod-db", [s.revoked]),
            ("resource=prod", []),
            ("request_type=aws-prod", [s.permanent, s.failed]),
            ("status=fulfilled", [s.fulfilled, s.permanent]),
            ("status=denied,cancelled", [s.denied, s.cancelled]),
            ("status=denied&status=timed_out", [s.denied, s.timedOut]),
            ("decision=approved", [s.fulfilled, s.permanent, s.revoked, s.failed]),
            ("decision=denied", [s.denied]),
            ("decision=undecided", [s.cancelled, s.pending, s.timedOut]),
            ("decision=approved&status=failed,denied", [s.failed]),
            ("time_bounded=false", [s.permanent, s.failed]),
            ("time_bounded=true", [s.fulfilled, s.denied, s.revoked, s.cancelled, s.pending, s.timedOut]),
            ("requester=alice@example.com&time_bounded=true&status=pending", [s.pending]),
            ("requester=&status=", s.all),
        ]
    }()

    @Test("every filter", arguments: AdminBackend.available)
    func everyFilter(_ backend: AdminBackend) async throws {
        try await backend.withSeededServer { server in
            for (query, expected) in Self.filterCases {
                let response = try await server.adminGet(Self.path + "?format=jsonl&" + query)
                #expect(response.status == 200, "\(query)")
                let ids = response.jsonLines.compactMap { $0["request_id"] as? String }
                #expect(ids == expected.map(\.rawValue), "\(query)")
                // The same filter as CSV gives the same rows (one header, one record each).
                let csv = try await server.adminGet(Self.path + "?" + query)
                #expect(csv.text.components(separatedBy: "\r\n").count == expected.count + 2, "\(query) as CSV")
            }
        }
    }

    @Test("an empty result is the header alone (CSV) or nothing (JSON lines)", arguments: AdminBackend.available)
    func emptyResult(_ backend: AdminBackend) async throws {
        try await backend.withSeededServer { server in
            let csv = try await server.adminGet(Self.path + "?requester=nobody@example.com")
            #expect(csv.status == 200)
            #expect(csv.text == PastAccessReport.columns.joined(separator: ",") + "\r\n")
            let jsonl = try await server.adminGet(Self.path + "?format=jsonl&status=expired")
            #expect(jsonl.status == 200)
            #expect(jsonl.headers["content-type"] == "application/x-ndjson; charset=utf-8")
            #expect(jsonl.body.isEmpty)
        }
    }

    @Test("JSON lines: every key on every line, text unchanged, lists as arrays")
    func jsonLines() async throws {
        try await AdminBackend.sqlite.withSeededServer { server in
            let lines = try await server.adminGet(Self.path + "?format=json").jsonLines
            #expect(lines.count == ReportSeed.all.count)
            for line in lines { #expect(Set(line.keys) == Set(PastAccessReport.columns)) }
            let first = try #require(lines.first)
            #expect(first["justification"] as? String == #"incident 4411, see "runbook""#)
            #expect(first["resources"] as? [String] == ["github-admins"])
            let decisions = first["decided_by"] as? [[String: String]]
            #expect(
                decisions == [
                    ["approver": "bob@example.com", "decision": "approved"], ["approver": "carol@example.com", "decision": "approved"],
                ])
            #expect(first["time_to_resolve_seconds"] as? Int == 1200)
            #expect(lines[3]["justification"] as? String == "=1+2", "no formula guard in JSON")
            let pending = lines[5]
            #expect(pending["decided_at"] is NSNull)
            #expect(pending["time_to_resolve_seconds"] is NSNull)
        }
    }

    /// Query → the exact `{"error": ...}` sentence.
    static let badValues: [(String, String)] = [
        ("from=yesterday", #"from: "yesterday" is not an RFC 3339 time"#),
        ("to=2026-02-30", #"to: "2026-02-30" is not an RFC 3339 time"#),
        ("from=2026-01-01T25:00:00Z", #"from: "2026-01-01T25:00:00Z" is not an RFC 3339 time"#),
        ("from=2026-01-02&to=2026-01-01", "to: must be later than from"),
        ("time_field=approved", #"time_field: "approved" is not one of requested, decided"#),
        (
            "status=open",
            #"status: "open" is not a status (one of pending, approved, fulfilled, expired, revoked, denied, cancelled, timed_out, failed)"#
        ),
        ("decision=maybe", #"decision: "maybe" is not one of approved, denied, undecided"#),
        ("time_bounded=yes", #"time_bounded: "yes" is not true or false"#),
        ("format=xml", #"format: "xml" is not one of csv, jsonl"#),
        ("requester=a@example.com&requester=b@example.com", "requester: given more than once"),
        (
            "colour=red",
            "colour: unknown parameter (known: from, to, requester, approver, resource, request_type, status, decision, "
                + "time_bounded, format, time_field)"
        ),
        (
            "limit=5",
            "limit: unknown parameter (known: from, to, requester, approver, resource, request_type, status, decision, "
                + "time_bounded, format, time_field)"
        ),
    ]

    @Test("bad filter values: 400 with the reason")
    func badFilterValues() async throws {
        try await AdminBackend.sqlite.withSeededServer { server in
            for (query, message) in Self.badValues {
                let response = try await server.adminGet(Self.path + "?" + query)
                #expect(response.status == 400, "\(query)")
                #expect(response.headers["content-type"]?.hasPrefix("application/json") == true)
                #expect(response.errorMessage == message, "\(query)")
            }
        }
    }

    @Test("401 without the token or with a wrong one, and nothing else said")
    func needsTheToken() async throws {
        try await AdminBackend.sqlite.withSeededServer { server in
            let headers: [HTTPHeaders] = [
                [:], ["Authorization": "Bearer wrong"], ["Authorization": "Bearer \(adminToken)x"],
                ["Authorization": "Basic \(adminToken)"],
                ["Authorization": adminToken],
            ]
            for header in headers {
                let response = try await server.get(Self.path, headers: header)
                #expect(response.status == 401)
                #expect(response.text == #"{"error":"unauthorized"}"#)
            }
            #expect(try await server.get(Self.path, headers: ["Authorization": "bearer \(adminToken)"]).status == 200)
        }
    }

    @Test("a big report streams in chunks, with every row", arguments: AdminBackend.available)
    func bigReportStreams(_ backend: AdminBackend) async throws {
        try await backend.withSeededServer { server in
            let store = try await server.waitUntilReady().store
            let workflow = Workflow(catalog: SampleCatalog.catalog)
            let outcomes = try (0..<5000).map { index in
                let submission = SampleCatalog.githubSubmission(id: RequestID(rawValue: String(format: "R-BULK%05d", index)))
                return try workflow.submit(submission, now: ReportSeed.time(Double(index)))
            }
            try await store.bulkInsert(outcomes.map { Outcome(request: $0.request, effects: [], audit: $0.audit, expectedVersion: nil) })
            let response = try await server.adminGet(Self.path)
            #expect(response.status == 200)
            #expect(response.headers["transfer-encoding"] == "chunked")
            #expect(response.headers["content-length"] == nil)
            #expect(response.text.components(separatedBy: "\r\n").count == 1 + 5000 + ReportSeed.all.count + 1)
        }
    }
}
