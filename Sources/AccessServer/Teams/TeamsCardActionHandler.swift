import AccessCore
import Foundation
import Logging
import TeamsAdapter

/// What a card action answers: the invoke response (replaces the clicker's card), and the same
/// in words for the chat when the click came as an `Action.Submit` fallback.
struct TeamsCardAnswer: Sendable {
    var invoke: InvokeResponse
    var chat: TeamsMessageContent?

    static func card(_ card: AdaptiveCard, saying chat: TeamsMessageContent? = nil) -> TeamsCardAnswer {
        TeamsCardAnswer(invoke: .card(card), chat: chat)
    }

    static func message(_ content: TeamsMessageContent) -> TeamsCardAnswer {
        TeamsCardAnswer(invoke: .message(content.text), chat: content)
    }
}

/// Approve, deny, mark granted, and the request form. Decisions go through the workflow with a
/// version check, so a double click or twenty approvers at once make one decision; the losers
/// get the card as it is now with "already approved by X". Every other copy of the card, on
/// Teams and on Slack, is updated from the outbox (`updateCards`).
struct TeamsCardActionHandler: Sendable {
    let routes: TeamsRoutes
    let ready: ReadyState
    let activity: TeamsActivity
    let logger: Logger

    func handle(_ action: TeamsCardAction) async -> TeamsCardAnswer {
        let service = ready.service
        let person: UserID
        do {
            guard let found = try await routes.identity(ready).person(for: activity) else { return .message(TeamsReplies.unknownPerson()) }
            person = found
        } catch {
            return .message(TeamsRoutes.reply(for: error, logger: logger))
        }
        var logger = logger
        logger[metadataKey: "user"] = "\(person)"

        switch action {
        case .decide(let decision, let step):
            return await decide(decision, shownStep: step, by: person, logger: logger)
        case .refresh(let id):
            do {
                let request = try await service.request(id, visibleTo: person)
                return .card(TeamsCards.current(request: request, catalog: service.catalog, now: service.now))
            } catch {
                return .message(TeamsRoutes.reply(for: error, logger: logger))
            }
        case .chooseType(let type):
            guard let type, service.catalog.requestType(type) != nil else { return .card(TeamsForms.chooseType(catalog: service.catalog)) }
            return .card(TeamsForms.requestForm(catalog: service.catalog, requestType: type))
        case .submitRequest(let form):
            guard service.catalog.requestType(form.requestType) != nil else {
                return .card(TeamsForms.chooseType(catalog: service.catalog))
            }
            do {
                let outcome = try await service.submit(
                    form, by: person, origin: Origin(platform: .teams, conversation: activity.conversation.id))
                logger.info("request submitted", metadata: ["access_request": "\(outcome.request.id)"])
                let submitted = TeamsReplies.submitted(outcome.request, catalog: service.catalog)
                return .card(AdaptiveCard(body: [.text(submitted.text)]), saying: submitted)
            } catch let error as WorkflowError {
                let form = TeamsForms.requestForm(catalog: service.catalog, requestType: form.requestType, error: error.description)
                return .card(form, saying: TeamsReplies.error(error))
            } catch {
                return .message(TeamsRoutes.reply(for: error, logger: logger))
            }
        case .unknown(let verb):
            logger.notice("unknown card verb", metadata: ["verb": "\(verb)"])
            return .message(TeamsReplies.unknownAction())
        }
    }

    private func decide(_ action: AccessCore.CardAction, shownStep: Int?, by person: UserID, logger: Logger) async -> TeamsCardAnswer {
        let service = ready.service
        let id = action.requestID
        do {
            let request = try await service.request(id, visibleTo: person)
            if let shownStep, request.status == .pending, shownStep != request.currentStep {
                // The card showed an older step: show what is being decided now instead of deciding blind.
                let notice = "This card was out of date; here it is as it is now."
                return .card(
                    TeamsCards.current(request: request, catalog: service.catalog, now: service.now, notice: notice),
                    saying: TeamsMessageContent(text: notice))
            }
            let command: Command
            switch action {
            case .approve: command = .approve(by: person)
            case .deny(_, let reason?): command = .deny(by: person, reason: reason)
            case .deny(_, nil):
                // Check the person may decide at all before asking for a reason.
                _ = try service.workflow.handle(.deny(by: person, reason: "check"), on: request, now: service.now)
                let notice = "A reason is required to deny. Type it in the box and press Deny again."
                return .card(
                    TeamsCards.current(request: request, catalog: service.catalog, now: service.now, notice: notice),
                    saying: TeamsMessageContent(text: notice))
            case .markGranted(_, let resource): command = .grantCompleted(resource, by: .user(person))
            }
            let outcome = try await service.perform(command, on: id)
            logger.info("card action", metadata: ["access_request": "\(id)", "action": "\(command.logName)"])
            return .card(TeamsCards.current(request: outcome.request, catalog: service.catalog, now: service.now))
        } catch let error as WorkflowError {
            // Already decided, not an approver, …: the card as it is now, with why.
            guard let request = try? await service.store.request(id) else { return .message(TeamsReplies.error(error)) }
            return .card(
                TeamsCards.current(request: request, catalog: service.catalog, now: service.now, notice: error.description),
                saying: TeamsReplies.error(error))
        } catch {
            return .message(TeamsRoutes.reply(for: error, logger: logger))
        }
    }
}
