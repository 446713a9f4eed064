import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import SlackAdapter
import Testing

/// Forged, stale and malformed Slack requests: each is refused with a 4xx, and nothing is
/// written to the store and nothing is sent to Slack.
@Suite struct SlackForgeryTests {
    struct Forgery: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var body: [UInt8]
        var headers: [(String, String)]
        var expected: ClosedRange<Int> = 400...499
        var testDescription: String { name }
    }

    static let signer = SlackSigner(secret: SlackHarness.secret)
    static let command = SlackPayloadFixtures.slashCommand(text: "request github-admins for 4h because incident 4411")
    static let click = SlackPayloadFixtures.blockActions(actionID: "approve", value: "R-AAAAAAAA")

    static func signed(_ body: [UInt8], at date: Date = Date(), secret: String = SlackHarness.secret) -> [(String, String)] {
        let headers = SlackSigner(secret: secret).headers(for: body, at: date)
        return [("X-Slack-Request-Timestamp", headers.timestamp), ("X-Slack-Signature", headers.signature)]
    }

    static func form(_ payload: String) -> [UInt8] {
        Array(("payload=" + (payload.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")).utf8)
    }

    static let corpus: [Forgery] = {
        let now = Date()
        let valid = signed(command)
        var tampered = command
        tampered[tampered.count - 1] ^= 0x01
        let otherBody = SlackPayloadFixtures.slashCommand(text: "help")
        let invalidUTF8: [UInt8] =
            Array("token=x&user_id=U0001CCCC&command=%2Faccess&text=".utf8) + [0xC3, 0x28] + Array("&team_id=T1&channel_id=C1".utf8)
        let badPercent = Array("team_id=T1&channel_id=C1&user_id=U1&command=%2Faccess&text=%ZZ".utf8)
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) + 10)
        return [
            Forgery(name: "no signature headers", path: "/slack/commands", body: command, headers: []),
            Forgery(name: "timestamp only", path: "/slack/commands", body: command, headers: [valid[0]]),
            Forgery(name: "signature only", path: "/slack/commands", body: command, headers: [valid[1]]),
            Forgery(name: "wrong secret", path: "/slack/commands", body: command, headers: signed(command, secret: "not-the-secret")),
            Forgery(name: "stale by 6 minutes", path: "/slack/commands", body: command, headers: signed(command, at: now - 360)),
            Forgery(name: "future by 6 minutes", path: "/slack/commands", body: command, headers: signed(command, at: now + 360)),
            Forgery(name: "stale by a day", path: "/slack/interactions", body: click, headers: signed(click, at: now - 86_400)),
            Forgery(name: "tampered body", path: "/slack/commands", body: tampered, headers: valid),
            Forgery(name: "signature of another body", path: "/slack/commands", body: command, headers: signed(otherBody)),
            Forgery(
                name: "signature header without v0=", path: "/slack/commands", body: command,
                headers: [valid[0], ("X-Slack-Signature", String(valid[1].1.dropFirst(3)))]),
            Forgery(
                name: "v1 signature", path: "/slack/commands", body: command,
                headers: [valid[0], ("X-Slack-Signature", "v1=" + valid[1].1.dropFirst(3))]),
            Forgery(
                name: "upper-case hex signature", path: "/slack/commands", body: command,
                headers: [valid[0], ("X-Slack-Signature", valid[1].1.uppercased())]),
            Forgery(
                name: "non-numeric timestamp", path: "/slack/commands", body: command,
                headers: [("X-Slack-Request-Timestamp", "soon"), valid[1]]),
            Forgery(
                name: "timestamp header changed after signing", path: "/slack/commands", body: command,
                headers: [("X-Slack-Request-Timestamp", String(Int(now.timeIntervalSince1970) + 1)), valid[1]]),
            Forgery(name: "empty body with a signature of the real one", path: "/slack/commands", body: [], headers: valid),
            Forgery(
                name: "interaction signed with the wrong secret", path: "/slack/interactions", body: click,
                headers: signed(click, secret: "x")),
            Forgery(
                name: "event signed with the wrong secret", path: "/slack/events",
                body: SlackPayloadFixtures.urlVerification(challenge: "c"),
                headers: signed(SlackPayloadFixtures.urlVerification(challenge: "c"), secret: "x")),
            Forgery(
                name: "invalid JSON in payload", path: "/slack/interactions", body: form("{not json"),
                headers: signed(form("{not json"))),
            Forgery(
                name: "payload of an unknown type", path: "/slack/interactions", body: form(#"{"type":"mystery"}"#),
                headers: signed(form(#"{"type":"mystery"}"#))),
            Forgery(
                name: "interaction without payload", path: "/slack/interactions", body: Array("x=1".utf8),
                headers: signed(Array("x=1".utf8))),
            Forgery(name: "invalid UTF-8 in a command", path: "/slack/commands", body: invalidUTF8, headers: signed(invalidUTF8)),
            Forgery(name: "bad percent escape", path: "/slack/commands", body: badPercent, headers: signed(badPercent)),
            Forgery(
                name: "command without user_id", path: "/slack/commands", body: Array("command=%2Faccess&text=help".utf8),
                headers: signed(Array("command=%2Faccess&text=help".utf8))),
            Forgery(
                name: "event body that is not JSON", path: "/slack/events", body: Array("hello".utf8), headers: signed(Array("hello".utf8))),
            Forgery(
                name: "event callback without event_id", path: "/slack/events",
                body: Array(#"{"type":"event_callback","event":{"type":"app_home_opened"}}"#.utf8),
                headers: signed(Array(#"{"type":"event_callback","event":{"type":"app_home_opened"}}"#.utf8))),
            Forgery(name: "oversized body", path: "/slack/commands", body: huge, headers: signed(huge), expected: 413...413),
        ]
    }()

    @Test func corpusHasAtLeastTwentyCases() { #expect(Self.corpus.count >= 20) }

    @Test(arguments: corpus)
    func isRefusedAndChangesNothing(_ forgery: Forgery) async throws {
        try await SlackHarness.run { slack in
            let response = try await slack.server.post(
                forgery.path, body: forgery.body,
                headers: HTTPHeaders([("Content-Type", "application/x-www-form-urlencoded")] + forgery.headers))
            #expect(forgery.expected.contains(response.status), "\(forgery.name): \(response.status)")
            if response.status == 401 {
                // Generic: nothing about why.
                #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":"unauthorized"}"#)
            }
            try await Task.sleep(for: .milliseconds(150))
            let ready = try #require(slack.server.state.ready)
            #expect(try await ready.store.requests(RequestQuery(limit: 10)).isEmpty)
            #expect(try await ready.store.outboxCounts().pending == 0)
            #expect(await slack.slack.calls().isEmpty, "\(forgery.name) reached Slack")
        }
    }
}
