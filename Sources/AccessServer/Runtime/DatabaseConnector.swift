import AccessCore
import AccessStore
import Foundation
import Integrations
import Logging
import ServiceLifecycle

/// Opens and migrates the database, retrying with backoff while it is down, so a server
/// started before its database waits (and `/readyz` says so) instead of crash-looping.
struct DatabaseConnector: Service {
    let configuration: ServerConfiguration
    let state: AppState
    let logger: Logger
    /// The Okta directory when Okta is configured; else the config's `users:`.
    var okta: OktaDirectory? = nil

    func run() async throws {
        var delay = configuration.databaseRetry.first
        var attempt = 0
        var store: SQLStore?
        while store == nil {
            attempt += 1
            do {
                let opened = try await SQLStore.open(url: configuration.databaseURL, logger: logger)
                do {
                    try await opened.migrate()
                    // A crashed previous run of this process left its claims behind: take them back now.
                    if opened.ownsEveryLease { try await opened.releaseLeases() }
                } catch {
                    try? await Task { try await opened.close() }.value
                    throw error
                }
                store = opened
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                logger.warning(
                    "database not reachable yet; retrying",
                    metadata: ["attempt": "\(attempt)", "retry_in": "\(delay)", "error": "\(error)"])
                try? await Task.sleep(for: delay)
                if Task.isShuttingDownGracefully { return }
                delay = min(delay * 2, configuration.databaseRetry.max)
            }
        }
        guard let store else { return }
        let directory = DirectoryChoice(
            okta.map(DirectoryChoice.Source.okta) ?? .configured(StaticDirectory(catalog: configuration.catalog)),
            onInactive: InactiveRequesters(state: state, logger: logger).directoryFound)
        let signalling = SignallingStore(base: store, outbox: state.outboxSignal, timers: state.timerAlarm)
        let service = AccessService(workflow: Workflow(catalog: configuration.catalog), store: signalling, directory: directory)
        state.becomeReady(ReadyState(store: store, service: service))
        logger.info("database ready", metadata: ["database": "\(Self.redacted(configuration.databaseURL))"])

        // Keep the store open until shutdown is asked for; then close it, in a task of its own
        // so a cancelled shutdown still closes the connections cleanly.
        try? await gracefulShutdown()
        try? await Task { try await store.close() }.value
    }

    /// The database URL without its password, for logs.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "postgres://***"
    }
}
