import AccessCore
import AccessTesting
import Foundation
import Testing

/// Escalation lets the owning team decide a stalled step from the escalation channel.
@Suite struct EscalationTests {
    let workflow = Workflow(catalog: SampleCatalog.catalog)
    let now = SampleCatalog.epoch

    @Test func theOwningTeamMayDecideOnceEscalated() throws {
        // github-admin waits on alice's manager bob; its owning team is it-ops (carol, dave).
        let start = try workflow.submit(SampleCatalog.githubSubmission(), now: now).request
        #expect(throws: WorkflowError.notAnApprover(SampleCatalog.dave)) {
            try workflow.handle(.approve(by: SampleCatalog.dave), on: start, now: now)
        }
        let escalated = try workflow.handle(.timerFired(.escalate), on: start, now: now.addingTimeInterval(86_400))
        #expect(escalated.request.steps[0].eligible == [SampleCatalog.bob, SampleCatalog.carol, SampleCatalog.dave])
        #expect(escalated.request.steps[1].eligible == [SampleCatalog.carol, SampleCatalog.dave], "later steps keep their approvers")
        #expect(escalated.audit.map(\.reason) == ["waiting on bob@example.com"])
        #expect(escalated.request.currentApprovers.contains(SampleCatalog.dave))

        let approved = try workflow.handle(.approve(by: SampleCatalog.dave), on: escalated.request, now: now.addingTimeInterval(86_401))
        #expect(approved.request.currentStep == 1)
        #expect(approved.request.decisions.map(\.approver) == [SampleCatalog.dave])
    }

    @Test func theOwningTeamMayDenyOnceEscalated() throws {
        let start = try workflow.submit(SampleCatalog.githubSubmission(), now: now).request
        let escalated = try workflow.handle(.timerFired(.escalate), on: start, now: now).request
        let denied = try workflow.handle(.deny(by: SampleCatalog.carol, reason: "not on call"), on: escalated, now: now)
        #expect(denied.request.status == .denied)
    }

    @Test func theRequesterNeverJoinsTheirOwnStep() throws {
        // Carol is in it-ops and asks herself: escalation adds dave, not her.
        var submission = SampleCatalog.githubSubmission()
        submission.requester = try #require(SampleCatalog.catalog.user(SampleCatalog.carol))
        let start = try workflow.submit(submission, now: now).request
        let escalated = try workflow.handle(.timerFired(.escalate), on: start, now: now).request
        #expect(escalated.steps[0].eligible == [SampleCatalog.bob, SampleCatalog.dave])
        #expect(throws: WorkflowError.selfApproval) {
            try workflow.handle(.approve(by: SampleCatalog.carol), on: escalated, now: now)
        }
    }

    @Test func aStepTheTeamAlreadyDecidesIsUnchangedAndLateEscalationsDoNothing() throws {
        // aws-prod is decided by its own owning team (security): nobody is added twice.
        let submission = Submission(
            id: "R-AWS00001", requester: DirectoryUser(id: SampleCatalog.alice, manager: SampleCatalog.bob), requestType: "aws-prod",
            resources: ["aws-prod"], answers: [Answer(question: "reason", value: "audit")], origin: Origin(platform: .slack))
        let start = try workflow.submit(submission, now: now).request
        let escalated = try workflow.handle(.timerFired(.escalate), on: start, now: now).request
        #expect(escalated.steps[0].eligible == start.steps[0].eligible)

        let cancelled = try workflow.handle(.cancel(by: .user(SampleCatalog.alice), reason: nil), on: start, now: now).request
        #expect(try workflow.handle(.timerFired(.escalate), on: cancelled, now: now).isNoOp)
    }
}
