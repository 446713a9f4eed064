import AccessCore
import Foundation
import Hummingbird
import Logging
import SlackAdapter

/// Button clicks and modal submissions. Decisions go through the workflow with a version
/// check, so a double click or twenty approvers at once make one decision; the losers are
/// told ephemerally who decided. Cards are updated from the outbox.
struct SlackInteractionHandler: Sendable {
    let routes: SlackRoutes

    func handle(body: [UInt8], context: AppRequestContext) async throws -> Response {
        let interaction: SlackInteraction
        do {
            interaction = try SlackInteraction.decode(formBody: body)
        } catch {
            throw HTTPError(.badRequest, message: "malformed interaction: \(error)")
        }
        var logger = context.logger
        logger[metadataKey: "platform"] = "slack"
        logger[metadataKey: "slack.user"] = "\(interaction.userID)"
        guard let ready = routes.ready else {
            await tell(interaction, SlackRoutes.notReady, logger: logger)
            return Response(status: .ok)
        }
        let person: UserID
        do {
            guard let found = try await routes.identity(ready).person(slackUser: interaction.userID) else {
                await tell(interaction, SlackReplies.unknownPerson(), logger: logger)
                return Response(status: .ok)
            }
            person = found
        } catch {
            await tell(interaction, SlackRoutes.reply(for: error, logger: logger), logger: logger)
            return Response(status: .ok)
        }
        logger[metadataKey: "user"] = "\(person)"
        let service = ready.service

        switch interaction.kind {
        case .cardAction(.deny(let id, reason: nil), _):
            // The Deny button: ask for a reason in a modal (opened now, the trigger lives 3 s).
            do {
                let request = try await service.request(id, visibleTo: person)
                _ = try await service.workflow.handle(.deny(by: person, reason: "check"), on: request, now: service.now)
                guard let trigger = interaction.triggerID else { return Response(status: .ok) }
                let mentions = await routes.identity(ready).mentions(for: request)
                _ = try await routes.api.openView(
                    triggerID: trigger, view: SlackViews.denyReason(request: request, catalog: service.catalog, mentions: mentions))
            } catch {
                await tell(interaction, SlackRoutes.reply(for: error, logger: logger), logger: logger)
            }
            return Response(status: .ok)

        case .cardAction(.deny(let id, reason: let reason?), .modal):
            do {
                try await service.perform(.deny(by: person, reason: reason), on: id)
                logger.info("request denied", metadata: ["access_request": "\(id)"])
                await refreshHome(person, ready: ready, logger: logger)
                return Response(status: .ok)
            } catch let error as WorkflowError {
                return SlackRoutes.json(SlackViews.denyReasonErrors(for: error).jsonBody)
            }

        case .cardAction(let action, let source):
            do {
                let command: Command =
                    switch action {
                    case .approve: .approve(by: person)
                    case .deny(_, let reason): .deny(by: person, reason: reason ?? "")
                    case .markGranted(_, let resource): .grantCompleted(resource, by: .user(person))
                    }
                try await service.perform(command, on: action.requestID)
                logger.info("card action", metadata: ["access_request": "\(action.requestID)", "action": "\(command.logName)"])
                if case .homeTab = source { await refreshHome(person, ready: ready, logger: logger) }
            } catch {
                await tell(interaction, SlackRoutes.reply(for: error, logger: logger), logger: logger)
            }
            return Response(status: .ok)

        case .openRequestForm:
            if let trigger = interaction.triggerID {
                do {
                    _ = try await routes.api.openView(triggerID: trigger, view: SlackViews.requestForm(catalog: service.catalog))
                } catch {
                    logger.warning("views.open failed", metadata: ["error": "\(error)"])
                }
            }
            return Response(status: .ok)

        case .requestTypeChosen(let type, let view):
            do {
                _ = try await routes.api.updateView(view, view: SlackViews.requestForm(catalog: service.catalog, requestType: type))
            } catch {
                logger.warning("views.update failed", metadata: ["error": "\(error)"])
            }
            return Response(status: .ok)

        case .requestSubmitted(let form, _):
            do {
                let outcome = try await service.submit(form, by: person, origin: Origin(platform: .slack))
                logger.info("request submitted", metadata: ["access_request": "\(outcome.request.id)"])
                return Response(status: .ok)
            } catch let error as WorkflowError {
                return SlackRoutes.json(SlackViews.requestFormErrors(for: error).jsonBody)
            } catch {
                let content = SlackRoutes.reply(for: error, logger: logger)
                return SlackRoutes.json(SlackViewResponse.errors(["request_type": content.text]).jsonBody)
            }
        }
    }

    /// An ephemeral answer to the person who clicked, through the interaction's response_url.
    private func tell(_ interaction: SlackInteraction, _ content: SlackMessageContent, logger: Logger) async {
        guard let url = interaction.responseURL else { return }
        do {
            try await routes.api.respond(via: url, .ephemeral(content))
        } catch {
            logger.warning("response_url reply failed", metadata: ["error": "\(error)"])
        }
    }

    /// Republishes the clicker's Home tab so it shows the new state.
    private func refreshHome(_ person: UserID, ready: ReadyState, logger: Logger) async {
        await SlackHomePublisher(routes: routes, ready: ready).publish(for: person, logger: logger)
    }
}
