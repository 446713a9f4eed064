// accessbot-bench: one subcommand per benchmark.
let arguments = Array(CommandLine.arguments.dropFirst())

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
default:
    print("usage: accessbot-bench <benchmark> [options]; benchmarks: core, store, http, report, timers, teams-token, teams-invoke")
}
