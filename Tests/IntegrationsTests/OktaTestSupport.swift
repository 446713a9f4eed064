import AccessCore
import AccessTesting
import HTTPTransport
import Integrations

/// The people of the fake Okta org, with each way HR systems name a manager.
enum OktaPeople {
    static let alice = FakeOktaUser(
        id: "00ualice000000000001", login: "alice@example.com", firstName: "Alice", lastName: "Liddell", managerId: "00ubob00000000000002")
    static let bob = FakeOktaUser(id: "00ubob00000000000002", login: "bob@example.com", firstName: "Bob", employeeNumber: "1234")
    /// Manager named by employee number (the id GET answers 404, the search finds bob).
    static let carol = FakeOktaUser(id: "00ucarol000000000003", login: "carol@example.com", firstName: "Carol", managerId: "1234")
    /// Manager named by login.
    static let dave = FakeOktaUser(id: "00udave0000000000004", login: "dave@example.com", firstName: "Dave", managerId: "bob@example.com")
    /// Manager names nobody.
    static let erin = FakeOktaUser(id: "00uerin0000000000005", login: "erin@example.com", managerId: "00unobody")
    static let frank = FakeOktaUser(id: "00ufrank000000000006", login: "frank@example.com", status: "SUSPENDED")
    static let gina = FakeOktaUser(id: "00ugina0000000000007", login: "gina@example.com", status: "DEPROVISIONED")
    /// A login that needs encoding, and an email that differs from it.
    static let ops = FakeOktaUser(id: "00uops00000000000008", login: "ops+admin@example.com", email: "ops@example.com")

    static let all = [alice, bob, carol, dave, erin, frank, gina, ops]
    static let group = "00gGITHUB"
    static let app = "0oaAWS"
}

/// Runs `body` with a fake Okta, a libcurl client and an `OktaClient` on them; stops both after.
func withOkta<T>(
    token: String = FakeOkta.token, _ body: (FakeOkta, OktaClient) async throws -> T
) async throws -> T {
    let okta = try FakeOkta(users: OktaPeople.all, groups: [OktaPeople.group], apps: [OktaPeople.app])
    let http = CurlHTTPClient(configuration: .init(proxy: .disabled))
    let client = OktaClient(orgURL: okta.baseURL + "/", credentials: .apiToken(token), http: http)
    do {
        let result = try await body(okta, client)
        await http.shutdown()
        okta.stop()
        return result
    } catch {
        await http.shutdown()
        okta.stop()
        throw error
    }
}

func order(_ user: String, _ method: GrantMethod) -> GrantOrder {
    GrantOrder(requestID: "R-OKTA0001", resource: "github-admins", user: UserID(email: user), method: method)
}
