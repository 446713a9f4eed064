import AccessCore
import Foundation
import HTTPTransport
import Hummingbird
import Integrations
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle
import SlackAdapter
import TeamsAdapter

/// Builds the whole server: routes, middleware and background services.
///
/// - Parameters:
///   - state: shared with the caller so tests can wait for readiness.
///   - registry: where `/metrics` reads from; the CLI bootstraps swift-metrics with it.
///   - onServerRunning: told the bound port (tests listen on port 0).
public func buildApplication(
    configuration: ServerConfiguration, state: AppState = AppState(), registry: PrometheusCollectorRegistry = .init(),
    logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: JSONErrorMiddleware())
    router.add(middleware: MetricsMiddleware())
    HealthRoutes(state: state).register(on: router)
    MetricsRoutes(registry: registry).register(on: router)
    if let token = configuration.adminAPIToken { AdminRoutes(token, catalog: configuration.catalog, state: state).register(on: router) }
    let http = CurlHTTPClient()
    let okta = configuration.okta.map { okta in
        let client = OktaClient(orgURL: okta.orgURL, credentials: .apiToken(okta.apiToken), http: http, logger: logger)
        return OktaDirectory(client: client, cacheTTL: okta.directoryCacheTTL, managerAttribute: okta.managerAttribute)
    }
    var executors: [any EffectExecutor] = [UnconfiguredGrantExecutor(logger: logger)]
    if let okta, let settings = configuration.okta {
        let inactive = InactiveRequesters(state: state, logger: logger)
        executors = [
            OktaGrantExecutor(
                granter: OktaGranter(client: okta.client), directory: okta, configuration: settings, inactive: inactive, logger: logger)
        ]
    }
    var alerts: [@Sendable (OutboxMessage, String) async -> Void] = []
    if let slack = configuration.slack {
        let identities = IdentityCache()
        SlackRoutes(configuration: configuration, slack: slack, state: state, http: http, identities: identities).register(on: router)
        let api = SlackWebAPI(baseURL: slack.apiURL, token: slack.botToken, http: http)
        executors.append(
            SlackEffectExecutor(
                api: api, catalog: configuration.catalog, pacer: ChannelPacer(interval: configuration.slackChannelInterval),
                identities: identities,
                logger: logger)
        )
        if let channel = configuration.catalog.escalationChannel?.slack {
            alerts.append(SlackDeadLetterAlert(api: api, channel: channel, logger: logger).callAsFunction)
        }
    }
    if let teams = configuration.teams {
        let wiring = TeamsWiring(teams: teams, state: state, http: http)
        wiring.routes.register(on: router)
        executors.append(
            TeamsEffectExecutor(
                connector: wiring.connector, catalog: configuration.catalog, teams: teams, identities: wiring.identities,
                pacer: ChannelPacer(interval: configuration.teamsConversationInterval), logger: logger))
        if let conversation = configuration.catalog.escalationChannel?.teams {
            alerts.append(
                TeamsDeadLetterAlert(connector: wiring.connector, conversation: conversation, state: state, logger: logger).callAsFunction)
        }
    }
    // Every configured escalation place hears of a message that died, once.
    var deadLetterAlert: (@Sendable (OutboxMessage, String) async -> Void)?
    if !alerts.isEmpty {
        let everyAlert = alerts
        deadLetterAlert = { @Sendable (message: OutboxMessage, reason: String) async in
            for alert in everyAlert { await alert(message, reason) }
        }
    }

    let services: [any Service] = [
        HTTPClientService(client: http),
        DatabaseConnector(configuration: configuration, state: state, logger: logger, okta: okta),
        DeliveryService(
            configuration: configuration, state: state, executors: executors, deadLetterAlert: deadLetterAlert, logger: logger),
        TimerService(configuration: configuration, state: state, logger: logger),
    ]
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "AccessBot"),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}
