import AccessCore
import AccessTesting
import Foundation

/// `accessbot-bench core [--requests N]`: workflow transitions per second on one core.
/// Each request goes submit → approve (manager) → approve (team) → grant completed: four
/// transitions, each building the new state, its effects and its audit events.
func runCoreBenchmark(arguments: [String]) throws {
    let requests =
        arguments.firstIndex(of: "--requests").flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? 200_000
    let workflow = Workflow(catalog: SampleCatalog.catalog)
    let template = SampleCatalog.githubSubmission()
    let ids = (0..<requests).map { RequestID("R-\(String($0, radix: 32).uppercased())") }
    let now = SampleCatalog.epoch
    var effects = 0

    func one(_ id: RequestID) throws -> Int {
        var submission = template
        submission.id = id
        let submitted = try workflow.submit(submission, now: now)
        let first = try workflow.handle(.approve(by: SampleCatalog.bob), on: submitted.request, now: now)
        let second = try workflow.handle(.approve(by: SampleCatalog.carol), on: first.request, now: now)
        let granted = try workflow.handle(.grantCompleted("github-admins", by: .system), on: second.request, now: now)
        guard granted.request.status == .fulfilled else { throw BenchmarkError.unexpected("\(granted.request.status)") }
        return submitted.effects.count + first.effects.count + second.effects.count + granted.effects.count
    }

    for id in ids.prefix(10_000) { effects &+= try one(id) }  // warm-up
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        for id in ids { effects &+= try one(id) }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let transitions = Double(requests * 4)
    print("core: \(requests) requests, \(Int(transitions)) transitions in \(String(format: "%.3f", seconds)) s")
    print("core: \(Int(transitions / seconds)) transitions/s, \(Int(Double(requests) / seconds)) requests/s (one core)")
    print("core: (checksum \(effects) effects)")
}

enum BenchmarkError: Error {
    case unexpected(String)
}
