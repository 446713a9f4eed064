import AccessCore
import Foundation
import Hummingbird
import Logging
import SlackAdapter

/// Events API: the URL handshake, and `app_home_opened`. Repeated event ids (Slack retries)
/// are acknowledged and not acted on twice.
struct SlackEventHandler: Sendable {
    let routes: SlackRoutes

    func handle(body: [UInt8], context: AppRequestContext) async throws -> Response {
        let envelope: SlackEventEnvelope
        do {
            envelope = try SlackEventEnvelope.decode(jsonBody: body)
        } catch {
            throw HTTPError(.badRequest, message: "malformed event: \(error)")
        }
        switch envelope {
        case .urlVerification(let challenge):
            return SlackRoutes.json(Array((try? JSONEncoder().encode(["challenge": challenge])) ?? Data()))
        case .ignored:
            return Response(status: .ok)
        case .callback(let callback):
            // Without the database we cannot deduplicate: let Slack retry later.
            guard let ready = routes.ready else { throw HTTPError(.serviceUnavailable, message: "not ready") }
            guard try await ready.store.firstSighting(of: callback.deduplicationKey, now: Date()) else {
                return Response(status: .ok)
            }
            if case .appHomeOpened(let slackUser, .home) = callback.event {
                // Ack first; the Home tab is published right after (a lost publish is redone on the next open).
                let publisher = SlackHomePublisher(routes: routes, ready: ready)
                let logger = context.logger
                Task {
                    guard let person = try? await routes.identity(ready).person(slackUser: slackUser) else { return }
                    await publisher.publish(for: person, slackUser: slackUser, logger: logger)
                }
            }
            return Response(status: .ok)
        }
    }
}

/// Publishes a person's App Home: their requests and what waits on them.
struct SlackHomePublisher: Sendable {
    let routes: SlackRoutes
    let ready: ReadyState

    func publish(for person: UserID, slackUser: String? = nil, logger: Logger) async {
        do {
            let identity = routes.identity(ready)
            var target = slackUser
            if target == nil { target = try await identity.slackUser(for: person) }
            guard let slackUser = target else { return }
            let service = ready.service
            let mine = try await service.openRequests(of: person)
            let waiting = try await service.awaitingDecision(by: person)
            var mentions: [UserID: String] = [person: slackUser]
            for request in mine + waiting {
                if let id = try? await ready.store.platformUserID(platform: .slack, user: request.requester) {
                    mentions[request.requester] = id
                }
            }
            let view = SlackHome.view(
                mine: mine, waitingOnMe: waiting, catalog: service.catalog, mentions: SlackMentions(mentions), now: service.now)
            try await routes.api.publishHome(userID: slackUser, view: view)
        } catch {
            logger.warning("home publish failed", metadata: ["error": "\(error)"])
        }
    }
}
