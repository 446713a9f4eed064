import AccessCore
import AccessStore
import Foundation
import Logging
import SlackAdapter

/// Carries out chat effects on Slack: approval cards by DM and to channels, updates of every
/// posted copy, and plain notices. Cards are rendered from the request as it is at delivery
/// time, so a card posted late already shows the latest state.
struct SlackEffectExecutor: EffectExecutor {
    let platform: Origin.Platform? = .slack
    let api: SlackWebAPI
    let catalog: Catalog
    let pacer: ChannelPacer
    let identities: IdentityCache
    let logger: Logger

    func handles(_ effect: Effect) -> Bool { effect.isChatMessage }

    func execute(_ message: OutboxMessage, ready: ReadyState) async -> DeliveryResult {
        do {
            guard let request = try await ready.store.request(message.effect.requestID) else {
                return .dead(reason: "request \(message.effect.requestID) no longer exists")
            }
            let identity = SlackIdentity(api: api, store: ready.store, cache: identities)
            switch message.effect {
            case .card(let delivery):
                return try await postCard(delivery, message: message.id, request: request, identity: identity, ready: ready)
            case .updateCards:
                return try await updateCopies(of: request, identity: identity, ready: ready)
            case .notify(let notification):
                if notification.isForRequester(of: request, elsewhereThan: .slack) { return .delivered }
                guard let channel = try await channel(for: notification.audience, identity: identity) else { return .delivered }
                if let wait = pacer.reserve(channel, for: message.id) { return .paced(wait) }
                let content = SlackNotices.message(
                    for: notification, request: request, catalog: catalog, mentions: await identity.mentions(for: request))
                _ = try await paced(channel) { try await api.postMessage(SlackMessage(channel: channel, content: content)) }
                return .delivered
            default:
                return .dead(reason: "not a Slack effect")
            }
        } catch let error as SlackAPIError {
            return result(for: error)
        } catch {
            return .retry(after: nil, reason: "\(error)")
        }
    }

    private func postCard(
        _ delivery: CardDelivery, message: Int64, request: AccessRequest, identity: SlackIdentity, ready: ReadyState
    ) async throws -> DeliveryResult {
        guard let channel = try await channel(for: delivery.audience, identity: identity) else { return .delivered }
        if let wait = pacer.reserve(channel, for: message) { return .paced(wait) }
        let content = SlackCards.card(
            for: request, purpose: delivery.purpose, catalog: catalog, mentions: await identity.mentions(for: request), now: Date())
        let posted = try await paced(channel) { try await api.postMessage(SlackMessage(channel: channel, content: content)) }
        return .posted(CardCopy(requestID: request.id, platform: .slack, conversation: posted.channel, messageID: posted.ts))
    }

    private func updateCopies(of request: AccessRequest, identity: SlackIdentity, ready: ReadyState) async throws -> DeliveryResult {
        let copies = try await ready.store.cardCopies(of: request.id).filter { $0.platform == .slack }
        guard !copies.isEmpty else { return .delivered }
        let content = SlackCards.current(request: request, catalog: catalog, mentions: await identity.mentions(for: request), now: Date())
        for copy in copies {
            let failure: SlackAPIError
            do {
                try await api.update(channel: copy.conversation, ts: copy.messageID, content: content)
                continue
            } catch {
                failure = error
            }
            // One deleted or archived copy must not block the others; auth and transient failures do.
            guard case .permanent(let code) = failure, code.category != .auth else { throw failure }
            logger.warning("card copy not updated", metadata: ["access_request": "\(request.id)", "error": "\(code)"])
        }
        return .delivered
    }

    /// Where an audience is on Slack; nil when it has no Slack side (a Teams-only channel,
    /// a person with no Slack account) — that is not an error of this platform.
    private func channel(for audience: Audience, identity: SlackIdentity) async throws -> String? {
        switch audience {
        case .channel(let ref):
            return ref.slack
        case .user(let person):
            guard let user = try await identity.slackUser(for: person) else {
                logger.notice("no Slack account for person; message skipped", metadata: ["user": "\(person)"])
                return nil
            }
            return user
        }
    }

    /// Runs a send to a channel; a `Retry-After` holds the whole channel, not just this message.
    private func paced<T>(_ channel: String, _ send: () async throws -> T) async throws -> T {
        do {
            return try await send()
        } catch SlackAPIError.rateLimited(let seconds) {
            pacer.hold(channel, for: .seconds(max(1, seconds)))
            throw SlackAPIError.rateLimited(retryAfter: seconds)
        }
    }

    private func result(for error: SlackAPIError) -> DeliveryResult {
        switch error {
        case .rateLimited(let seconds):
            return .retry(after: .seconds(max(1, seconds)), reason: "rate limited")
        case .transient(let failure):
            return .retry(after: nil, reason: "\(failure)")
        case .permanent(let code):
            return .dead(reason: "slack error \(code)")
        case .cancelled:
            return .retry(after: nil, reason: "cancelled")
        }
    }
}
