import AccessCore
import Foundation
import Integrations
import Logging

/// Carries out grants and revokes through Okta. A grant checks the person's status first:
/// a suspended or deactivated requester gets nothing, the request fails with the reason and
/// their pending requests are cancelled. A 429 waits for Okta's reset; 5xx and timeouts back
/// off, a bounded number of times, then the request is `failed` and people are told (an
/// admin can `accessbot retry-grant`). Revokes keep trying longer, then dead-letter, which
/// tells the escalation channel: access that should end is never dropped silently.
struct OktaGrantExecutor: EffectExecutor {
    let granter: OktaGranter
    let directory: OktaDirectory
    let configuration: OktaConfiguration
    let inactive: InactiveRequesters
    let logger: Logger

    func handles(_ effect: Effect) -> Bool {
        switch effect {
        case .grant, .revoke: true
        default: false
        }
    }

    func execute(_ message: OutboxMessage, ready: ReadyState) async -> DeliveryResult {
        var log = logger
        log[metadataKey: "access_request"] = "\(message.effect.requestID)"
        switch message.effect {
        case .grant(let order):
            log[metadataKey: "resource"] = "\(order.resource)"
            return await grant(order, attempt: message.attempts + 1, ready: ready, log: log)
        case .revoke(let order):
            log[metadataKey: "resource"] = "\(order.resource)"
            return await revoke(order, attempt: message.attempts + 1, log: log)
        default:
            return .dead(reason: "not a grant")
        }
    }

    private func grant(_ order: GrantOrder, attempt: Int, ready: ReadyState, log: Logger) async -> DeliveryResult {
        do {
            // A request that failed or ended meanwhile must not get access nobody will take away.
            guard let request = try await ready.store.request(order.requestID), request.status == .approved else {
                log.notice("grant skipped: the request is no longer waiting for it")
                return .delivered
            }
        } catch {
            return .retry(after: nil, reason: "\(error)")
        }
        let result = await granter.grant(order)
        let lastTry = attempt >= configuration.grantAttempts
        switch result {
        case .done(let ids):
            log.info("access granted in Okta", metadata: ["okta.request_id": "\(ids.joined(separator: ","))"])
            return await report(.grantCompleted(order.resource, by: .system), order, ready: ready, log: log)
        case .userInactive(let status):
            await directory.forget(order.user)
            let reason = "\(order.user) \(status.refusal), so no access is granted"
            log.notice("grant refused: the requester is not active", metadata: ["okta.status": "\(status)"])
            let delivered = await report(.grantFailed(order.resource, reason: reason), order, ready: ready, log: log)
            await inactive.cancelPending(of: order.user, reason: reason)
            return delivered
        case .rateLimited(let wait) where !lastTry:
            return .retry(after: wait, reason: "okta rate limit")
        case .transient(let reason) where !lastTry:
            return .retry(after: nil, reason: reason)
        case .rateLimited, .transient:
            let reason = "Okta kept failing after \(attempt) attempts (\(Self.reason(result)))"
            log.error("grant gave up", metadata: ["reason": "\(reason)"])
            return await report(.grantFailed(order.resource, reason: reason), order, ready: ready, log: log)
        case .permanent(let reason):
            log.error("grant failed", metadata: ["reason": "\(reason)"])
            return await report(.grantFailed(order.resource, reason: reason), order, ready: ready, log: log)
        }
    }

    private func revoke(_ order: GrantOrder, attempt: Int, log: Logger) async -> DeliveryResult {
        let result = await granter.revoke(order)
        let lastTry = attempt >= configuration.revokeAttempts
        switch result {
        case .done(let ids):
            log.info("access revoked in Okta", metadata: ["okta.request_id": "\(ids.joined(separator: ","))"])
            return .delivered
        case .userInactive:
            return .delivered  // revokes never check the status; listed for completeness
        case .rateLimited(let wait) where !lastTry:
            return .retry(after: wait, reason: "okta rate limit")
        case .transient(let reason) where !lastTry:
            return .retry(after: nil, reason: reason)
        case .rateLimited, .transient, .permanent:
            return .dead(reason: "revoking \(order.resource) from \(order.user) failed (\(Self.reason(result))); remove the access by hand")
        }
    }

    /// Runs the grant's outcome through the workflow. A request that moved on is fine; a
    /// store failure retries the message (grants are idempotent in Okta).
    private func report(_ command: Command, _ order: GrantOrder, ready: ReadyState, log: Logger) async -> DeliveryResult {
        do {
            try await ready.service.perform(command, on: order.requestID)
            return .delivered
        } catch let error as WorkflowError {
            log.notice("grant result not applied: the request moved on", metadata: ["why": "\(error)"])
            return .delivered
        } catch AccessServiceError.requestNotFound {
            return .delivered
        } catch {
            return .retry(after: nil, reason: "\(error)")
        }
    }

    private static func reason(_ result: OktaGrantResult) -> String {
        switch result {
        case .done: "done"
        case .userInactive(let status): "user status \(status)"
        case .rateLimited: "rate limited"
        case .transient(let reason), .permanent(let reason): reason
        }
    }
}
