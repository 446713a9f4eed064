import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import Testing

/// Forged, stale and malformed Bot Framework tokens on `POST /api/messages`: each gets 401,
/// and nothing is written (no request, no conversation, no installation) and nothing sent.
@Suite struct TeamsForgeryTests {
    private typealias H = TeamsHarness

    /// A name and how to make the `Authorization` header for an activity whose serviceUrl is `serviceURL`.
    @Sendable static func claims(_ serviceURL: String, _ change: (inout BotFrameworkTestClaims) -> Void) -> BotFrameworkTestClaims {
        var claims = BotFrameworkTestClaims()
        claims.serviceurl = serviceURL
        change(&claims)
        return claims
    }

    static let corpus: [(String, @Sendable (TeamsTokenSigner, String) -> String?)] = {
        let claims = Self.claims
        return [
            ("no Authorization header", { _, _ in nil }),
            ("garbage token", { _, _ in "Bearer garbage" }),
            ("Basic scheme", { signer, url in "Basic " + signer.token(claims(url) { _ in }) }),
            ("expired", { signer, url in "Bearer " + signer.token(claims(url) { $0.exp = Date().addingTimeInterval(-600) }) }),
            ("nbf ahead", { signer, url in "Bearer " + signer.token(claims(url) { $0.nbf = Date().addingTimeInterval(600) }) }),
            ("wrong audience", { signer, url in "Bearer " + signer.token(claims(url) { $0.aud = .string("another-bot") }) }),
            ("wrong issuer", { signer, url in "Bearer " + signer.token(claims(url) { $0.iss = "https://login.evil.example/" }) }),
            (
                "emulator issuer",
                { signer, url in
                    "Bearer " + signer.token(claims(url) { $0.iss = "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/" })
                }
            ),
            ("unknown kid", { signer, url in "Bearer " + signer.token(claims(url) { _ in }, header: TestJWTHeader(kid: "not-a-key")) }),
            ("no kid", { signer, url in "Bearer " + signer.token(claims(url) { _ in }, header: TestJWTHeader(kid: nil)) }),
            ("alg none", { signer, url in "Bearer " + signer.unsignedToken(claims(url) { _ in }) }),
            ("HS256 keyed with the public key", { signer, url in "Bearer " + signer.hs256Token(claims(url) { _ in }) }),
            ("signed by another key", { signer, url in "Bearer " + signer.tokenSignedByOtherKey(claims(url) { _ in }) }),
            ("bad signature", { signer, url in "Bearer " + signer.tokenWithBadSignature(claims(url) { _ in }) }),
            (
                "payload swapped",
                { signer, url in
                    "Bearer " + signer.tamperedPayload(signed: claims(url) { _ in }, presented: claims(url) { $0.aud = .string("x") })
                }
            ),
            ("serviceurl of another host", { signer, _ in "Bearer " + signer.token(claims("https://evil.example/amer/") { _ in }) }),
            ("no serviceurl claim", { signer, url in "Bearer " + signer.token(claims(url) { $0.serviceurl = nil }) }),
            (
                "a token of another app's audience array",
                { signer, url in
                    "Bearer " + signer.token(claims(url) { $0.aud = .array(["another-bot"]) })
                }
            ),
        ]
    }()

    @Test(arguments: 0..<18)
    func forgedTokenIsRefusedAndChangesNothing(index: Int) async throws {
        try #require(Self.corpus.count == 18)
        let (name, make) = Self.corpus[index]
        try await H.run(install: false) { h in
            let activity = TeamsActivityFixtures.message(
                text: "request prod-db for 2h because forged", from: H.teamsID(SampleCatalog.alice),
                conversationID: H.personalConversation(SampleCatalog.alice), serviceURL: h.teams.serviceURL)
            let response = try await h.post(activity, authorization: make(h.teams.signer, h.teams.serviceURL))
            #expect(response.status == 401, "\(name)")
            #expect(!String(decoding: response.body, as: UTF8.self).contains("prod-db"), "\(name): generic body")
            let install = TeamsActivityFixtures.conversationUpdate(teamID: H.teamID, serviceURL: h.teams.serviceURL)
            #expect(try await h.post(install, authorization: make(h.teams.signer, h.teams.serviceURL)).status == 401, "\(name)")
            try await Task.sleep(for: .milliseconds(150))
            let ready = try #require(h.server.state.ready)
            #expect(try await ready.store.requests(RequestQuery()).isEmpty, "\(name): nothing written")
            #expect(try await ready.store.installations(platform: .teams).isEmpty, "\(name)")
            #expect(try await ready.store.conversation(platform: .teams, user: SampleCatalog.alice) == nil, "\(name)")
            #expect(h.teams.calls.isEmpty, "\(name): nothing sent")
            #expect(h.teams.tokenRequests == 0, "\(name)")
        }
    }

    @Test func aValidTokenForAnotherServiceURLThanTheBodyIsRefused() async throws {
        try await H.run(install: false) { h in
            var claims = BotFrameworkTestClaims()
            claims.serviceurl = h.teams.serviceURL
            let activity = TeamsActivityFixtures.message(text: "help", serviceURL: "https://evil.example/amer/")
            let response = try await h.post(activity, authorization: "Bearer " + h.teams.signer.token(claims))
            #expect(response.status == 401)
            #expect(h.teams.calls.isEmpty)
        }
    }

    @Test func malformedBodiesWithAValidTokenAre400AndChangeNothing() async throws {
        try await H.run(install: false) { h in
            var claims = BotFrameworkTestClaims()
            claims.serviceurl = h.teams.serviceURL
            let token = "Bearer " + h.teams.signer.token(claims)
            let url = h.teams.serviceURL
            let bodies: [[UInt8]] = [
                Array(#"{"serviceUrl":"\#(url)","channelId":"msteams"}"#.utf8),
                Array(#"{"type":"message","serviceUrl":"\#(url)","channelId":"msteams","conversation":7}"#.utf8),
            ]
            for body in bodies {
                let response = try await h.post(body, authorization: token)
                #expect(response.status == 400)
            }
            // Not JSON at all: no serviceUrl to bind the token to.
            let garbage = try await h.post([0xFF, 0x00, 0x7B], authorization: token)
            #expect(garbage.status == 401)
            let huge = try await h.post(Array(repeating: UInt8(ascii: " "), count: 2 * 1024 * 1024), authorization: token)
            #expect(huge.status == 413)
            #expect(h.teams.calls.isEmpty)
        }
    }
}
