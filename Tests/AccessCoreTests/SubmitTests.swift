import AccessCore
import AccessTesting
import Foundation
import Testing

@Suite struct SubmitTests {
    let workflow = Workflow(catalog: SampleCatalog.catalog)

    @Test func submissionStartsPendingWithCardsForTheManagerAndTimers() throws {
        let outcome = try workflow.submit(SampleCatalog.githubSubmission(), now: SampleCatalog.epoch)
        let request = outcome.request
        #expect(request.status == .pending)
        #expect(request.version == 1)
        #expect(outcome.expectedVersion == nil)
        #expect(request.steps.count == 2)
        #expect(request.currentApprovers == [SampleCatalog.bob])
        #expect(request.accessDuration == .hours(4))
        #expect(
            outcome.effects.contains(.card(CardDelivery(requestID: request.id, audience: .user(SampleCatalog.bob), purpose: .approval))))
        let timers = outcome.effects.compactMap { effect -> TimerKind? in
            if case .schedule(let timer) = effect { return timer.kind }
            return nil
        }
        #expect(timers == [.remind, .escalate, .expire])
        #expect(outcome.audit.map(\.action) == [.submitted])
    }

    @Test func durationIsCappedByTheResourceMaximum() throws {
        let outcome = try workflow.submit(SampleCatalog.githubSubmission(duration: "2d"), now: SampleCatalog.epoch)
        #expect(outcome.request.accessDuration == .hours(8))
        #expect(
            outcome.effects.contains(
                .notify(
                    Notification(
                        requestID: outcome.request.id, audience: .user(SampleCatalog.alice), notice: .durationCapped(to: .hours(8))))))
    }

    @Test func missingDurationTakesTheShortestOption() throws {
        let outcome = try workflow.submit(SampleCatalog.githubSubmission(duration: nil), now: SampleCatalog.epoch)
        #expect(outcome.request.accessDuration == .hours(1))
    }

    @Test func unknownResourceSuggestsCloseNames() throws {
        var submission = SampleCatalog.githubSubmission()
        submission.resources = ["github-admns"]
        #expect(throws: WorkflowError.unknownResource("github-admns", suggestions: ["github-admins"])) {
            try workflow.submit(submission, now: SampleCatalog.epoch)
        }
        #expect(SampleCatalog.catalog.resourceSuggestions(for: "prod_db") == ["prod-db"])
        #expect(SampleCatalog.catalog.resourceSuggestions(for: "zzzzzzzzzz").isEmpty)
    }

    @Test func requiredAnswersAndListChoicesAreChecked() throws {
        var submission = SampleCatalog.githubSubmission()
        submission.answers = [Answer(question: "duration", value: "4h")]
        #expect(throws: WorkflowError.missingAnswer("reason", question: "Why do you need it?")) {
            try workflow.submit(submission, now: SampleCatalog.epoch)
        }
        submission.answers = [Answer(question: "reason", value: "x"), Answer(question: "duration", value: "forever")]
        #expect(throws: WorkflowError.self) { try workflow.submit(submission, now: SampleCatalog.epoch) }
    }

    @Test func resourceMustBelongToTheRequestType() throws {
        var submission = SampleCatalog.githubSubmission()
        submission.resources = ["aws-prod"]
        #expect(throws: WorkflowError.resourceNotOffered("aws-prod", by: "github-admin")) {
            try workflow.submit(submission, now: SampleCatalog.epoch)
        }
    }

    @Test func managerStepWithoutAManagerIsRefused() throws {
        var submission = SampleCatalog.githubSubmission()
        submission.requester = DirectoryUser(id: SampleCatalog.frank)
        #expect(throws: WorkflowError.noManager(SampleCatalog.frank)) { try workflow.submit(submission, now: SampleCatalog.epoch) }
    }

    @Test func inactiveRequesterIsRefused() throws {
        var submission = SampleCatalog.githubSubmission()
        submission.requester.active = false
        #expect(throws: WorkflowError.requesterInactive(SampleCatalog.alice)) { try workflow.submit(submission, now: SampleCatalog.epoch) }
    }

    @Test func requesterIsNeverAnEligibleApprover() throws {
        // dave is in the security team, which needs two approvals: without dave only erin is left.
        let submission = Submission(
            id: "R-DAVE0001", requester: DirectoryUser(id: SampleCatalog.dave, manager: SampleCatalog.bob), requestType: "aws-prod",
            resources: ["aws-prod"], answers: [Answer(question: "reason", value: "deploy")], origin: Origin(platform: .slack))
        #expect(throws: WorkflowError.noEligibleApprovers(step: 0)) { try workflow.submit(submission, now: SampleCatalog.epoch) }
    }

    @Test func fixedDurationIsCappedToo() throws {
        let submission = Submission(
            id: "R-DB000001", requester: DirectoryUser(id: SampleCatalog.alice, manager: SampleCatalog.bob), requestType: "prod-db",
            resources: ["prod-db"], origin: Origin(platform: .teams))
        let outcome = try workflow.submit(submission, now: SampleCatalog.epoch)
        #expect(outcome.request.accessDuration == .hours(2))
        #expect(outcome.request.currentApprovers == [SampleCatalog.erin])
    }
}
