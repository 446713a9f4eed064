import Foundation
import Testing

@testable import AccessServer

@Suite("Timer alarm: wake the timer loop only for an earlier timer")
struct TimerAlarmTests {
    private func elapsed(_ body: () async -> Void) async -> Duration {
        let start = ContinuousClock.now
        await body()
        return ContinuousClock.now - start
    }

    @Test("a timer due after the planned look does not wake the sleeper; an earlier one does")
    func wakesOnlyForEarlier() async {
        let alarm = TimerAlarm()
        let planned = Date().addingTimeInterval(3600)
        let quiet = await elapsed {
            async let sleep: Void = alarm.sleep(until: planned, timeout: .milliseconds(600))
            try? await Task.sleep(for: .milliseconds(100))
            alarm.scheduled(due: planned.addingTimeInterval(60))
            await sleep
        }
        #expect(quiet >= .milliseconds(550), "woken for a later timer")

        let woken = await elapsed {
            async let sleep: Void = alarm.sleep(until: planned, timeout: .seconds(10))
            try? await Task.sleep(for: .milliseconds(100))
            alarm.scheduled(due: Date().addingTimeInterval(5))
            await sleep
        }
        #expect(woken < .seconds(5), "not woken for an earlier timer")
    }

    @Test("a timer scheduled while the loop reads the store wakes its next sleep at once")
    func scheduledWhileLooking() async {
        let alarm = TimerAlarm()
        alarm.looking()
        alarm.scheduled(due: Date().addingTimeInterval(3600))
        let took = await elapsed { await alarm.sleep(until: Date().addingTimeInterval(3600), timeout: .seconds(10)) }
        #expect(took < .seconds(5))
    }
}
