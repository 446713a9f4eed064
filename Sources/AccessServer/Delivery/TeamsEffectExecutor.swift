import AccessCore
import AccessStore
import Foundation
import Logging
import TeamsAdapter

/// Carries out chat effects on Teams: approval cards in approvers' personal chats (opened when
/// needed) and in team channels, a PUT of every posted copy after a change, and plain notices.
/// Cards are rendered from the request as it is at delivery time.
struct TeamsEffectExecutor: EffectExecutor {
    let platform: Origin.Platform? = .teams
    let connector: BotConnectorClient
    let catalog: Catalog
    let teams: TeamsConfiguration
    let identities: IdentityCache
    let pacer: ChannelPacer
    let logger: Logger

    func handles(_ effect: Effect) -> Bool { effect.isChatMessage }

    func execute(_ message: OutboxMessage, ready: ReadyState) async -> DeliveryResult {
        do {
            guard let request = try await ready.store.request(message.effect.requestID) else {
                return .dead(reason: "request \(message.effect.requestID) no longer exists")
            }
            let identity = TeamsIdentity(connector: connector, store: ready.store, cache: identities, teams: teams)
            switch message.effect {
            case .card(let delivery):
                guard let target = try await target(for: delivery.audience, identity: identity, ready: ready) else { return .delivered }
                if let wait = pacer.reserve(target.conversation, for: message.id) { return .paced(wait) }
                let card = TeamsCards.card(for: request, purpose: delivery.purpose, catalog: catalog, now: Date())
                let activity = OutgoingActivity.card(card, summary: TeamsCards.summary(for: request, catalog: catalog))
                let id = try await paced(target.conversation) {
                    try await connector.send(activity, to: target.conversation, serviceURL: target.serviceURL)
                }
                return .posted(
                    CardCopy(
                        requestID: request.id, platform: .teams, conversation: target.conversation, messageID: id,
                        serviceURL: target.serviceURL))
            case .updateCards:
                return try await updateCopies(of: request, ready: ready)
            case .notify(let notification):
                if notification.isForRequester(of: request, elsewhereThan: .teams) { return .delivered }
                guard let target = try await target(for: notification.audience, identity: identity, ready: ready) else {
                    return .delivered
                }
                if let wait = pacer.reserve(target.conversation, for: message.id) { return .paced(wait) }
                let content = TeamsNotices.message(for: notification, request: request, catalog: catalog)
                let activity = OutgoingActivity(content, summary: TeamsCards.summary(for: request, catalog: catalog))
                _ = try await paced(target.conversation) {
                    try await connector.send(activity, to: target.conversation, serviceURL: target.serviceURL)
                }
                return .delivered
            default:
                return .dead(reason: "not a Teams effect")
            }
        } catch let error as TeamsAPIError {
            return Self.result(for: error)
        } catch {
            return .retry(after: nil, reason: "\(error)")
        }
    }

    /// PUTs the current card over every Teams copy; a copy that is gone does not block the others.
    private func updateCopies(of request: AccessRequest, ready: ReadyState) async throws -> DeliveryResult {
        let copies = try await ready.store.cardCopies(of: request.id).filter { $0.platform == .teams }
        guard !copies.isEmpty else { return .delivered }
        let card = TeamsCards.current(request: request, catalog: catalog, now: Date())
        let activity = OutgoingActivity.card(card, summary: TeamsCards.summary(for: request, catalog: catalog))
        for copy in copies {
            guard let serviceURL = copy.serviceURL else { continue }
            let failure: TeamsAPIError
            do {
                try await connector.update(activity, activityID: copy.messageID, in: copy.conversation, serviceURL: serviceURL)
                continue
            } catch {
                failure = error
            }
            guard Self.isGone(failure) else { throw failure }
            logger.warning("card copy not updated", metadata: ["access_request": "\(request.id)", "conversation": "\(copy.conversation)"])
        }
        return .delivered
    }

    /// Where an audience is on Teams; nil when it has no Teams side (a Slack-only channel, a
    /// person not found in any roster the bot can read): not an error of this platform.
    private func target(
        for audience: Audience, identity: TeamsIdentity, ready: ReadyState
    ) async throws -> (conversation: String, serviceURL: String)? {
        switch audience {
        case .channel(let ref):
            guard let conversation = ref.teams else { return nil }
            let installations = try await ready.store.installations(platform: .teams)
            let home = installations.first { $0.conversation == conversation || $0.teamID == conversation } ?? installations.first
            guard let serviceURL = home?.serviceURL else {
                logger.notice("Teams channel configured but the bot is not installed anywhere yet; message skipped")
                return nil
            }
            return (conversation, serviceURL)
        case .user(let person):
            guard let found = try await identity.personalConversation(for: person) else {
                logger.notice("no Teams account for person; message skipped", metadata: ["user": "\(person)"])
                return nil
            }
            return found
        }
    }

    /// Runs a send to a conversation; a `Retry-After` holds the whole conversation, not just this message.
    private func paced<T>(_ conversation: String, _ send: () async throws -> T) async throws -> T {
        do {
            return try await send()
        } catch TeamsAPIError.throttled(let seconds) {
            pacer.hold(conversation, for: .seconds(max(1, seconds ?? 1)))
            throw TeamsAPIError.throttled(retryAfter: seconds)
        }
    }

    /// The copy or its chat is gone (deleted, the bot removed or blocked): skip it, update the rest.
    static func isGone(_ error: TeamsAPIError) -> Bool {
        switch error {
        case .notFound, .blocked: true
        default: false
        }
    }

    static func result(for error: TeamsAPIError) -> DeliveryResult {
        switch error {
        case .throttled(let seconds): .retry(after: seconds.map { .seconds($0) }, reason: "throttled")
        case .transient(let reason): .retry(after: nil, reason: reason)
        case .cancelled: .retry(after: nil, reason: "cancelled")
        case .credentialsRejected(let reason): .retry(after: .seconds(60), reason: "Teams credentials rejected: \(reason)")
        case .blocked: .dead(reason: "the user blocked AccessBot in Teams")
        case .notFound(let code): .dead(reason: "teams: not found (\(code))")
        case .permanent(let status, let code): .dead(reason: "teams error \(status) \(code)")
        }
    }
}
