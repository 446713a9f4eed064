import AccessCore
import AccessServer
import AccessTesting
import Foundation
import SlackAdapter

/// A catalog with durations of seconds, for timer and Okta flows. Every request type waits on
/// the requester's manager; `it-ops` (carol, dave) owns them all.
enum TimerCatalog {
    static let group = "00gGITHUB"
    static let app = "0oaAWS"

    static let catalog = Catalog(
        resources: [
            Resource(id: "github-admins", name: "GitHub admins", grant: .oktaGroup(group)),
            Resource(id: "aws-prod", name: "AWS production", grant: .oktaApp(app)),
            Resource(id: "prod-db", name: "Production database", grant: .manual),
            Resource(id: "wiki", name: "Wiki admin", grant: .manual),
            Resource(id: "vpn", name: "VPN", grant: .manual),
        ],
        teams: [
            Team(
                id: "it-ops", name: "IT operations", members: [SampleCatalog.carol, SampleCatalog.dave],
                channel: ChannelRef(slack: "C0ITOPS"))
        ],
        requestTypes: [
            type("github-admin", "github-admins", access: .fixed(TimeSpan(seconds: 3))),
            type("aws-prod", "aws-prod"),
            type(
                "prod-db", "prod-db",
                escalation: EscalationPolicy(remindAfter: seconds(1), escalateAfter: seconds(2), expireAfter: seconds(4))),
            type("wiki", "wiki", escalation: EscalationPolicy(escalateAfter: seconds(1), expireAfter: seconds(120))),
            type("vpn", "vpn", escalation: EscalationPolicy(remindAfter: seconds(1))),
        ],
        users: SampleCatalog.catalog.users,
        escalationChannel: ChannelRef(slack: "C0ADMINS"))

    private static func seconds(_ count: Int64) -> TimeSpan { TimeSpan(seconds: count) }

    private static func type(
        _ id: RequestTypeID, _ resource: ResourceID, escalation: EscalationPolicy = .init(), access: AccessDurationPolicy = .permanent
    ) -> RequestType {
        RequestType(
            id: id, name: "\(resource) access", team: "it-ops", resources: [resource], approvals: [ApprovalStep(approver: .manager)],
            escalation: escalation, accessDuration: access)
    }
}

extension SlackHarness {
    /// The request a person made last.
    func latestRequest(of person: UserID = SampleCatalog.alice) async throws -> AccessRequest {
        guard let request = try await server.state.ready?.store.requests(RequestQuery(requester: person, limit: 1)).first else {
            throw HarnessError.noButton("no request of \(person)")
        }
        return request
    }

    /// The current state of a request.
    func request(_ id: RequestID) async throws -> AccessRequest? {
        try await server.state.ready?.store.request(id)
    }

    /// Messages in a channel whose texts (fallback and blocks) mention `text`.
    func messages(in channel: String, containing text: String) async -> [FakeSlackMessage] {
        await messages(in: channel).filter { message in
            ([message.text] + message.blocks.allTexts).contains { $0.localizedCaseInsensitiveContains(text) }
        }
    }
}
