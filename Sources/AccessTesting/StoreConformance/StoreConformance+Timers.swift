import AccessCore
import Foundation

extension StoreConformance {
    static let timerChecks: [Check] = [
        Check("claimDueTimers leases due timers earliest first, within the limit") { store in
            try await store.create(try F.submit(F.githubSubmission(id: "R-TIMERS01")))
            let early = try await store.claimDueTimers(now: F.epoch.addingTimeInterval(3600), limit: 10, lease: .minutes(1), worker: "w")
            try requireEqual(early.count, 0, "before any is due")
            let twoDays = F.epoch.addingTimeInterval(2 * 86_400)
            let limited = try await store.claimDueTimers(now: twoDays, limit: 1, lease: .minutes(1), worker: "w")
            try requireEqual(limited.map(\.timer.kind), [.remind], "limit 1")
            let rest = try await store.claimDueTimers(now: twoDays, limit: 10, lease: .minutes(1), worker: "w")
            try requireEqual(rest.map(\.timer.kind), [.escalate], "the other due timer")
            try requireEqual(rest.first?.timer.requestID, "R-TIMERS01", "request id")
            try requireEqual(rest.first?.timer.due, F.epoch.addingTimeInterval(86_400), "due time")
            let leased = try await store.claimDueTimers(now: twoDays, limit: 10, lease: .minutes(1), worker: "w2")
            try requireEqual(leased.count, 0, "while leased")
            try requireEqual(try await store.nextTimerDue(), twoDays.addingTimeInterval(60), "next: when the leases end")

            let later = twoDays.addingTimeInterval(61)
            let reclaimed = try await store.claimDueTimers(now: later, limit: 10, lease: .minutes(1), worker: "w2")
            try requireEqual(reclaimed.map(\.timer.kind), [.remind, .escalate], "after the leases end")
            for timer in reclaimed { try await store.deleteTimer(timer.id) }
            try requireEqual(try await store.nextTimerDue(), F.epoch.addingTimeInterval(3 * 86_400), "next: the expiry")
        },
        Check("a due timer is found among many future ones, and nextTimerDue is nil when none are left") { store in
            try requireEqual(try await store.nextTimerDue(), nil, "empty store")
            for index in 0..<30 {
                let id = RequestID(rawValue: String(format: "R-FUTURE%02d", index))
                try await store.create(try F.submit(F.githubSubmission(id: id), now: F.epoch.addingTimeInterval(Double(index) * 86_400)))
            }
            let now = F.epoch.addingTimeInterval(4 * 3600)
            let due = try await store.claimDueTimers(now: now, limit: 100, lease: .minutes(1), worker: "w")
            try requireEqual(due.map(\.timer.requestID), ["R-FUTURE00"], "the one due timer")
            let far = F.epoch.addingTimeInterval(365 * 86_400)
            let all = try await store.claimDueTimers(now: far, limit: 1000, lease: .minutes(1), worker: "w")
            try requireEqual(all.count, 90, "all, the expired lease included")
            try require(all.map(\.timer.due) == all.map(\.timer.due).sorted(), "earliest first")
            for timer in all { try await store.deleteTimer(timer.id) }
            try requireEqual(try await store.nextTimerDue(), nil, "after deleting all")
        },
        Check("concurrent timer claimers never get the same timer") { store in
            for index in 0..<20 {
                try await store.create(try F.submit(F.githubSubmission(id: RequestID(rawValue: String(format: "R-TCLAIM%02d", index)))))
            }
            let far = F.epoch.addingTimeInterval(30 * 86_400)
            let claimed = try await withThrowingTaskGroup(of: [TimerID].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [TimerID] = []
                        while true {
                            let batch = try await store.claimDueTimers(now: far, limit: 2, lease: .minutes(5), worker: "w\(worker)")
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                var all: [TimerID] = []
                for try await ids in group { all += ids }
                return all
            }
            try requireEqual(claimed.count, 60, "timers claimed")
            try requireEqual(Set(claimed).count, 60, "distinct timers")
        },
    ]
}
