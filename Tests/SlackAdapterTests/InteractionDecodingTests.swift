import AccessCore
import AccessTesting
import SlackAdapter
import Testing

@Suite("Interaction and event decoding")
struct InteractionDecodingTests {
    @Test("the S2 vector: an approve click on a message")
    func approveVector() throws {
        let vector = try #require(try SlackVector.all().first { $0.name.hasPrefix("S2") })
        let interaction = try SlackInteraction.decode(formBody: vector.bytes)
        #expect(interaction.userID == "U0002EEEE")
        #expect(interaction.teamID == "T0001AAAA")
        #expect(interaction.triggerID == "3333.4444.fedcba")
        #expect(interaction.responseURL == "https://hooks.slack.com/actions/T0001AAAA/5555/xyz789")
        #expect(
            interaction.kind
                == .cardAction(.approve("req-42"), source: .message(channel: "C0001BBBB", ts: "1700000000.000100", isEphemeral: false)))
    }

    @Test("deny without a reason asks for the modal; discriminated ids map to the same action")
    func denyAndDiscriminators() throws {
        let deny = try SlackInteraction.decode(formBody: SlackPayloadFixtures.blockActions(actionID: "deny", value: "R-1"))
        guard case .cardAction(.deny("R-1", reason: nil), _) = deny.kind else { Issue.record("\(deny.kind)"); return }
        let home = try SlackInteraction.decode(
            formBody: SlackPayloadFixtures.blockActions(
                actionID: "approve.R-2", value: "R-2", container: .view(id: "VHOME", type: "home")))
        #expect(home.kind == .cardAction(.approve("R-2"), source: .homeTab(viewID: "VHOME")))
    }

    @Test("unknown action ids, bad values and unsupported types are typed errors")
    func rejectsUnknown() {
        #expect(throws: SlackPayloadError.unknownAction("launch_missiles")) {
            try SlackInteraction.decode(formBody: SlackPayloadFixtures.blockActions(actionID: "launch_missiles", value: "R-1"))
        }
        #expect(throws: SlackPayloadError.invalidValue(field: "value")) {
            try SlackInteraction.decode(formBody: SlackPayloadFixtures.blockActions(actionID: "approve", value: "has space"))
        }
        #expect(throws: SlackPayloadError.invalidValue(field: "value")) {
            try SlackInteraction.decode(formBody: SlackPayloadFixtures.blockActions(actionID: "approve", value: nil))
        }
        #expect(throws: SlackPayloadError.invalidValue(field: "value")) {
            try SlackInteraction.decode(formBody: SlackPayloadFixtures.blockActions(actionID: "mark_granted", value: "R-1"))
        }
        let shortcut = FormURLEncoder.encode([("payload", #"{"type":"shortcut","user":{"id":"U1"}}"#)])
        #expect(throws: SlackPayloadError.unsupportedInteraction("shortcut")) { try SlackInteraction.decode(formBody: shortcut) }
        let noUser = FormURLEncoder.encode([("payload", #"{"type":"block_actions","actions":[]}"#)])
        #expect(throws: SlackPayloadError.missingField("user.id")) { try SlackInteraction.decode(formBody: noUser) }
    }

    @Test("a payload that is not JSON, or not there, or not UTF-8")
    func rejectsBadPayloads() {
        for json in ["{not json", "", "[]", #"{"type":1}"#, #"{"user":{"id":"U1"}}"#] {
            let body = FormURLEncoder.encode([("payload", json)])
            #expect(throws: SlackPayloadError.self) { try SlackInteraction.decode(formBody: body) }
        }
        #expect(throws: SlackPayloadError.invalidJSON) {
            try SlackInteraction.decode(formBody: FormURLEncoder.encode([("payload", "{not json")]))
        }
        #expect(throws: SlackPayloadError.missingField("payload")) { try SlackInteraction.decode(formBody: Array("other=1".utf8)) }
        #expect(throws: SlackPayloadError.invalidUTF8) { try SlackInteraction.decode(formBody: Array("payload=%7B%FE%7D".utf8)) }
    }

    @Test("the deny-reason modal submits a deny with its reason")
    func denyReasonSubmission() throws {
        let body = SlackPayloadFixtures.viewSubmission(
            callbackID: "deny_reason", privateMetadata: "R-7KX2P9QM", values: ["reason": .text("  not on call  ")])
        let interaction = try SlackInteraction.decode(formBody: body)
        #expect(
            interaction.kind
                == .cardAction(.deny("R-7KX2P9QM", reason: "not on call"), source: .modal(SlackViewRef(id: "V0001MODAL", hash: "hash-1"))))
        let empty = SlackPayloadFixtures.viewSubmission(callbackID: "deny_reason", privateMetadata: "R-1", values: ["reason": .text(" ")])
        #expect(throws: SlackPayloadError.missingField("reason")) { try SlackInteraction.decode(formBody: empty) }
        let unknown = SlackPayloadFixtures.viewSubmission(callbackID: "other", privateMetadata: "R-1", values: [:])
        #expect(throws: SlackPayloadError.unknownCallback("other")) { try SlackInteraction.decode(formBody: unknown) }
    }

    @Test("the request modal submits a RequestForm")
    func requestSubmission() throws {
        let body = SlackPayloadFixtures.viewSubmission(
            callbackID: "access_request", privateMetadata: "github-admin",
            values: [
                "request_type": .option("github-admin"), "resource": .option("github-admins"), "q.reason": .text("on call"),
                "q.duration": .option("4h"), "q.empty": .text(""), "justification": .text("incident 4411"),
            ])
        let interaction = try SlackInteraction.decode(formBody: body)
        guard case .requestSubmitted(let form, let view) = interaction.kind else { Issue.record("\(interaction.kind)"); return }
        #expect(view.id == "V0001MODAL")
        #expect(
            form
                == RequestForm(
                    requestType: "github-admin", resource: "github-admins",
                    answers: [Answer(question: "duration", value: "4h"), Answer(question: "reason", value: "on call")],
                    justification: "incident 4411"))
    }

    @Test("choosing a request type in the modal")
    func requestTypeChosen() throws {
        let body = SlackPayloadFixtures.blockActions(
            actionID: "request_type", selectedOption: "db-access", container: .view(id: "V0001MODAL", type: "modal"))
        #expect(
            try SlackInteraction.decode(formBody: body).kind
                == .requestTypeChosen("db-access", view: SlackViewRef(id: "V0001MODAL", hash: "hash-1")))
    }

    @Test("events: handshake, app home, others ignored")
    func events() throws {
        #expect(
            try SlackEventEnvelope.decode(jsonBody: SlackPayloadFixtures.urlVerification(challenge: "3eZb"))
                == .urlVerification(challenge: "3eZb"))
        let home = try SlackEventEnvelope.decode(jsonBody: SlackPayloadFixtures.appHomeOpened(userID: "U0001CCCC", eventID: "Ev9"))
        #expect(
            home
                == .callback(
                    SlackEventCallback(
                        eventID: "Ev9", teamID: "T0001AAAA", apiAppID: "A0001DDDD", event: .appHomeOpened(userID: "U0001CCCC", tab: .home)))
        )
        if case .callback(let callback) = home { #expect(callback.deduplicationKey == "slack-event:T0001AAAA:Ev9") }

        let vector = try #require(try SlackVector.all().first { $0.name.hasPrefix("S4") })
        guard case .callback(let mention) = try SlackEventEnvelope.decode(jsonBody: vector.bytes) else { Issue.record("S4"); return }
        #expect(mention.event == .other(type: "app_mention"))

        let userObject = Array(#"{"type":"event_callback","event_id":"Ev2","event":{"type":"user_change","user":{"id":"U1"}}}"#.utf8)
        #expect(
            try SlackEventEnvelope.decode(jsonBody: userObject)
                == .callback(SlackEventCallback(eventID: "Ev2", teamID: nil, apiAppID: nil, event: .other(type: "user_change"))))
        let limited = Array(#"{"type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820}"#.utf8)
        #expect(try SlackEventEnvelope.decode(jsonBody: limited) == .ignored(type: "app_rate_limited"))
    }

    @Test("bad event bodies")
    func badEvents() {
        #expect(throws: SlackPayloadError.invalidJSON) { try SlackEventEnvelope.decode(jsonBody: Array("nope".utf8)) }
        #expect(throws: SlackPayloadError.invalidJSON) { try SlackEventEnvelope.decode(jsonBody: [0x7B, 0xFF, 0x7D]) }
        #expect(throws: SlackPayloadError.missingField("challenge")) {
            try SlackEventEnvelope.decode(jsonBody: Array(#"{"type":"url_verification"}"#.utf8))
        }
        #expect(throws: SlackPayloadError.missingField("event_id")) {
            try SlackEventEnvelope.decode(jsonBody: Array(#"{"type":"event_callback","event":{"type":"x"}}"#.utf8))
        }
    }
}
