import Foundation
import HTTPTransport
import TeamsAdapter

/// The Teams parts shared by the route and the delivery executor: one token provider (one
/// token for the whole process), one key cache per issuer, one identity cache.
struct TeamsWiring: Sendable {
    let routes: TeamsRoutes
    let connector: BotConnectorClient
    let identities: IdentityCache

    init(teams: TeamsConfiguration, state: AppState, http: some HTTPClient) {
        let tokens = BotConnectorTokenProvider(tokenURL: teams.tokenURL, appID: teams.appID, password: teams.appPassword, http: http)
        let connector = BotConnectorClient(tokens: tokens, http: http)
        let tenantKeys = teams.tenantID.map { tenant in
            SigningKeyCache(
                metadataURL: teams.tenantOpenIDMetadataURL ?? BotFrameworkTokenValidator.tenantMetadataURL(tenantID: tenant), http: http)
        }
        let validator = BotFrameworkTokenValidator(
            appID: teams.appID, tenantID: teams.tenantID, channelKeys: SigningKeyCache(metadataURL: teams.openIDMetadataURL, http: http),
            tenantKeys: tenantKeys)
        let identities = IdentityCache()
        self.connector = connector
        self.identities = identities
        self.routes = TeamsRoutes(teams: teams, state: state, validator: validator, connector: connector, identities: identities)
    }
}
