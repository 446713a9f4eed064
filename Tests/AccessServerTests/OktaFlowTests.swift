import AccessCore
import AccessServer
import AccessTesting
import Foundation
import Logging
import SlackAdapter
import Testing

/// Grants and revokes through a fake Okta, end to end: Slack request, approval from the
/// card, the outbox, the Okta calls, and what people are told.
@Suite struct OktaFlowTests {
    /// In the fake Okta, alice's manager is erin (the config says bob): Okta is the directory.
    static let approver = SampleCatalog.erin

    /// Alice asks from Slack; erin approves from her card.
    func requestAndApprove(_ resource: String, _ slack: SlackHarness) async throws -> AccessRequest {
        #expect(try await slack.command("request \(resource) because on call", as: SampleCatalog.alice).status == 200)
        let request = try await slack.latestRequest()
        let dm = SlackHarness.dm(Self.approver)
        try await eventually("card to erin") { await !slack.messages(in: dm, containing: request.id.rawValue).isEmpty }
        let card = try #require(await slack.messages(in: dm, containing: request.id.rawValue).first)
        #expect(try await slack.click("approve", on: card, as: Self.approver).status == 200)
        return request
    }

    @Test func aThreeSecondAccessIsGrantedThenRevoked() async throws {
        try await FlowHarness.run { slack, okta in
            let request = try await requestAndApprove("github-admins", slack)
            try await eventually("fulfilled") { try await slack.request(request.id)?.status == .fulfilled }
            #expect(okta.members(ofGroup: TimerCatalog.group) == ["00ualice"])
            let put = try #require(okta.calls(method: "PUT").first)
            #expect(put.target == "/api/v1/groups/00gGITHUB/users/00ualice")
            #expect(put.header("Authorization") == "SSWS \(FakeOkta.token)")
            #expect(okta.calls(method: "GET").contains { $0.target == "/api/v1/users/alice%40example.com" })
            let aliceDM = SlackHarness.dm(SampleCatalog.alice)
            try await eventually("alice told it is granted") { await !slack.messages(in: aliceDM, containing: "is granted until").isEmpty }

            try await eventually("expired", timeout: .seconds(8)) { try await slack.request(request.id)?.status == .expired }
            try await eventually("revoked in Okta") { okta.members(ofGroup: TimerCatalog.group).isEmpty }
            let delete = try #require(okta.calls(method: "DELETE").first)
            #expect(delete.target == "/api/v1/groups/00gGITHUB/users/00ualice")
            let granted = try #require(try await slack.request(request.id)?.grantedAt)
            let after = delete.at.timeIntervalSince(granted)
            #expect(after >= 3 && after < 4.5, "revoked \(after) s after the grant")
            try await eventually("alice told it ended") { await !slack.messages(in: aliceDM, containing: "has ended").isEmpty }
            let audit = try await slack.server.state.ready?.store.auditTrail(of: request.id).map(\.action)
            #expect(audit == [.submitted, .approved, .granted, .fulfilled, .expired])
        }
    }

    @Test func anAppAssignmentWaitsForTheRateLimitReset() async throws {
        try await FlowHarness.run { slack, okta in
            okta.failNext(1, method: "POST", pathPrefix: "/api/v1/apps", with: .rateLimited(resetIn: 1))
            let request = try await requestAndApprove("aws-prod", slack)
            try await eventually("fulfilled", timeout: .seconds(10)) { try await slack.request(request.id)?.status == .fulfilled }
            let posts = okta.calls(method: "POST")
            #expect(posts.map(\.status) == [429, 200])
            if posts.count == 2 {
                #expect(posts[1].at.timeIntervalSince(posts[0].at) >= 1, "no call before X-Rate-Limit-Reset")
            }
            #expect(posts.last?.json?["id"] as? String == "00ualice")
            #expect(posts.last?.json?["scope"] as? String == "USER")
            #expect(okta.assignees(ofApp: TimerCatalog.app) == ["00ualice"])
        }
    }

