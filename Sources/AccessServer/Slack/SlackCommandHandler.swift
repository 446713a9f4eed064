import AccessCore
import Foundation
import Hummingbird
import Logging
import SlackAdapter

/// `/access …`: always answered inside Slack's 3 seconds with an ephemeral reply. The
/// request is persisted with its cards in the outbox before the reply; cards leave afterwards.
struct SlackCommandHandler: Sendable {
    let routes: SlackRoutes

    func handle(body: [UInt8], context: AppRequestContext) async throws -> Response {
        let command: SlashCommand
        do {
            command = try SlashCommand.decode(formBody: body)
        } catch {
            throw HTTPError(.badRequest, message: "malformed slash command: \(error)")
        }
        var logger = context.logger
        logger[metadataKey: "platform"] = "slack"
        logger[metadataKey: "slack.user"] = "\(command.userID)"
        guard let ready = routes.ready else { return SlackRoutes.ephemeral(SlackRoutes.notReady) }

        let intent = command.intent
        switch intent {
        case .help:
            return SlackRoutes.ephemeral(SlackReplies.help())
        case .invalid(let reason):
            return SlackRoutes.ephemeral(SlackReplies.invalid(reason))
        case .openRequestForm:
            // trigger_id lives three seconds: the modal is opened here, not from the outbox.
            guard let trigger = command.triggerID else { return SlackRoutes.ephemeral(SlackReplies.help()) }
            do {
                _ = try await routes.api.openView(triggerID: trigger, view: SlackViews.requestForm(catalog: ready.service.catalog))
                return Response(status: .ok)
            } catch {
                logger.warning("views.open failed", metadata: ["error": "\(error)"])
                return SlackRoutes.ephemeral(
                    SlackMessageContent(text: "I could not open the request form. Try `/access request RESOURCE for 4h because …` instead.")
                )
            }
        default:
            break
        }

        do {
            guard let person = try await routes.identity(ready).person(slackUser: command.userID) else {
                return SlackRoutes.ephemeral(SlackReplies.unknownPerson())
            }
            logger[metadataKey: "user"] = "\(person)"
            return try await SlackRoutes.ephemeral(answer(intent, person: person, command: command, ready: ready, logger: logger))
        } catch {
            return SlackRoutes.ephemeral(SlackRoutes.reply(for: error, logger: logger))
        }
    }

    private func answer(
        _ intent: ChatIntent, person: UserID, command: SlashCommand, ready: ReadyState, logger: Logger
    ) async throws -> SlackMessageContent {
        let service = ready.service
        let identity = routes.identity(ready)
        switch intent {
        case .quickRequest(let quick):
            let outcome = try await service.submit(quick, by: person, origin: Origin(platform: .slack, conversation: command.channelID))
            logger.info("request submitted", metadata: ["access_request": "\(outcome.request.id)"])
            return SlackReplies.submitted(
                outcome.request, catalog: service.catalog, mentions: await identity.mentions(for: outcome.request))
        case .status(nil):
            let mine = try await service.openRequests(of: person)
            return SlackReplies.status(mine, catalog: service.catalog, mentions: SlackMentions())
        case .status(let id?):
            let request = try await service.request(id, visibleTo: person)
            return SlackReplies.status(
                of: request, catalog: service.catalog, mentions: await identity.mentions(for: request), now: service.now)
        case .pending:
            let waiting = try await service.awaitingDecision(by: person)
            return SlackReplies.pending(waiting, catalog: service.catalog, mentions: SlackMentions())
        case .cancel(let id):
            try await service.perform(.cancel(by: .user(person), reason: "cancelled by the requester"), on: id)
            logger.info("request cancelled", metadata: ["access_request": "\(id)"])
            return SlackReplies.cancelled(id)
        case .help, .invalid, .openRequestForm:
            return SlackReplies.help()
        }
    }
}
