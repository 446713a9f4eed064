import AccessCore
import AccessTesting
import Foundation

/// Values of every stored shape: each effect and notice (optionals both ways, text that
/// needs escaping) and requests in the states the workflow reaches. Shared by the tests of
/// the two JSON writers so both are held to the same corpus.
enum StoredJSONSamples {
    static func effects() -> [Effect] {
        let id: RequestID = "R-JSON0001"
        let order = GrantOrder(requestID: id, resource: "github-admins", user: "alice@example.com", method: .oktaGroup("00g1"))
        let odd = Date(timeIntervalSince1970: 1_767_225_600.123_456_7)
        let notices: [Notice] = [
            .submitted, .durationCapped(to: .hours(4)), .stepApproved(step: 0, of: 2, by: "bob@example.com"),
            .approved(by: ["a@example.com", "b@example.com"]), .approved(by: []),
            .denied(by: "bob@example.com", reason: "no \"way\"\n\tnope \u{1} ✓"),
            .cancelled(by: .admin("ops"), reason: nil), .cancelled(by: .system, reason: "gone"), .timedOut, .granted(until: odd),
            .granted(until: nil), .grantFailed(reason: "HTTP 500 \\ retry"), .expiringSoon(at: odd), .expired,
            .revoked(by: .user("erin@example.com"), reason: nil), .revoked(by: .admin("sec\u{1F512}"), reason: "offboarded"),
        ]
        var effects: [Effect] = notices.map { .notify(Notification(requestID: id, audience: .user("alice@example.com"), notice: $0)) }
        effects += [
            .card(CardDelivery(requestID: id, audience: .channel(ChannelRef(slack: "C1", teams: nil)), purpose: .approval)),
            .card(CardDelivery(requestID: id, audience: .channel(ChannelRef(slack: nil, teams: "19:x")), purpose: .reminder)),
            .card(CardDelivery(requestID: id, audience: .channel(ChannelRef(slack: "C1", teams: "19:y")), purpose: .approval)),
            .card(CardDelivery(requestID: id, audience: .channel(ChannelRef()), purpose: .approval)),
            .card(CardDelivery(requestID: id, audience: .user("carol@example.com"), purpose: .confirmManualGrant("prod-db"))),
            .card(CardDelivery(requestID: id, audience: .user("carol@example.com"), purpose: .escalation)),
            .updateCards(id), .grant(order), .revoke(GrantOrder(requestID: id, resource: "aws", user: "a@example.com", method: .manual)),
            .revoke(GrantOrder(requestID: id, resource: "aws", user: "a@example.com", method: .oktaApp("0oa1"))),
            .schedule(ScheduledTimer(requestID: id, kind: .expiryWarning, due: odd)), .cancelTimers(id),
        ]
        return effects
    }

    /// Requests as the workflow leaves them: submitted, part and fully approved, granted,
    /// denied with a multi-line reason, and one with every optional field and odd text.
    static func requests() throws -> [AccessRequest] {
        let now = StoreFixtures.epoch.addingTimeInterval(0.1)
        var request = try StoreFixtures.submit(StoreFixtures.githubSubmission(id: "R-JSON0002"), now: now).request
        var requests = [request]
        for command in [Command.approve(by: StoreFixtures.carol, comment: "ok \"fine\""), .approve(by: StoreFixtures.bob)] {
            request = try StoreFixtures.handle(command, on: request, now: now.addingTimeInterval(60)).request
            requests.append(request)
        }
        request = try StoreFixtures.handle(.grantCompleted("github-admins", by: .system), on: request, now: now.addingTimeInterval(120))
            .request
        requests.append(request)
        let denied = try StoreFixtures.handle(
            .deny(by: StoreFixtures.panel[3], reason: "line one\nline two"),
            on: try StoreFixtures.submit(StoreFixtures.panelSubmission(id: "R-JSON0003"), now: now).request, now: now)
        requests.append(denied.request)

        var full = request
        full.answers = [Answer(question: "ticket", value: "INC-1 \"quoted\" \\ back"), Answer(question: "why", value: "ünïcödé 🎉\u{0}")]
        full.justification = "tab\there\r\nnew line, \u{7f} and \u{1f}"
        var permanent = request
        permanent.accessDuration = nil
        requests.append(permanent)
        full.accessDuration = .days(3)
        full.steps.append(StepProgress(rule: .resourceOwner, eligible: [], required: 0, channel: ChannelRef(teams: "19:t")))
        full.steps.append(StepProgress(rule: .user("root@example.com"), eligible: ["root@example.com"], required: 1))
        full.decisions.append(Decision(approver: "x@example.com", step: 1, outcome: .denied, reason: nil, at: now))
        full.origin = Origin(platform: .teams)
        full.decidedAt = now
        full.grantedAt = now.addingTimeInterval(0.5)
        full.accessEndsAt = Date(timeIntervalSinceReferenceDate: -12.25)
        full.endedAt = now.addingTimeInterval(1e6)
        full.endReason = "expired"
        full.version = Int.max
        requests.append(full)
        return requests
    }
}
