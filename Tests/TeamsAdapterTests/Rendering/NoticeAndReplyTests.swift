import AccessCore
import AccessTesting
import Foundation
import TeamsAdapter
import Testing

@Suite("Teams notices and replies")
struct NoticeAndReplyTests {
    let catalog = TeamsFixtures.catalog

    static let allNotices: [Notice] = [
        .submitted, .durationCapped(to: .hours(8)), .stepApproved(step: 0, of: 2, by: SampleCatalog.bob),
        .approved(by: [SampleCatalog.bob]), .approved(by: []), .denied(by: SampleCatalog.bob, reason: "[no](https://evil.example)"),
        .cancelled(by: .user(SampleCatalog.alice), reason: nil), .cancelled(by: .admin("ops"), reason: "dup"), .timedOut,
        .granted(until: SampleCatalog.epoch), .granted(until: nil), .grantFailed(reason: "Okta said *no*"),
        .expiringSoon(at: SampleCatalog.epoch), .expired, .revoked(by: .system, reason: "left"),
    ]

    @Test("every notice has words, to the requester and to others", arguments: allNotices)
    func notices(notice: Notice) {
        let request = TeamsFixtures.pending()
        for audience in [Audience.user(SampleCatalog.alice), .user(SampleCatalog.bob), .channel(ChannelRef(teams: "19:x"))] {
            let message = TeamsNotices.message(
                for: AccessCore.Notification(requestID: request.id, audience: audience, notice: notice), request: request, catalog: catalog)
            #expect(!message.text.isEmpty)
            #expect(message.card == nil)
            #expect(message.text.contains("R-7KX2P9QM"))
            #expect(!message.text.contains("[no]"))
            #expect(!message.text.contains("*no*"))
        }
    }

    @Test("the requester reads 'your request'; others read who asked")
    func wording() {
        let request = TeamsFixtures.pending()
        func text(_ audience: Audience) -> String {
            TeamsNotices.message(
                for: AccessCore.Notification(
                    requestID: request.id, audience: audience, notice: .denied(by: TeamsFixtures.bob, reason: "no")),
                request: request, catalog: catalog
            ).text
        }
        #expect(
            text(.user(SampleCatalog.alice))
                == "⛔ Your request **R-7KX2P9QM** for **GitHub admins** was denied by bob@example.com.\n\n**Reason:** no")
        #expect(text(.user(SampleCatalog.carol)).hasPrefix("⛔ Request **R-7KX2P9QM** from alice@example.com for **GitHub admins**"))
    }

    @Test("replies are non-empty text, errors keep code spans and escape the rest")
    func replies() {
        let request = TeamsFixtures.pending()
        let texts = [
            TeamsReplies.help(), TeamsReplies.invalid("I don't know `x`."), TeamsReplies.error(.selfApproval),
            TeamsReplies.submitted(request, catalog: catalog), TeamsReplies.cancelled("R-1"), TeamsReplies.notFound("R-1"),
            TeamsReplies.unknownPerson(), TeamsReplies.unknownAction(), TeamsReplies.greeting(), TeamsReplies.notReady(),
            TeamsReplies.status([], catalog: catalog), TeamsReplies.pending([], catalog: catalog),
        ]
        for content in texts {
            #expect(!content.text.isEmpty)
            #expect(content.card == nil)
        }
        #expect(TeamsReplies.help().text.hasPrefix("**AccessBot** — ask for access from chat."))
        #expect(TeamsReplies.invalid("I don't know `x`.").text.hasPrefix("I don't know `x`."))
        let hostile = TeamsReplies.error(.unknownResource("a`[x](https://evil.example)", suggestions: ["github-admins"])).text
        #expect(!hostile.contains("[x](https"))
        #expect(TeamsReplies.error(.unknownResource("gh", suggestions: ["github-admins"])).text.contains("`github-admins`"))
        #expect(
            TeamsReplies.submitted(request, catalog: catalog).text
                == "📥 Request **R-7KX2P9QM** for **GitHub admins** submitted. It waits on bob@example.com.")
    }

    @Test("lists show one paragraph per request and count the rest")
    func lists() {
        let requests = (0..<30).map { TeamsFixtures.pending(id: RequestID("R-\($0)"), justification: "[j](x)\n# h") }
        let text = TeamsReplies.pending(requests, catalog: catalog).text
        #expect(text.hasPrefix("**Waiting on you (30)**\n\n**R-0** · alice@example.com asks for **GitHub admins** for 4h · pending"))
        #expect(text.contains("… and 5 more."))
        #expect(!text.contains("[j](x)"))
        #expect(!text.contains("\n# h"))
        #expect(TeamsReplies.status([], catalog: catalog).text == "You have no requests.")
    }

    @Test("status of one request is its card without inputs or buttons")
    func statusOfOne() throws {
        let content = TeamsReplies.status(of: TeamsFixtures.pending(), catalog: catalog, now: TeamsFixtures.now)
        let card = try #require(content.card)
        #expect(try TeamsFixtures.actions(card).isEmpty)
        #expect(card.body.compactMap(\.inputID).isEmpty)
        #expect(content.text.contains("R-7KX2P9QM"))
    }
}
