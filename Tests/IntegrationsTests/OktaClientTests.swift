import AccessTesting
import Foundation
import HTTPTransport
import Integrations
import Testing

@Suite struct OktaClientTests {
    @Test func everyCallCarriesTheTokenAndAsksForJSON() async throws {
        try await withOkta { okta, client in
            _ = try await client.user("alice@example.com")
            _ = try await client.assignUser(OktaPeople.alice.id, toApp: OktaPeople.app)
            let get = try #require(okta.calls(method: "GET").first)
            #expect(get.header("Authorization") == "SSWS \(FakeOkta.token)")
            #expect(get.header("Accept") == "application/json")
            #expect(get.header("Content-Type") == nil)
            let post = try #require(okta.calls(method: "POST").first)
            #expect(post.header("Content-Type") == "application/json")
            #expect(post.header("Authorization") == "SSWS \(FakeOkta.token)")
        }
    }

    @Test func aWrongTokenIsATypedPermanentError() async throws {
        try await withOkta(token: "wrong") { _, client in
            do {
                _ = try await client.user("alice@example.com")
                Issue.record("expected a 401")
            } catch let error as OktaError {
                guard case .api(let api) = error else { throw error }
                #expect(api.status == 401)
                #expect(api.code == .invalidToken)
                #expect(api.requestID?.isEmpty == false)
                #expect(!error.isTransient)
            }
        }
    }

    @Test func loginsArePercentEncodedAsOnePathSegment() async throws {
        try await withOkta { okta, client in
            let user = try #require(try await client.user("ops+admin@example.com"))
            #expect(user.id == OktaPeople.ops.id)
            #expect(okta.calls().last?.target == "/api/v1/users/ops%2Badmin%40example.com")
            #expect(OktaPath.segment("a/b?c d") == "a%2Fb%3Fc%20d")
            #expect(try await client.user("nobody@example.com") == nil)
        }
    }

    @Test func findsByEmailWhenTheLoginDiffers() async throws {
        try await withOkta { okta, client in
            let user = try #require(try await client.findUser(login: "ops@example.com"))
            #expect(user.id == OktaPeople.ops.id)
            #expect(user.directoryID?.rawValue == "ops@example.com")
            let search = try #require(okta.calls(pathPrefix: "/api/v1/users").last)
            #expect(search.query["search"] == #"profile.email eq "ops@example.com""#)
            // A value that would change the expression is never sent.
            #expect(try await client.findUser(login: #"x" or profile.login sw "a@example.com"#) == nil)
            #expect(OktaPath.equals("profile.email", #"a"b"#) == nil)
        }
    }

    @Test func managersResolveByIDLoginOrEmployeeNumber() async throws {
        try await withOkta { okta, client in
            for person in [OktaPeople.alice, OktaPeople.carol, OktaPeople.dave] {
                let user = try #require(try await client.user(person.login))
                let manager = try await client.manager(of: user)
                #expect(manager?.id == OktaPeople.bob.id, "manager of \(person.login)")
            }
            let erin = try #require(try await client.user("erin@example.com"))
            #expect(try await client.manager(of: erin) == nil)
            let bob = try #require(try await client.user("bob@example.com"))
            #expect(try await client.manager(of: bob) == nil)
            // Carol's managerId is an employee number: a 404 on the id, then the search.
            #expect(okta.calls().contains { $0.query["search"] == #"profile.employeeNumber eq "1234""# })
        }
    }

