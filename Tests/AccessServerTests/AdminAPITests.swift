import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import Testing

@testable import AccessStore

/// The admin API under `/api/v1`: the token, request paging, one request, its audit trail,
/// the catalog lists and retrying a failed grant.
@Suite struct AdminAPITests {
    @Test("every route but the document answers 401 without the right token")
    func everyRouteNeedsTheToken() async throws {
        try await AdminBackend.sqlite.withSeededServer { server in
            let routes = [
                "GET /api/v1/requests", "GET /api/v1/requests/R-SEED0001", "GET /api/v1/requests/R-SEED0001/audit",
                "POST /api/v1/requests/R-SEED0008/retry-grant", "GET /api/v1/resources", "GET /api/v1/teams",
                "GET /api/v1/configuration-lists", "GET /api/v1/request-types", "GET /api/v1/reports/past-access-requests",
            ]
            for route in routes {
                let parts = route.split(separator: " ").map(String.init)
                for headers: HTTPHeaders in [[:], ["Authorization": "Bearer not-the-token"]] {
                    let response =
                        parts[0] == "POST"
                        ? try await server.post(parts[1], body: [], headers: headers) : try await server.get(parts[1], headers: headers)
                    #expect(response.status == 401, "\(route)")
                    #expect(response.text == #"{"error":"unauthorized"}"#, "\(route)")
                    #expect(response.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
                }
            }
            let failed = try await server.adminGet("/api/v1/requests/R-SEED0008")
            #expect(failed.json["status"] as? String == "failed", "the refused retry changed nothing")
            let document = try await server.get("/api/v1/openapi.yaml")
            #expect(document.status == 200)
            #expect(document.headers["content-type"] == "application/yaml; charset=utf-8")
            #expect(document.text.hasPrefix("openapi: 3.1.0"))
        }
    }

    @Test("without ADMIN_API_TOKEN there is no admin API at all")
    func disabledWithoutAToken() async throws {
        let configuration = ServerConfiguration(databaseURL: temporarySQLiteURL(), catalog: SampleCatalog.catalog)
        try await TestServer.withServer(configuration) { server in
            _ = try await server.waitUntilReady()
            #expect(try await server.adminGet("/api/v1/requests").status == 404)
            #expect(try await server.get("/api/v1/openapi.yaml").status == 404)
        }
    }

