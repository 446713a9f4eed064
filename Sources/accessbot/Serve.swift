import AccessConfig
import AccessServer
import AccessStore
import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus

/// `accessbot serve`: the HTTP server and the background workers.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP server and the background workers (migrates on start).")

    func run() async throws {
        let settings = Startup.settings()
        bootstrapLogging(format: settings.logFormat, level: Logger.Level(rawValue: settings.logLevel.rawValue) ?? .info)
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // A group commit takes about a millisecond: the default buckets start at 5 ms.
        factory.durationHistogramBuckets[SQLStore.groupCommitDurationMetric] = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
        ]
        MetricsSystem.bootstrap(factory)
        let logger = Logger(label: "accessbot")
        for notice in settings.notices { logger.notice("\(notice)") }
        var catalog = Startup.catalog(settings: settings)
        if settings.okta == nil {
            // Without Okta nothing can be granted automatically: the owning team grants by hand.
            catalog = catalog.grantingByHand()
        }
        logger.info(
            "config loaded",
            metadata: [
                "file": "\(settings.configPath)", "resources": "\(catalog.resources.count)",
                "request_types": "\(catalog.requestTypes.count)",
            ])

        var configuration = ServerConfiguration(
            host: settings.host, port: settings.port, databaseURL: Startup.databaseURL(settings),
            publicURL: settings.publicURL.absoluteString, catalog: catalog,
            slack: settings.slack.map {
                SlackConfiguration(signingSecret: $0.signingSecret.value, botToken: $0.botToken.value, apiURL: $0.apiURL.absoluteString)
            },
            teams: settings.teams.map {
                TeamsConfiguration(
                    appID: $0.appID, appPassword: $0.appPassword.value, tenantID: $0.tenantID,
                    openIDMetadataURL: $0.openIDMetadataURL.absoluteString, tokenURL: $0.tokenURL.absoluteString)
            },
            okta: settings.okta.map { OktaConfiguration(orgURL: $0.orgURL.absoluteString, apiToken: $0.apiToken.value) },
            adminAPIToken: settings.adminAPIToken?.value)
        if let teams = settings.teams { configuration.teamsConversationInterval = teams.pacing }
        let app = buildApplication(configuration: configuration, registry: registry, logger: logger) { port in
            logger.info("listening", metadata: ["address": "\(settings.host):\(port)", "public_url": "\(settings.publicURL)"])
        }
        try await app.runService()
    }
}
