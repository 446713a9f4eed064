import AccessTesting
import Foundation
import HTTPTransport
import SlackAdapter
import Testing

@Suite struct FakeBotFrameworkAuthTests {
    @Test func metadataPointsAtTheKeys() async throws {
        try await withFakeBotFramework { fake, wire in
            let metadata = try await wire.get(fake.openIDMetadataURL)
            #expect(metadata.status == 200)
            #expect(metadata.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(metadata.fakeJSON["issuer"]?.string == "https://api.botframework.com")
            #expect(metadata.fakeJSON["id_token_signing_alg_values_supported"] == .array([.string("RS256")]))
            #expect(metadata.fakeJSON["token_endpoint_auth_methods_supported"] == .array([.string("private_key_jwt")]))
            let keysURL = try #require(metadata.fakeJSON["jwks_uri"]?.string)
            #expect(keysURL == fake.keysURL)
            let keys = try await wire.get(keysURL)
            let key = try #require(keys.fakeJSON["keys"]?[0])
            #expect(keys.fakeJSON["keys"]?.array?.count == 1)
            #expect(key["kid"]?.string == fake.signer.kid)
            #expect(key["kty"]?.string == "RSA")
            #expect(key["endorsements"] == .array([.string("msteams")]))
            #expect(key["n"]?.string?.isEmpty == false)
            #expect(fake.metadataFetches == 1)
            #expect(fake.keyFetches == 1)
        }
    }

    @Test func theKeysEndpointFailsOnDemand() async throws {
        try await withFakeBotFramework { fake, wire in
            fake.failKeyFetches(2)
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(try await wire.get(fake.keysURL).status) }
            #expect(statuses == [500, 500, 200])
            #expect(fake.keyFetches == 3)
        }
    }

    @Test func goodCredentialsGetABearerToken() async throws {
        try await withFakeBotFramework { fake, wire in
            let response = try await wire.requestToken()
            #expect(response.status == 200)
            #expect(response.fakeJSON["token_type"]?.string == "Bearer")
            #expect(response.fakeJSON["expires_in"]?.number == 3599)
            #expect(response.fakeJSON["ext_expires_in"]?.number == 3599)
            #expect(String(decoding: response.body, as: UTF8.self).contains(#""expires_in":3599"#))
            let first = try #require(response.fakeJSON["access_token"]?.string)
            #expect(try await wire.token() != first)
            #expect(fake.tokenRequests == 2)
        }
    }

    @Test func badCredentialsAreRefusedAsEntraIDDoes() async throws {
        try await withFakeBotFramework { fake, wire in
            let secret = try await wire.requestToken(secret: "wrong")
            #expect(secret.status == 401)
            #expect(secret.fakeJSON["error"]?.string == "invalid_client")
            #expect(secret.fakeJSON["error_description"]?.string?.hasPrefix("AADSTS7000215: Invalid client secret provided.") == true)
            let client = try await wire.requestToken(clientID: "00000000-dead-beef-0000-000000000000")
            #expect(client.status == 400)
            #expect(client.fakeJSON["error"]?.string == "unauthorized_client")
            let scope = try await wire.requestToken(scope: "https://graph.microsoft.com/.default")
            #expect(scope.status == 400)
            #expect(scope.fakeJSON["error"]?.string == "invalid_scope")
            #expect(fake.tokenRequests == 3)
        }
    }

    @Test func aSingleTenantAppIsUnknownToTheBotFrameworkTenant() async throws {
        try await withFakeBotFramework(tenantID: TeamsActivityFixtures.tenantID) { _, wire in
            let legacy = try await wire.requestToken(tenant: "botframework.com")
            #expect(legacy.status == 400)
            #expect(legacy.fakeJSON["error_description"]?.string?.hasPrefix("AADSTS700016") == true)
            #expect(try await wire.requestToken(tenant: TeamsActivityFixtures.tenantID).status == 200)
        }
    }

    @Test func theTokenEndpointFailsOnDemand() async throws {
        try await withFakeBotFramework { fake, wire in
            fake.failNextToken(status: 503)
            let failed = try await wire.requestToken()
            #expect(failed.status == 503)
            #expect(failed.fakeJSON["error"]?.string == "temporarily_unavailable")
            #expect(try await wire.requestToken().status == 200)
        }
    }

    @Test func theConnectorWantsATokenTheFakeIssued() async throws {
        try await withFakeBotFramework { fake, wire in
            let path = "v3/conversations/a%3A1x/activities"
            let body = fakeCardActivity(fakeSampleCard("hi"))
            let none = try await wire.send(.post, path, json: body, token: nil)
            #expect(none.status == 401)
            #expect(none.fakeJSON["error"]?["code"]?.string == "Unauthorized")
            #expect(try await wire.send(.post, path, json: body, token: "made-up").status == 401)
            let token = try await wire.token()
            #expect(try await wire.send(.post, path, json: body, token: token).status == 201)
            fake.revokeAllTokens()
            #expect(try await wire.send(.post, path, json: body, token: token).status == 401)
            #expect(try await wire.send(.post, path, json: body, token: try await wire.token()).status == 201)
            #expect(fake.calls.map(\.status) == [401, 401, 201, 401, 201])
            #expect(fake.calls.last?.authorization?.hasPrefix("Bearer fake-bf-") == true)
        }
    }

    @Test func tokensStopWorkingWhenTheyExpire() async throws {
        try await withFakeBotFramework { fake, wire in
            fake.setTokenLifetime(seconds: 0)
            let response = try await wire.requestToken()
            #expect(response.fakeJSON["expires_in"]?.number == 0)
            let token = try #require(response.fakeJSON["access_token"]?.string)
            let body = fakeCardActivity(fakeSampleCard("hi"))
            #expect(try await wire.send(.post, "v3/conversations/a%3A1x/activities", json: body, token: token).status == 401)
        }
    }
}