    @Test("requests: newest first, paged with cursors, filtered", arguments: AdminBackend.available)
    func pagingWithCursors(_ backend: AdminBackend) async throws {
        try await backend.withSeededServer { server in
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let query = "/api/v1/requests?limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await server.adminGet(query)
                #expect(page.status == 200)
                let requests = try #require(page.json["requests"] as? [[String: Any]])
                seen += requests.compactMap { $0["id"] as? String }
                cursor = page.json["next_cursor"] as? String
                pages += 1
                #expect(requests.count == (cursor == nil ? 2 : 3))
            } while cursor != nil && pages < 10
            #expect(pages == 3)
            #expect(seen == ReportSeed.all.reversed().map(\.rawValue))

            let filtered = try await server.adminGet("/api/v1/requests?requester=alice@example.com&status=fulfilled,failed&limit=500")
            let ids = (filtered.json["requests"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids == [ReportSeed.failed, ReportSeed.permanent, ReportSeed.fulfilled].map(\.rawValue))
            #expect(filtered.json["next_cursor"] is NSNull)

            let all = try await server.adminGet("/api/v1/requests")
            #expect((all.json["requests"] as? [Any])?.count == ReportSeed.all.count, "50 by default")

            for (query, message) in [
                ("limit=0", #"limit: "0" is not a number from 1 to 500"#),
                ("limit=501", #"limit: "501" is not a number from 1 to 500"#),
                ("cursor=bm9wZQ", #"cursor: "bm9wZQ" is not a cursor this API gave out"#),
                (
                    "time_field=decided",
                    "time_field: unknown parameter (known: from, to, requester, approver, resource, request_type, "
                        + "status, decision, time_bounded, limit, cursor)"
                ),
            ] {
                let response = try await server.adminGet("/api/v1/requests?" + query)
                #expect(response.status == 400, "\(query)")
                #expect(response.errorMessage == message, "\(query)")
            }
        }
    }

    @Test("one request, with every documented key; unknown ids are 404")
    func oneRequest() async throws {
        try await AdminBackend.sqlite.withSeededServer { server in
            let response = try await server.adminGet("/api/v1/requests/r-seed0001")
            #expect(response.status == 200)
            let request = response.json
            #expect(request["id"] as? String == "R-SEED0001")
            #expect(request["status"] as? String == "fulfilled")
            #expect(request["requester"] as? String == "alice@example.com")
            #expect(request["created_at"] as? String == "2026-01-01T00:00:00Z")
            #expect(request["access_ends_at"] as? String == "2026-01-01T04:21:00Z")
            #expect(request["access_duration_seconds"] as? Int == 14_400)
            #expect(request["current_step"] is NSNull)
            #expect(request["end_reason"] is NSNull)
            #expect(request["version"] == nil, "internals stay inside")
            let decisions = try #require(request["decisions"] as? [[String: Any]])
            #expect(decisions.map { $0["approver"] as? String } == ["bob@example.com", "carol@example.com"])
            let steps = try #require(request["steps"] as? [[String: Any]])
            #expect((steps.first?["approver"] as? [String: Any])?["kind"] as? String == "manager")

            let missing = try await server.adminGet("/api/v1/requests/R-NOPE0000")
            #expect(missing.status == 404)
            #expect(missing.errorMessage == #"there is no request "R-NOPE0000""#)
            #expect(try await server.adminGet("/api/v1/requests/not%20an%20id").status == 404)
        }
    }

    @Test("the audit trail, oldest first; 404 for an unknown request")
    func auditTrail() async throws {
        try await AdminBackend.sqlite.withSeededServer { server in
            let response = try await server.adminGet("/api/v1/requests/R-SEED0004/audit")
            #expect(response.status == 200)
            #expect(response.json["request_id"] as? String == "R-SEED0004")
            let events = try #require(response.json["events"] as? [[String: Any]])
            #expect(events.compactMap { $0["action"] as? String } == ["submitted", "approved", "granted", "fulfilled", "revoked"])
            #expect(events.first?["from_status"] as? String == "pending")
            #expect(events.last?["actor"] as? String == "erin@example.com")
            #expect(events.last?["actor_kind"] as? String == "user")
            #expect(events.last?["reason"] as? String == "done")
            #expect(try await server.adminGet("/api/v1/requests/R-NOPE0000/audit").status == 404)
        }
    }

    @Test("resources, teams, configuration lists and request types come from the catalog")
    func catalogLists() async throws {
        try await AdminBackend.sqlite.withSeededServer { server in
            let catalog = SampleCatalog.catalog
            let resources = try #require(try await server.adminGet("/api/v1/resources").json["resources"] as? [[String: Any]])
            #expect(resources.compactMap { $0["id"] as? String } == catalog.resources.map(\.id.rawValue))
            #expect((resources.first?["grant"] as? [String: Any])?["kind"] as? String == "okta_group")
            #expect(resources.first?["max_duration_seconds"] as? Int == 8 * 3600)
            let teams = try #require(try await server.adminGet("/api/v1/teams").json["teams"] as? [[String: Any]])
            #expect(teams.compactMap { $0["id"] as? String } == ["it-ops", "security"])
            #expect(teams.last?["channel"] is NSNull)
            let lists = try #require(
                try await server.adminGet("/api/v1/configuration-lists").json["configuration_lists"] as? [[String: Any]])
            #expect(lists.first?["options"] as? [String] == ["1h", "4h", "8h"])
            let types = try #require(try await server.adminGet("/api/v1/request-types").json["request_types"] as? [[String: Any]])
            #expect(types.compactMap { $0["id"] as? String } == ["github-admin", "aws-prod", "prod-db"])
            let github = try #require(types.first)
            #expect((github["access_duration"] as? [String: Any])?["kind"] as? String == "from_question")
            #expect((github["escalation"] as? [String: Any])?["expire_after_seconds"] as? Int == 3 * 86_400)
            #expect((github["questions"] as? [[String: Any]])?.last?["list"] as? String == "durations")
        }
    }

    @Test("retry-grant: a failed request goes back to approved; anything else is 409 or 404", arguments: AdminBackend.available)
    func retryGrant(_ backend: AdminBackend) async throws {
        try await backend.withSeededServer { server in
            let retried = try await server.adminPost("/api/v1/requests/r-seed0008/retry-grant")
            #expect(retried.status == 200)
            #expect(retried.json["status"] as? String == "approved")
            #expect(retried.json["end_reason"] is NSNull)

            let trail = try #require(
                try await server.adminGet("/api/v1/requests/R-SEED0008/audit").json["events"] as? [[String: Any]])
            let retry = try #require(trail.first { $0["reason"] as? String == "grant retried" })
            #expect(retry["actor"] as? String == "api")
            #expect(retry["actor_kind"] as? String == "admin")
            #expect(retry["from_status"] as? String == "failed")

            // Okta is not configured in tests, so the retried grant fails again, and says so.
            try await eventually("the retried grant fails again") {
                try await server.adminGet("/api/v1/requests/R-SEED0008").json["status"] as? String == "failed"
            }

            let fulfilled = try await server.adminPost("/api/v1/requests/R-SEED0001/retry-grant")
            #expect(fulfilled.status == 409)
            #expect(fulfilled.errorMessage == "The request is fulfilled; this needs it to be failed.")
            let missing = try await server.adminPost("/api/v1/requests/R-NOPE0000/retry-grant")
            #expect(missing.status == 404)
        }
    }

    @Test("while the database is down: 503 for what needs it, the catalog still answers")
    func databaseDown() async throws {
        var configuration = ServerConfiguration(
            databaseURL: "postgres://nobody:secret@127.0.0.1:1/none", catalog: SampleCatalog.catalog, adminAPIToken: adminToken)
        configuration.databaseRetry = (.milliseconds(50), .milliseconds(200))
        try await TestServer.withServer(configuration) { server in
            for path in ["/api/v1/requests", "/api/v1/requests/R-SEED0001", "/api/v1/reports/past-access-requests"] {
                let response = try await server.adminGet(path)
                #expect(response.status == 503, "\(path)")
                #expect(response.errorMessage == "the database is not ready yet")
            }
            #expect(try await server.adminPost("/api/v1/requests/R-SEED0001/retry-grant").status == 503)
            #expect(try await server.adminGet("/api/v1/resources").status == 200)
        }
    }
}
