import ArgumentParser

/// `accessbot report`: the Past Access Requests report (not built yet).
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Past Access Requests report as CSV or JSON lines (coming with the report issue).")

    @Option(help: "csv or json") var format: String = "csv"

    func run() throws {
        Startup.printError("accessbot: the Past Access Requests report is not there yet; it arrives with the admin API.")
        throw ExitCode(3)
    }
}
