import AccessCore
import AccessTesting
import Foundation
import Testing

@Suite struct DecisionTests {
    let workflow = Workflow(catalog: SampleCatalog.catalog)
    let now = SampleCatalog.epoch

    func submitted() throws -> AccessRequest {
        try workflow.submit(SampleCatalog.githubSubmission(), now: now).request
    }

    @Test func approvalsWalkTheStepsThenGrant() throws {
        let first = try workflow.handle(.approve(by: SampleCatalog.bob), on: submitted(), now: now)
        #expect(first.request.status == .pending)
        #expect(first.request.currentStep == 1)
        #expect(first.request.version == 2)
        #expect(first.expectedVersion == 1)
        #expect(first.request.currentApprovers == [SampleCatalog.carol, SampleCatalog.dave])
        #expect(
            first.effects.contains(
                .card(CardDelivery(requestID: "R-TEST0001", audience: .channel(ChannelRef(slack: "C0ITOPS")), purpose: .approval))))

        let second = try workflow.handle(.approve(by: SampleCatalog.carol), on: first.request, now: now)
        #expect(second.request.status == .approved)
        #expect(second.request.decidedAt == now)
        #expect(
            second.effects.contains(
                .grant(
                    GrantOrder(
                        requestID: "R-TEST0001", resource: "github-admins", user: SampleCatalog.alice, method: .oktaGroup("00g1a2b3c4")))))
        #expect(second.effects.contains(.updateCards("R-TEST0001")))
        #expect(second.audit.map(\.action) == [.approved])
    }

    @Test func requesterCannotApproveOwnRequest() throws {
        #expect(throws: WorkflowError.selfApproval) { try workflow.handle(.approve(by: SampleCatalog.alice), on: submitted(), now: now) }
        #expect(throws: WorkflowError.selfApproval) {
            try workflow.handle(.deny(by: SampleCatalog.alice, reason: "no"), on: submitted(), now: now)
        }
    }

    @Test func onlyCurrentStepApproversDecide() throws {
        // carol approves step 2, not step 1.
        #expect(throws: WorkflowError.notAnApprover(SampleCatalog.carol)) {
            try workflow.handle(.approve(by: SampleCatalog.carol), on: submitted(), now: now)
        }
        #expect(throws: WorkflowError.notAnApprover(SampleCatalog.frank)) {
            try workflow.handle(.deny(by: SampleCatalog.frank, reason: "x"), on: submitted(), now: now)
        }
    }

    @Test func countCountsDistinctPeople() throws {
        let submission = Submission(
            id: "R-AWS00001", requester: DirectoryUser(id: SampleCatalog.alice, manager: SampleCatalog.bob), requestType: "aws-prod",
            resources: ["aws-prod"], answers: [Answer(question: "reason", value: "deploy")], origin: Origin(platform: .slack))
        let start = try workflow.submit(submission, now: now).request
        let once = try workflow.handle(.approve(by: SampleCatalog.erin), on: start, now: now)
        #expect(once.request.status == .pending)
        #expect(throws: WorkflowError.alreadyVoted(SampleCatalog.erin)) {
            try workflow.handle(.approve(by: SampleCatalog.erin), on: once.request, now: now)
        }
        let twice = try workflow.handle(.approve(by: SampleCatalog.dave), on: once.request, now: now)
        #expect(twice.request.status == .approved)
    }

    @Test func anyDenyEndsTheRequest() throws {
        let first = try workflow.handle(.approve(by: SampleCatalog.bob), on: submitted(), now: now)
        let denied = try workflow.handle(.deny(by: SampleCatalog.dave, reason: "not on call"), on: first.request, now: now)
        #expect(denied.request.status == .denied)
        #expect(denied.request.endReason == "not on call")
        #expect(
            denied.effects.contains(
                .notify(
                    Notification(
                        requestID: "R-TEST0001", audience: .user(SampleCatalog.alice),
                        notice: .denied(by: SampleCatalog.dave, reason: "not on call")))))
        #expect(denied.effects.contains(.cancelTimers("R-TEST0001")))
        #expect(!denied.effects.contains { if case .grant = $0 { true } else { false } })
    }

    @Test func decisionsOnSettledRequestsGetATypedReason() throws {
        let approved = try workflow.handle(.approve(by: SampleCatalog.bob), on: submitted(), now: now)
        let done = try workflow.handle(.approve(by: SampleCatalog.carol), on: approved.request, now: now)
        let error = #expect(throws: WorkflowError.self) {
            try workflow.handle(.approve(by: SampleCatalog.dave), on: done.request, now: now)
        }
        #expect(error == .alreadyDecided(.approved, by: [SampleCatalog.bob, SampleCatalog.carol], at: now))
        #expect(error?.description == "This request was already approved by bob@example.com, carol@example.com.")

        let denied = try workflow.handle(.deny(by: SampleCatalog.bob, reason: "no"), on: submitted(), now: now)
        let late = #expect(throws: WorkflowError.self) {
            try workflow.handle(.approve(by: SampleCatalog.bob), on: denied.request, now: now)
        }
        #expect(late?.description == "This request was already denied by bob@example.com.")
    }

    @Test func onlyTheRequesterCancelsAndOnlyWhilePending() throws {
        #expect(throws: WorkflowError.notRequester(SampleCatalog.bob)) {
            try workflow.handle(.cancel(by: .user(SampleCatalog.bob), reason: nil), on: submitted(), now: now)
        }
        let cancelled = try workflow.handle(.cancel(by: .user(SampleCatalog.alice), reason: "not needed"), on: submitted(), now: now)
        #expect(cancelled.request.status == .cancelled)
        #expect(cancelled.request.endedAt == now)
        #expect(throws: WorkflowError.self) {
            try workflow.handle(.cancel(by: .user(SampleCatalog.alice), reason: nil), on: cancelled.request, now: now)
        }
        let bySystem = try workflow.handle(.cancel(by: .system, reason: "requester deactivated"), on: submitted(), now: now)
        #expect(
            bySystem.effects.contains(
                .notify(
                    Notification(
                        requestID: "R-TEST0001", audience: .user(SampleCatalog.alice),
                        notice: .cancelled(by: .system, reason: "requester deactivated")))))
    }

    @Test func everyTransitionIsAudited() throws {
        let first = try workflow.handle(.approve(by: SampleCatalog.bob, comment: "ok"), on: submitted(), now: now)
        let event = try #require(first.audit.first)
        #expect(event.actor == .user(SampleCatalog.bob))
        #expect(event.action == .stepApproved)
        #expect(event.reason == "ok")
        #expect(event.at == now)
    }
}
