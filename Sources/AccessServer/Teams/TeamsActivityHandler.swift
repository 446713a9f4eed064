import AccessCore
import Foundation
import Hummingbird
import Logging
import TeamsAdapter

/// Acts on a validated activity: installs, typed commands and card actions. Typed commands are
/// answered through the Connector (the HTTP answer to a message carries nothing); invokes are
/// answered in the HTTP response, inside Teams' few seconds.
struct TeamsActivityHandler: Sendable {
    let routes: TeamsRoutes

    func handle(_ activity: TeamsActivity, context: AppRequestContext) async throws -> Response {
        var logger = context.logger
        logger[metadataKey: "platform"] = "teams"
        if let from = activity.from { logger[metadataKey: "teams.user"] = "\(from.id)" }
        let inbound = activity.inbound
        guard let ready = routes.state.ready else {
            if case .cardAction(_, .invoke) = inbound { return TeamsRoutes.json(InvokeResponse.message(TeamsReplies.notReady().text)) }
            throw HTTPError(.serviceUnavailable, message: "not ready")
        }
        let conversations = TeamsConversations(store: ready.store)
        switch inbound {
        case .ignored(let what):
            logger.debug("activity ignored", metadata: ["activity": "\(what)"])
            return Response(status: .ok)
        case .installed:
            try await conversations.install(activity)
            if activity.conversation.conversationType == "personal" {
                // A personal install is the chat cards will come to: remember whose it is.
                let person = try? await routes.identity(ready).person(for: activity)
                try await conversations.remember(activity, person: person ?? nil)
            }
            logger.info("installed", metadata: ["conversation.type": "\(activity.conversation.conversationType ?? "?")"])
            Task { await send(TeamsReplies.greeting(), to: activity, logger: logger) }
            return Response(status: .ok)
        case .uninstalled:
            try await conversations.uninstall(activity)
            logger.info("uninstalled")
            return Response(status: .ok)
        case .command(let intent):
            // The Bot Service may deliver an activity twice; act once.
            if let id = activity.id,
                !(try await ready.store.firstSighting(of: "teams:activity:\(activity.conversation.id):\(id)", now: Date()))
            {
                return Response(status: .ok)
            }
            let content = await answer(intent, activity: activity, ready: ready, logger: logger)
            // What the command changed is committed; the reply leaves after the acknowledgement.
            Task { await send(content, to: activity, logger: logger) }
            return Response(status: .ok)
        case .cardAction(let action, let source):
            let cards = TeamsCardActionHandler(routes: routes, ready: ready, activity: activity, logger: logger)
            let answer = await cards.handle(action)
            switch source {
            case .invoke:
                return TeamsRoutes.json(answer.invoke)
            case .submit:
                // An Action.Submit fallback cannot replace the card: say it in the chat.
                if let chat = answer.chat { await send(chat, to: activity, logger: logger) }
                return Response(status: .ok)
            }
        }
    }

    private func answer(_ intent: ChatIntent, activity: TeamsActivity, ready: ReadyState, logger: Logger) async -> TeamsMessageContent {
        let service = ready.service
        switch intent {
        case .help: return TeamsReplies.help()
        case .invalid(let reason): return TeamsReplies.invalid(reason)
        case .openRequestForm:
            let form = TeamsForms.chooseType(catalog: service.catalog)
            return TeamsMessageContent(text: "Request access", card: form)
        default: break
        }
        do {
            let person = try await routes.identity(ready).person(for: activity)
            try await TeamsConversations(store: ready.store).remember(activity, person: person)
            guard let person else { return TeamsReplies.unknownPerson() }
            var logger = logger
            logger[metadataKey: "user"] = "\(person)"
            switch intent {
            case .quickRequest(let quick):
                let outcome = try await service.submit(
                    quick, by: person, origin: Origin(platform: .teams, conversation: activity.conversation.id))
                logger.info("request submitted", metadata: ["access_request": "\(outcome.request.id)"])
                return TeamsReplies.submitted(outcome.request, catalog: service.catalog)
            case .status(nil):
                return TeamsReplies.status(try await service.openRequests(of: person), catalog: service.catalog)
            case .status(let id?):
                return TeamsReplies.status(of: try await service.request(id, visibleTo: person), catalog: service.catalog, now: service.now)
            case .pending:
                return TeamsReplies.pending(try await service.awaitingDecision(by: person), catalog: service.catalog)
            case .cancel(let id):
                try await service.perform(.cancel(by: .user(person), reason: "cancelled by the requester"), on: id)
                logger.info("request cancelled", metadata: ["access_request": "\(id)"])
                return TeamsReplies.cancelled(id)
            case .help, .invalid, .openRequestForm:
                return TeamsReplies.help()
            }
        } catch {
            return TeamsRoutes.reply(for: error, logger: logger)
        }
    }

    /// Replies in the activity's conversation. A failed reply is logged: the command itself
    /// (a request, a cancel) is already committed and its cards leave from the outbox.
    private func send(_ content: TeamsMessageContent, to activity: TeamsActivity, logger: Logger) async {
        do {
            _ = try await routes.connector.send(
                OutgoingActivity(content, summary: "AccessBot"), to: activity.conversation.id, serviceURL: activity.serviceUrl)
        } catch {
            logger.warning("teams reply failed", metadata: ["error": "\(error)"])
        }
    }
}
