import AccessCore
import AccessTesting
import Foundation
import Testing

@Suite struct LifecycleTests {
    let workflow = Workflow(catalog: SampleCatalog.catalog)
    let now = SampleCatalog.epoch

    func approved() throws -> AccessRequest {
        let start = try workflow.submit(SampleCatalog.githubSubmission(), now: now).request
        let first = try workflow.handle(.approve(by: SampleCatalog.bob), on: start, now: now).request
        return try workflow.handle(.approve(by: SampleCatalog.dave), on: first, now: now).request
    }

    @Test func grantFulfilsAndSchedulesExpiry() throws {
        let later = now.addingTimeInterval(5)
        let outcome = try workflow.handle(.grantCompleted("github-admins", by: .system), on: approved(), now: later)
        #expect(outcome.request.status == .fulfilled)
        #expect(outcome.request.grantedAt == later)
        #expect(outcome.request.accessEndsAt == later.addingTimeInterval(4 * 3600))
        #expect(
            outcome.effects.contains(
                .schedule(ScheduledTimer(requestID: "R-TEST0001", kind: .accessExpiry, due: later.addingTimeInterval(4 * 3600)))))
        #expect(
            outcome.effects.contains(
                .schedule(ScheduledTimer(requestID: "R-TEST0001", kind: .expiryWarning, due: later.addingTimeInterval(4 * 3600 - 1440)))))

        let expired = try workflow.handle(.timerFired(.accessExpiry), on: outcome.request, now: later.addingTimeInterval(4 * 3600))
        #expect(expired.request.status == .expired)
        #expect(
            expired.effects.contains(
                .revoke(
                    GrantOrder(
                        requestID: "R-TEST0001", resource: "github-admins", user: SampleCatalog.alice, method: .oktaGroup("00g1a2b3c4")))))
    }

    @Test func aRepeatedGrantConfirmationChangesNothing() throws {
        let fulfilled = try workflow.handle(.grantCompleted("github-admins", by: .system), on: approved(), now: now).request
        let again = try workflow.handle(.grantCompleted("github-admins", by: .system), on: fulfilled, now: now)
        #expect(again.isNoOp)
    }

    @Test func failedGrantTellsPeopleAndCanBeRetried() throws {
        let failed = try workflow.handle(.grantFailed("github-admins", reason: "E0000007 not found"), on: approved(), now: now)
        #expect(failed.request.status == .failed)
        #expect(
            failed.effects.contains(
                .notify(
                    Notification(
                        requestID: "R-TEST0001", audience: .user(SampleCatalog.alice), notice: .grantFailed(reason: "E0000007 not found"))))
        )
        #expect(
            failed.effects.contains(
                .notify(
                    Notification(
                        requestID: "R-TEST0001", audience: .channel(ChannelRef(slack: "C0ITOPS")),
                        notice: .grantFailed(reason: "E0000007 not found")))))
        #expect(throws: WorkflowError.self) {
            try workflow.handle(.retryGrant(by: .user(SampleCatalog.alice)), on: failed.request, now: now)
        }
        let retried = try workflow.handle(.retryGrant(by: .user(SampleCatalog.carol)), on: failed.request, now: now)
        #expect(retried.request.status == .approved)
        #expect(retried.effects.contains { if case .grant = $0 { true } else { false } })
    }

    @Test func manualResourcesAskTheOwningTeam() throws {
        let submission = Submission(
            id: "R-DB000001", requester: DirectoryUser(id: SampleCatalog.alice, manager: SampleCatalog.bob), requestType: "prod-db",
            resources: ["prod-db"], origin: Origin(platform: .slack))
        let start = try workflow.submit(submission, now: now).request
        let approved = try workflow.handle(.approve(by: SampleCatalog.erin), on: start, now: now)
        #expect(
            approved.effects.contains(
                .card(CardDelivery(requestID: "R-DB000001", audience: .user(SampleCatalog.erin), purpose: .confirmManualGrant("prod-db")))))
        #expect(throws: WorkflowError.self) {
            try workflow.handle(.grantCompleted("prod-db", by: .user(SampleCatalog.carol)), on: approved.request, now: now)
        }
        let done = try workflow.handle(.grantCompleted("prod-db", by: .user(SampleCatalog.dave)), on: approved.request, now: now)
        #expect(done.request.status == .fulfilled)
    }

    @Test func timersRemindEscalateAndTimeOut() throws {
        let start = try workflow.submit(SampleCatalog.githubSubmission(), now: now).request
        let remind = try workflow.handle(.timerFired(.remind), on: start, now: now)
        #expect(remind.effects == [.card(CardDelivery(requestID: "R-TEST0001", audience: .user(SampleCatalog.bob), purpose: .reminder))])
        let escalate = try workflow.handle(.timerFired(.escalate), on: start, now: now)
        #expect(
            escalate.effects == [
                .card(CardDelivery(requestID: "R-TEST0001", audience: .channel(ChannelRef(slack: "C0ADMINS")), purpose: .escalation))
            ])
        let expire = try workflow.handle(.timerFired(.expire), on: start, now: now)
        #expect(expire.request.status == .timedOut)
        #expect(
            expire.effects.contains(.notify(Notification(requestID: "R-TEST0001", audience: .user(SampleCatalog.bob), notice: .timedOut))))
        // A timer that fires after the request moved on does nothing.
        #expect(try workflow.handle(.timerFired(.remind), on: expire.request, now: now).isNoOp)
        #expect(try workflow.handle(.timerFired(.accessExpiry), on: start, now: now).isNoOp)
    }

    @Test func revokeByTheTeamEndsAccess() throws {
        let fulfilled = try workflow.handle(.grantCompleted("github-admins", by: .system), on: approved(), now: now).request
        #expect(throws: WorkflowError.self) {
            try workflow.handle(.revoke(by: .user(SampleCatalog.alice), reason: nil), on: fulfilled, now: now)
        }
        let revoked = try workflow.handle(.revoke(by: .user(SampleCatalog.carol), reason: "offboarding"), on: fulfilled, now: now)
        #expect(revoked.request.status == .revoked)
        #expect(revoked.effects.contains { if case .revoke = $0 { true } else { false } })
    }
}
