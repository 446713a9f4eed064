import AccessCore
import Foundation
import Logging

/// Cancels the pending requests of someone the directory reports suspended or deactivated,
/// with a reason, so their approvers are not asked to decide for someone who left.
struct InactiveRequesters: Sendable {
    let state: AppState
    let logger: Logger

    /// Called by the directory when a look-up finds the person inactive.
    func directoryFound(_ person: DirectoryUser) async {
        await cancelPending(of: person.id, reason: "\(person.id) is suspended or deactivated in the directory")
    }

    /// Cancels every pending request of `user`; returns how many were cancelled.
    @discardableResult
    func cancelPending(of user: UserID, reason: String) async -> Int {
        guard let service = state.ready?.service else { return 0 }
        var cancelled = 0
        do {
            let pending = try await service.store.requests(RequestQuery(requester: user, statuses: [.pending], limit: 200))
            for request in pending {
                do {
                    try await service.perform(.cancel(by: .system, reason: reason), on: request.id)
                    cancelled += 1
                } catch is WorkflowError {
                    continue  // decided meanwhile
                }
            }
        } catch {
            logger.error("could not cancel an inactive person's requests", metadata: ["user": "\(user)", "error": "\(error)"])
        }
        if cancelled > 0 {
            logger.notice("pending requests of an inactive person cancelled", metadata: ["user": "\(user)", "count": "\(cancelled)"])
        }
        return cancelled
    }
}