    @Test func aRefusedGrantEndsFailedPeopleAreToldAndRetryGrantWorks() async throws {
        try await FlowHarness.run { slack, okta in
            okta.failNext(1, method: "PUT", with: .error(status: 403, code: "E0000006"))
            let request = try await requestAndApprove("github-admins", slack)
            try await eventually("failed") { try await slack.request(request.id)?.status == .failed }
            #expect(try await slack.request(request.id)?.endReason?.contains("E0000006") == true)
            #expect(okta.calls(method: "PUT").count == 1, "a 403 is not retried")
            try await eventually("alice told") {
                await !slack.messages(in: SlackHarness.dm(SampleCatalog.alice), containing: "failed").isEmpty
            }
            try await eventually("owning team told") { await !slack.messages(in: "C0ITOPS", containing: "retry the grant").isEmpty }

            // `accessbot retry-grant R-…` after the token's role was fixed.
            let retried = try await retryFailedGrant(
                request.id, configuration: slack.server.configuration, logger: Logger(label: "test"))
            #expect(retried.status == .approved)
            try await eventually("fulfilled") { try await slack.request(request.id)?.status == .fulfilled }
            #expect(okta.members(ofGroup: TimerCatalog.group) == ["00ualice"])
        }
    }

    @Test func transientFailuresAreRetriedABoundedNumberOfTimes() async throws {
        try await FlowHarness.run(grantAttempts: 3) { slack, okta in
            okta.failNext(20, method: "PUT", with: .error(status: 500, code: "E0000009"))
            let request = try await requestAndApprove("github-admins", slack)
            try await eventually("failed", timeout: .seconds(15)) { try await slack.request(request.id)?.status == .failed }
            #expect(okta.calls(method: "PUT").map(\.status) == [500, 500, 500])
            #expect(try await slack.request(request.id)?.endReason?.contains("after 3 attempts") == true)
            try await eventually("alice told") {
                await !slack.messages(in: SlackHarness.dm(SampleCatalog.alice), containing: "failed").isEmpty
            }
        }
    }

    @Test func aSuspendedRequesterGetsNoGrantAndTheirPendingRequestsAreCancelled() async throws {
        try await FlowHarness.run { slack, okta in
            #expect(try await slack.command("request aws-prod because audit", as: SampleCatalog.alice).status == 200)
            let pending = try await slack.latestRequest()
            okta.setStatus("SUSPENDED", of: "alice@example.com")
            let request = try await requestAndApprove("github-admins", slack)
            try await eventually("failed") { try await slack.request(request.id)?.status == .failed }
            #expect(try await slack.request(request.id)?.endReason?.contains("suspended") == true)
            #expect(okta.calls(method: "PUT").isEmpty, "no grant was tried")
            try await eventually("other request cancelled") { try await slack.request(pending.id)?.status == .cancelled }
            #expect(try await slack.request(pending.id)?.endReason?.contains("suspended") == true)
            try await eventually("alice told") {
                await !slack.messages(in: SlackHarness.dm(SampleCatalog.alice), containing: "was cancelled by AccessBot").isEmpty
            }
        }
    }

    @Test func aSuspendedRequesterIsRefusedOnSubmitAndTheirPendingRequestsAreCancelled() async throws {
        try await FlowHarness.run(directoryCacheTTL: .zero) { slack, okta in
            #expect(try await slack.command("request aws-prod because audit", as: SampleCatalog.alice).status == 200)
            let pending = try await slack.latestRequest()
            okta.setStatus("DEPROVISIONED", of: "alice@example.com")
            let refused = try await slack.command("request github-admins because on call", as: SampleCatalog.alice)
            #expect(String(decoding: refused.body, as: UTF8.self).contains("suspended or deactivated"))
            #expect(try await slack.latestRequest().id == pending.id, "no new request")
            #expect(try await slack.request(pending.id)?.status == .cancelled)
        }
    }
}
