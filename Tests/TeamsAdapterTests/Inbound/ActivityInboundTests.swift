import AccessCore
import AccessTesting
import Foundation
import Testing

@testable import TeamsAdapter

/// Activities as Teams sends them, turned into typed intents.
@Suite("Teams activities into intents")
struct ActivityInboundTests {
    private func inbound(_ body: [UInt8]) throws -> TeamsInbound {
        try #require(TeamsActivity.decode(body)).inbound
    }

    @Test("a channel message has its bot mention stripped and parses like Slack's command")
    func mentionStripped() throws {
        let body = TeamsActivityFixtures.message(
            text: "request github-admins for 4h because incident 4411", conversationType: "channel")
        #expect(
            try inbound(body)
                == .command(.quickRequest(QuickRequest(resource: "github-admins", duration: .hours(4), reason: "incident 4411"))))
        #expect(try inbound(TeamsActivityFixtures.message(text: "request")) == .command(.openRequestForm))
        #expect(try inbound(TeamsActivityFixtures.message(text: "pending")) == .command(.pending))
        #expect(try inbound(TeamsActivityFixtures.message(text: "dance")) == .command(ChatCommandParser.parse("dance")))
    }

    @Test("invokes: approve, deny with and without a reason, step numbers as numbers or text")
    func invokes() throws {
        let approve = TeamsActivityFixtures.invoke(verb: "approve", data: ["requestId": .string("R-42"), "step": .number(1)])
        #expect(try inbound(approve) == .cardAction(.decide(.approve("R-42"), step: 1), source: .invoke))
        let deny = TeamsActivityFixtures.invoke(
            verb: "deny", data: ["requestId": .string("R-42"), "step": .string("0")], reason: "  not on call  ")
        #expect(try inbound(deny) == .cardAction(.decide(.deny("R-42", reason: "not on call"), step: 0), source: .invoke))
        let bare = TeamsActivityFixtures.invoke(verb: "deny", data: ["requestId": .string("R-42")], reason: "   ")
        #expect(try inbound(bare) == .cardAction(.decide(.deny("R-42", reason: nil), step: nil), source: .invoke))
        let unknown = TeamsActivityFixtures.invoke(verb: "launch", data: ["requestId": .string("R-42")])
        #expect(try inbound(unknown) == .cardAction(.unknown("launch"), source: .invoke))
        let noID = TeamsActivityFixtures.invoke(verb: "approve", data: [:])
        #expect(try inbound(noID) == .cardAction(.unknown("approve"), source: .invoke))
    }

    @Test("the request form: type chosen, then answers, duration and justification")
    func form() throws {
        let choose = TeamsActivityFixtures.invoke(verb: "chooseType", data: ["requestType": .string("app-access")])
        #expect(try inbound(choose) == .cardAction(.chooseType("app-access"), source: .invoke))
        let submit = TeamsActivityFixtures.invoke(
            verb: "submitRequest",
            data: [
                "requestType": .string("app-access"), "resource": .string("github-admins"), "duration": .string("4h"),
                "justification": .string("incident"), "q.ticket": .string("INC-1"), "q.empty": .string(""),
            ])
        let form = RequestForm(
            requestType: "app-access", resource: "github-admins", answers: [Answer(question: "ticket", value: "INC-1")],
            justification: "incident", duration: .hours(4))
        #expect(try inbound(submit) == .cardAction(.submitRequest(form), source: .invoke))
    }

    @Test("an Action.Submit fallback arrives as a message with a value")
    func submitFallback() throws {
        let body = TeamsActivityFixtures.submitAction(data: ["verb": .string("approve"), "requestId": .string("R-42"), "step": .number(0)])
        #expect(try inbound(body) == .cardAction(.decide(.approve("R-42"), step: 0), source: .submit))
    }

    @Test("installs, removals and other activity types")
    func lifecycle() throws {
        #expect(
            try inbound(TeamsActivityFixtures.conversationUpdate(membersAdded: [TeamsActivityFixtures.botID])) == .installed)
        #expect(try inbound(TeamsActivityFixtures.conversationUpdate(membersAdded: ["29:someone"])) == .ignored("conversationUpdate"))
        #expect(try inbound(TeamsActivityFixtures.installationUpdate(action: "add")) == .installed)
        #expect(try inbound(TeamsActivityFixtures.installationUpdate(action: "remove")) == .uninstalled)
        #expect(try inbound(Array(#"{"type":"typing","serviceUrl":"https://x/","conversation":{"id":"a"}}"#.utf8)) == .ignored("typing"))
    }

    @Test("bodies that are not activities decode to nil; the binding reads only two fields")
    func malformed() {
        #expect(TeamsActivity.decode(Array("not json".utf8)) == nil)
        #expect(TeamsActivity.decode(Array(#"{"type":"message"}"#.utf8)) == nil)
        #expect(TeamsActivity.decode([0xFF, 0xFE]) == nil)
        let binding = TeamsActivityBinding.read(Array(#"{"channelId":"msteams","serviceUrl":"https://a/","x":[1,2]}"#.utf8))
        #expect(binding?.channelId == "msteams")
        #expect(binding?.serviceUrl == "https://a/")
    }
}
