import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import SlackAdapter
import Testing

/// Teams delivery beyond the happy path: pacing per conversation and dead letters.
@Suite struct TeamsDeliveryTests {
    private typealias H = TeamsHarness
    private static let escalation = TeamsActivityFixtures.channelConversationID

    /// The sample catalog with the escalation channel on Teams.
    private static var catalog: Catalog {
        let base = SampleCatalog.catalog
        return Catalog(
            resources: base.resources, teams: base.teams, lists: base.lists, requestTypes: base.requestTypes, users: base.users,
            escalationChannel: ChannelRef(teams: escalation)
        ).grantingByHand()
    }

    @Test func cardsToOneConversationArePacedAndNoneIsLost() async throws {
        try await H.run { h in
            for index in 0..<4 {
                #expect(try await h.say("request prod-db for 1h because pacing \(index)", as: SampleCatalog.alice).status == 200)
            }
            try await eventually("four cards to erin") { h.cards(for: SampleCatalog.erin).count == 4 }
            let conversation = H.personalConversation(SampleCatalog.erin)
            let sends = h.teams.sentActivities(in: conversation).filter { $0.card != nil }.map(\.at).sorted()
            #expect(sends.count == 4)
            // Slots are 600 ms apart; a send that itself runs late can bring two closer, so the
            // whole span is checked: unpaced, four cards leave within milliseconds.
            if let first = sends.first, let last = sends.last {
                #expect(last.timeIntervalSince(first) >= 1.0, "cards to one conversation were paced")
            }
        }
    }

    @Test func aMessageThatFailsForGoodIsReportedToTheTeamsEscalationConversation() async throws {
        try await H.run(catalog: Self.catalog) { h in
            // Erin has a chat with the bot; then she blocks it: the next card to her dies (403
            // MessageWritesBlocked), and the admins hear of it in their Teams conversation.
            let slack = SlackHarness(server: h.server, slack: h.slack)
            #expect(try await slack.command("request prod-db for 1h because first", as: SampleCatalog.alice).status == 200)
            try await eventually("first card") { h.cards(for: SampleCatalog.erin).count == 1 }
            h.teams.failNext(count: 1, method: "POST", with: .forbidden())
            #expect(try await slack.command("request prod-db for 1h because blocked", as: SampleCatalog.alice).status == 200)
            try await eventually("escalation told") {
                h.teams.sentActivities(in: Self.escalation).contains {
                    $0.body["text"]?.string?.contains("could not deliver") == true
                }
            }
            let ready = try #require(h.server.state.ready)
            #expect(try await ready.store.outboxCounts().dead == 1)
        }
    }
}
