import AccessCore
import AccessTesting
import Integrations
import Testing

@Suite struct OktaDirectoryTests {
    @Test func aPersonComesWithTheirManagerAndIsCached() async throws {
        try await withOkta { okta, client in
            let directory = OktaDirectory(client: client)
            let alice = try #require(try await directory.user(UserID(email: "alice@example.com")))
            #expect(alice.id.rawValue == "alice@example.com")
            #expect(alice.manager?.rawValue == "bob@example.com")
            #expect(alice.displayName == "Alice Liddell")
            #expect(alice.active)
            let calls = okta.calls().count
            _ = try await directory.user(UserID(email: "alice@example.com"))
            #expect(okta.calls().count == calls, "answered from the cache")
            #expect(try await directory.user(UserID(email: "carol@example.com"))?.manager?.rawValue == "bob@example.com")
            #expect(try await directory.user(UserID(email: "erin@example.com"))?.manager == nil)
            #expect(try await directory.user(UserID(email: "nobody@example.com")) == nil)
        }
    }

    @Test func suspendedPeopleAreInactiveOnceTheCacheExpires() async throws {
        try await withOkta { okta, client in
            let directory = OktaDirectory(client: client, cacheTTL: .zero)
            let frank = try await directory.user(UserID(email: "frank@example.com"))
            #expect(frank?.active == false)
            #expect(try await directory.user(UserID(email: "alice@example.com"))?.active == true)
            okta.setStatus("SUSPENDED", of: "alice@example.com")
            #expect(try await directory.user(UserID(email: "alice@example.com"))?.active == false)
        }
    }
}
