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
    switch arguments.first {
    case "core":
        try runCoreBenchmark(arguments: Array(arguments.dropFirst()))
    case "http":
        try await runHTTPBenchmark(arguments: Array(arguments.dropFirst()))
    case "store":
        try await runStoreBenchmark(arguments: Array(arguments.dropFirst()))
    case "report":
        try await runReportBenchmark(arguments: Array(arguments.dropFirst()))
    case "timers":
        try await runTimerBenchmark(arguments: Array(arguments.dropFirst()))
    case "teams-token":
        try await runTeamsTokenBenchmark(arguments: Array(arguments.dropFirst()))
    case "teams-invoke":
        try await runTeamsInvokeBenchmark(arguments: Array(arguments.dropFirst()))
    case "http-floor":
        try await runHTTPFloorServer(arguments: Array(arguments.dropFirst()))
    default:
        print(
            "usage: accessbot-bench <benchmark> [options]; benchmarks: core, store, http, report, timers, teams-token, "
                + "teams-invoke, http-floor")
    }
}
