import AccessCore
import Logging

/// Grants and revokes when no Okta org is configured: an Okta grant cannot happen, so the
/// request moves to `failed` and the requester and owning team are told why (nothing silent).
/// Manual resources never reach here: the workflow asks the owning team with a card instead.
struct UnconfiguredGrantExecutor: EffectExecutor {
    let logger: Logger

    func handles(_ effect: Effect) -> Bool {
        switch effect {
        case .grant, .revoke: true
        default: false
        }
    }

    func execute(_ message: OutboxMessage, ready: ReadyState) async -> DeliveryResult {
        switch message.effect {
        case .grant(let order):
            do {
                try await ready.service.perform(
                    .grantFailed(order.resource, reason: "Okta is not configured (set OKTA_ORG_URL and OKTA_API_TOKEN)"),
                    on: order.requestID)
                return .delivered
            } catch {
                return .retry(after: nil, reason: "\(error)")
            }
        case .revoke(let order):
            // Nothing was granted through Okta, so there is nothing to take away.
            logger.warning("revoke skipped: Okta is not configured", metadata: ["access_request": "\(order.requestID)"])
            return .delivered
        default:
            return .dead(reason: "not a grant")
        }
    }
}
