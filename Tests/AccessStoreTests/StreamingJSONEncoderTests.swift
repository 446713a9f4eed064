import AccessCore
import AccessTesting
import Foundation
import Testing

@testable import AccessStore

@Suite("Streaming JSON encoder")
struct StreamingJSONEncoderTests {
    private func roundTrip<T: Codable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try StreamingJSONEncoder.encode(value)
        let decoded = try JSONDecoder().decode(T.self, from: Data(text.utf8))
        #expect(decoded == value, "\(text)", sourceLocation: sourceLocation)
    }

    @Test("every effect and notice reads back equal with JSONDecoder")
    func effects() throws {
        let id: RequestID = "R-JSON0001"
        let order = GrantOrder(requestID: id, resource: "github-admins", user: "alice@example.com", method: .oktaGroup("00g1"))
        let odd = Date(timeIntervalSince1970: 1_767_225_600.123_456_7)
        let notices: [Notice] = [
            .submitted, .durationCapped(to: .hours(4)), .stepApproved(step: 0, of: 2, by: "bob@example.com"),
            .approved(by: ["a@example.com", "b@example.com"]), .denied(by: "bob@example.com", reason: "no \"way\"\n\tnope \u{1} ✓"),
            .cancelled(by: .admin("ops"), reason: nil), .cancelled(by: .system, reason: "gone"), .timedOut, .granted(until: odd),
            .granted(until: nil), .grantFailed(reason: "HTTP 500 \\ retry"), .expiringSoon(at: odd), .expired,
            .revoked(by: .user("erin@example.com"), reason: nil),
        ]
        var effects: [Effect] = notices.map { .notify(Notification(requestID: id, audience: .user("alice@example.com"), notice: $0)) }
        effects += [
            .card(CardDelivery(requestID: id, audience: .channel(ChannelRef(slack: "C1", teams: nil)), purpose: .approval)),
            .card(CardDelivery(requestID: id, audience: .channel(ChannelRef(slack: nil, teams: "19:x")), purpose: .reminder)),
            .card(CardDelivery(requestID: id, audience: .user("carol@example.com"), purpose: .confirmManualGrant("prod-db"))),
            .card(CardDelivery(requestID: id, audience: .user("carol@example.com"), purpose: .escalation)),
            .updateCards(id), .grant(order), .revoke(GrantOrder(requestID: id, resource: "aws", user: "a@example.com", method: .manual)),
            .revoke(GrantOrder(requestID: id, resource: "aws", user: "a@example.com", method: .oktaApp("0oa1"))),
            .schedule(ScheduledTimer(requestID: id, kind: .expiryWarning, due: odd)), .cancelTimers(id),
        ]
        for effect in effects { try roundTrip(effect) }
        try roundTrip(effects)
    }

    @Test("requests in every state the workflow reaches read back equal")
    func requests() throws {
        let now = StoreFixtures.epoch.addingTimeInterval(0.1)
        var request = try StoreFixtures.submit(StoreFixtures.githubSubmission(id: "R-JSON0002"), now: now).request
        try roundTrip(request)
        for command in [Command.approve(by: StoreFixtures.carol, comment: "ok \"fine\""), .approve(by: StoreFixtures.bob)] {
            request = try StoreFixtures.handle(command, on: request, now: now.addingTimeInterval(60)).request
            try roundTrip(request)
        }
        request = try StoreFixtures.handle(.grantCompleted("github-admins", by: .system), on: request, now: now.addingTimeInterval(120))
            .request
        try roundTrip(request)
        let denied = try StoreFixtures.handle(
            .deny(by: StoreFixtures.panel[3], reason: "line one\nline two"),
            on: try StoreFixtures.submit(StoreFixtures.panelSubmission(id: "R-JSON0003"), now: now).request, now: now)
        try roundTrip(denied.request)
        for event in denied.audit { try roundTrip(event) }
    }

    @Test("primitives, optionals, nesting and edge values")
    func primitives() throws {
        struct Sample: Codable, Equatable {
            var text = "tab\t quote\" backslash\\ bell\u{7} emoji 🎉 nul\u{0}"
            var empty = ""
            var int = Int.min
            var unsigned = UInt64.max
            var small: Int8 = -8
            var double = -0.000_000_123_456_789
            var huge = 1.0e300
            var float: Float = 3.25
            var flag = true
            var missing: String? = nil
            var present: Int? = 0
            var list: [Int?] = [1, nil, 3]
            var nested: [[String]] = [[], ["a"], ["b", "c"]]
            var map: [String: Double] = ["x": 1.5]
            var date = Date(timeIntervalSinceReferenceDate: 123.456)
            var span = TimeSpan.days(2)
        }
        try roundTrip(Sample())
        try roundTrip([Sample(), Sample()])
        try roundTrip("just a string")
        try roundTrip(42)
        try roundTrip([String: [Int]]())
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encode(Double.nan) }
    }

    @Test("the output is what JSONDecoder expects for dates: Foundation's default")
    func dates() throws {
        let date = Date(timeIntervalSince1970: 1_767_225_600.5)
        let ours = try StreamingJSONEncoder.encode([date])
        let foundation = try JSONDecoder().decode([Date].self, from: JSONEncoder().encode([date]))
        #expect(try JSONDecoder().decode([Date].self, from: Data(ours.utf8)) == foundation)
    }
}
