// accessbot-bench: one subcommand per benchmark.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())

do {
    try await runBenchmark(arguments)
} catch {
    // A bad option is a message and exit status 2, not a crash with a backtrace.
    FileHandle.standardError.write(Data("accessbot-bench: \(error)\n".utf8))
    exit(2)
}

func runBenchmark(_ arguments: [String]) async throws {
    let options = Array(arguments.dropFirst())
    switch arguments.first {
    case "core":
        try runCoreBenchmark(arguments: options)
    case "http":
        try await runHTTPBenchmark(arguments: options)
    case "store":
        try await runStoreBenchmark(arguments: options)
    case "report":
        try await runReportBenchmark(arguments: options)
    case "timers":
        try await runTimerBenchmark(arguments: options)
    case "teams-token":
        try await runTeamsTokenBenchmark(arguments: options)
    case "teams-invoke":
        try await runTeamsInvokeBenchmark(arguments: options)
    case "http-floor":
        try await runHTTPFloorServer(arguments: options)
    default:
        print(
            "usage: accessbot-bench <benchmark> [options]; benchmarks: core, store, http, report, timers, teams-token, "
                + "teams-invoke, http-floor")
    }
}
