import AccessTesting
import Foundation
import HTTPTransport

/// `accessbot-bench http ...`: the outbound HTTP client against a loopback fake.
///
///     accessbot-bench http serve [--port N]
///         a fast fake Slack Web API answering {"ok":true}; prints "listening PORT"
///     accessbot-bench http client --url URL [--requests N] [--concurrency C]
///         N small JSON posts, C in flight, through CurlHTTPClient; prints one JSON line
///
/// The server and the client run as separate processes so that the client's
/// resident memory is its own. scripts/bench-http.sh runs both.
func runHTTPBenchmark(arguments: [String]) async throws {
    let options = BenchOptions(arguments.dropFirst())
    switch (arguments.first, options.string("--url")) {
    case ("serve", _):
        try await serveFakeSlack(port: options.int("--port") ?? 0)
    case ("client", let url?):
        try await postMany(
            url: url + "/api/chat.postMessage", requests: options.int("--requests") ?? 50_000,
            concurrency: options.int("--concurrency") ?? 16)
    default:
        FileHandle.standardError.write(
            Data("usage: accessbot-bench http serve [--port N] | http client --url URL [--requests N] [--concurrency C]\n".utf8))
        exit(64)
    }
}

private func serveFakeSlack(port: Int) async throws {
    let server = try FakeHTTPServer(port: port, recordsRequests: false) { _ in
        .respond(.json(#"{"ok":true,"channel":"C1","ts":"1700000000.000100"}"#))
    }
    print("listening \(server.port)")
    fflush(nil)  // all streams: the script waits for this line
    // Runs until the script kills it, and stops by itself after an hour at most.
    try await Task.sleep(for: .seconds(3600))
    server.stop()
}

private func postMany(url: String, requests: Int, concurrency: Int) async throws {
    let body = Array(#"{"channel":"C0123456789","text":"Access request #42 for prod-db was approved by @alice"}"#.utf8)
    let request = HTTPRequest(
        method: .post, url: url,
        headers: ["Authorization": "Bearer xoxb-bench-token", "Content-Type": "application/json; charset=utf-8"],
        body: body)

    let rssBefore = ProcessMemory.kilobytes("VmRSS")
    let client = CurlHTTPClient(configuration: .init(maxConnections: concurrency, proxy: .disabled))
    _ = try await runWorkers(client: client, request: request, total: concurrency * 20, concurrency: concurrency)

    let clock = ContinuousClock()
    let start = clock.now
    let failures = try await runWorkers(client: client, request: request, total: requests, concurrency: concurrency)
    let elapsed = clock.now - start
    let rssAfter = ProcessMemory.kilobytes("VmRSS")
    let peak = ProcessMemory.kilobytes("VmHWM")
    await client.shutdown()

    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let line = String(
        format: #"{"client":"CurlHTTPClient","requests":%d,"failures":%d,"concurrency":%d,"seconds":%.3f,"#
            + #""requests_per_second":%.0f,"rss_before_kb":%d,"rss_after_kb":%d,"extra_rss_kb":%d,"peak_rss_kb":%d}"#,
        requests, failures, concurrency, seconds, Double(requests) / seconds,
        rssBefore, rssAfter, rssAfter - rssBefore, peak)
    print(line)
}

/// Sends `total` copies of `request` from `concurrency` tasks; returns how many failed.
private func runWorkers(client: CurlHTTPClient, request: HTTPRequest, total: Int, concurrency: Int) async throws -> Int {
    try await withThrowingTaskGroup(of: Int.self) { group in
        for worker in 0..<concurrency {
            let share = total / concurrency + (worker < total % concurrency ? 1 : 0)
            group.addTask {
                var failures = 0
                for _ in 0..<share {
                    do {
                        if try await client.send(request).status != 200 { failures += 1 }
                    } catch {
                        failures += 1
                    }
                }
                return failures
            }
        }
        return try await group.reduce(0, +)
    }
}

/// Reads this process's memory counters from /proc/self/status (Linux; 0 elsewhere).
private enum ProcessMemory {
    static func kilobytes(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
