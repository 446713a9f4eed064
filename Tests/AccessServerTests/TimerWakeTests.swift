import Foundation
import Testing

@testable import AccessServer

@Suite("Timer loop: when to claim")
struct TimerWakeTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("a wake with nothing due claims nothing (a commit's signal is not a reason to write)")
    func claimsOnlyWhenDue() {
        #expect(!TimerWake.shouldClaim(next: .at(now.addingTimeInterval(3600)), now: now))
        #expect(!TimerWake.shouldClaim(next: .none, now: now))
        #expect(TimerWake.shouldClaim(next: .at(now), now: now))
        #expect(TimerWake.shouldClaim(next: .at(now.addingTimeInterval(-5)), now: now))
        #expect(TimerWake.shouldClaim(next: .unknown, now: now))
    }

    @Test("sleeps until the next due time, at most the poll interval")
    func waits() {
        #expect(TimerWake.wait(next: .at(now.addingTimeInterval(0.25)), now: now, poll: .seconds(1)) == .milliseconds(251))
        #expect(TimerWake.wait(next: .at(now.addingTimeInterval(3600)), now: now, poll: .seconds(1)) == .seconds(1))
        #expect(TimerWake.wait(next: .none, now: now, poll: .seconds(1)) == .seconds(1))
        #expect(TimerWake.wait(next: .at(now.addingTimeInterval(-1)), now: now, poll: .seconds(1)) == .milliseconds(1))
    }
}
