import AccessCore
import AccessTesting
import Integrations
import Testing

@Suite struct OktaGranterTests {
    @Test func grantsAndRevokesGroupMembershipByTheUsersOktaID() async throws {
        try await withOkta { okta, client in
            let granter = OktaGranter(client: client)
            let grant = await granter.grant(order("alice@example.com", .oktaGroup(OktaPeople.group)))
            guard case .done(let ids) = grant else { throw GranterTestError.unexpected("\(grant)") }
            #expect(ids.count == 1)
            #expect(okta.members(ofGroup: OktaPeople.group) == [OktaPeople.alice.id])
            let revoke = await granter.revoke(order("alice@example.com", .oktaGroup(OktaPeople.group)))
            #expect(revoke != .permanent(reason: ""))
            #expect(okta.members(ofGroup: OktaPeople.group).isEmpty)
            #expect(okta.calls(method: "DELETE").map(\.path) == ["/api/v1/groups/00gGITHUB/users/\(OktaPeople.alice.id)"])
        }
    }

    @Test func suspendedAndDeactivatedPeopleGetNothing() async throws {
        try await withOkta { okta, client in
            let granter = OktaGranter(client: client)
            #expect(await granter.grant(order("frank@example.com", .oktaGroup(OktaPeople.group))) == .userInactive(.suspended))
            #expect(await granter.grant(order("gina@example.com", .oktaApp(OktaPeople.app))) == .userInactive(.deprovisioned))
            #expect(okta.calls(method: "PUT").isEmpty && okta.calls(method: "POST").isEmpty)
            // Revokes run whatever the status; an assignment Okta already removed is done.
            guard case .done = await granter.revoke(order("gina@example.com", .oktaApp(OktaPeople.app))) else {
                throw GranterTestError.unexpected("revoke of a deprovisioned user")
            }
        }
    }

    @Test func failuresAreClassified() async throws {
        try await withOkta { okta, client in
            let granter = OktaGranter(client: client)
            let github = order("alice@example.com", .oktaGroup(OktaPeople.group))
            okta.failNext(1, method: "PUT", with: .rateLimited(resetIn: 2))
            guard case .rateLimited(let wait) = await granter.grant(github) else { throw GranterTestError.unexpected("429") }
            #expect(wait >= .seconds(2))

            okta.failNext(1, method: "PUT", with: .error(status: 503, code: "E0000009"))
            guard case .transient = await granter.grant(github) else { throw GranterTestError.unexpected("503") }

            okta.failNext(1, method: "PUT", with: .error(status: 403, code: "E0000006"))
            guard case .permanent(let reason) = await granter.grant(github) else { throw GranterTestError.unexpected("403") }
            #expect(reason.contains("E0000006") && reason.contains("00gGITHUB"))

            let unknownGroup = await granter.grant(order("alice@example.com", .oktaGroup("00gMISSING")))
            guard case .permanent(let missing) = unknownGroup else { throw GranterTestError.unexpected("404") }
            #expect(missing.contains("E0000007"))

            guard case .permanent = await granter.grant(order("nobody@example.com", .oktaGroup(OktaPeople.group))) else {
                throw GranterTestError.unexpected("unknown person")
            }
            okta.failNext(1, method: "DELETE", with: .error(status: 403, code: "E0000046"))
            guard case .permanent(let groupGrants) = await granter.revoke(order("alice@example.com", .oktaApp(OktaPeople.app))) else {
                throw GranterTestError.unexpected("E0000046")
            }
            #expect(groupGrants.contains("group membership"))
        }
    }
}

enum GranterTestError: Error {
    case unexpected(String)
}
