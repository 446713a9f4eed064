import AccessCore
import AccessStore
import Logging

/// Moves a `failed` request back to `approved` and queues its grants again, in the database
/// `configuration` names. The running server's delivery service then carries them out
/// (`accessbot retry-grant`; the admin API will call the same).
///
/// Throws `WorkflowError.invalidState` when the request is not `failed`, and
/// `AccessServiceError.requestNotFound` when there is no such request.
public func retryFailedGrant(
    _ id: RequestID, configuration: ServerConfiguration, by actor: Actor = .admin("cli"), logger: Logger
) async throws -> AccessRequest {
    let store = try await SQLStore.open(url: configuration.databaseURL, logger: logger)
    do {
        let service = AccessService(
            workflow: Workflow(catalog: configuration.catalog), store: store, directory: StaticDirectory(catalog: configuration.catalog))
        let outcome = try await service.perform(.retryGrant(by: actor), on: id)
        try await store.close()
        return outcome.request
    } catch {
        try? await store.close()
        throw error
    }
}