    @Test func statusesMapToActive() {
        let active = ["ACTIVE", "RECOVERY", "LOCKED_OUT", "PASSWORD_EXPIRED"]
        let inactive = ["SUSPENDED", "DEPROVISIONED", "STAGED", "PROVISIONED", "SOMETHING_NEW"]
        for status in active { #expect(OktaUserStatus(status).isActive, "\(status)") }
        for status in inactive { #expect(!OktaUserStatus(status).isActive, "\(status)") }
    }

    @Test func groupMembershipIsAddedAndRemovedIdempotently() async throws {
        try await withOkta { okta, client in
            let first = try await client.addUser(OktaPeople.alice.id, toGroup: OktaPeople.group)
            let again = try await client.addUser(OktaPeople.alice.id, toGroup: OktaPeople.group)
            #expect(first.status == 204 && again.status == 204)
            #expect(first.requestID != nil && first.requestID != again.requestID)
            #expect(okta.members(ofGroup: OktaPeople.group) == [OktaPeople.alice.id])
            let puts = okta.calls(method: "PUT")
            #expect(puts.map(\.target) == Array(repeating: "/api/v1/groups/00gGITHUB/users/\(OktaPeople.alice.id)", count: 2))
            #expect(puts.allSatisfy { $0.body.isEmpty })
            #expect(try await client.removeUser(OktaPeople.alice.id, fromGroup: OktaPeople.group).status == 204)
            #expect(okta.members(ofGroup: OktaPeople.group).isEmpty)
        }
    }

    @Test func appAssignmentPostsTheUserIDAndAcceptsAlreadyAssigned() async throws {
        try await withOkta { okta, client in
            let receipt = try await client.assignUser(OktaPeople.alice.id, toApp: OktaPeople.app)
            #expect(receipt.status == 200)
            let post = try #require(okta.calls(method: "POST").first)
            #expect(post.target == "/api/v1/apps/0oaAWS/users")
            #expect(post.json?["id"] as? String == OktaPeople.alice.id)
            #expect(post.json?["scope"] as? String == "USER")
            okta.answerAlreadyAssignedWithConflict(true)
            let again = try await client.assignUser(OktaPeople.alice.id, toApp: OktaPeople.app)
            #expect(again.status == 409)
            #expect(okta.assignees(ofApp: OktaPeople.app) == [OktaPeople.alice.id])
            #expect(try await client.unassignUser(OktaPeople.alice.id, fromApp: OktaPeople.app).status == 204)
            #expect(okta.assignees(ofApp: OktaPeople.app).isEmpty)
        }
    }

    @Test func rateLimitWaitsUntilTheResetMeasuredOnOktasClock() async throws {
        try await withOkta { okta, client in
            okta.failNext(1, with: .rateLimited(resetIn: 5))
            do {
                _ = try await client.addUser(OktaPeople.alice.id, toGroup: OktaPeople.group)
                Issue.record("expected a 429")
            } catch let error as OktaError {
                guard case .rateLimited(let wait, let requestID) = error else { throw error }
                // reset − Date + 1 s, with up to a second lost to the Date header's rounding.
                #expect(wait >= .seconds(5) && wait <= .seconds(6), "waits \(wait)")
                #expect(requestID != nil)
                #expect(error.isTransient)
            }
        }
    }

    @Test func rateLimitArithmeticUsesTheDateHeader() {
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        let headers: HTTPHeaders = [
            "date": HTTPDate.format(date), "x-rate-limit-limit": "600", "x-rate-limit-remaining": "0",
            "x-rate-limit-reset": "1767225630",
        ]
        // A local clock ten minutes off changes nothing: Okta's Date is the reference.
        let wait = OktaRateLimit.wait(after: HTTPResponse(status: 429, headers: headers), now: date.addingTimeInterval(600))
        #expect(wait == .seconds(31))
        var noDate = headers
        noDate.remove(name: "date")
        #expect(OktaRateLimit.wait(after: HTTPResponse(status: 429, headers: noDate), now: date) == .seconds(31))
        #expect(OktaRateLimit.wait(after: HTTPResponse(status: 429), now: date) == .seconds(60))
        // Several header lines: the smallest reset wins.
        var several = headers
        several.add(name: "x-rate-limit-reset", value: "1767225610")
        #expect(OktaRateLimit.wait(after: HTTPResponse(status: 429, headers: several), now: date) == .seconds(11))
        #expect(OktaRateLimit(headers: headers)?.isLow == true)
    }

    @Test func serverErrorsAndDropsAreTransient() async throws {
        try await withOkta { okta, client in
            okta.failNext(1, with: .error(status: 500, code: "E0000009"))
            // libcurl sends again once when a reused connection dies unanswered: drop twice.
            okta.failNext(2, with: .dropConnection)
            for _ in 0..<2 {
                do {
                    _ = try await client.user("alice@example.com")
                    Issue.record("expected a failure")
                } catch let error as OktaError {
                    #expect(error.isTransient, "\(error)")
                }
            }
            #expect(try await client.user("alice@example.com")?.id == OktaPeople.alice.id)
        }
    }
}
