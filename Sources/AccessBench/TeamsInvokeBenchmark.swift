import AccessConfig
import AccessCore
import AccessStore
import AccessTesting
import Foundation
import HTTPTransport
import Logging

/// `accessbot-bench teams-invoke --server-binary PATH [--rate 200] [--seconds 20] [--warmup 2]
/// [--config config/accessbot.yaml] [--resource prod-db] [--requester alice@example.com] [--connections 64]`:
/// the Teams card-click round trip of a release server (issue 4: p99 < 20 ms at 200/s).
///
/// A `FakeBotFramework` runs in this process (keys, token endpoint, connector, a roster of the
/// config's people); `accessbot serve` runs as a child process with a fresh SQLite database and
/// Teams pointed at the fake, Slack off. Setup, untimed: the bot is installed in a team, the
/// requester types `request RESOURCE for 1h because bench` once per click to come (the requests go
/// to the requester's manager), and the manager's cards are read from the fake connector. Then one
/// signed `adaptiveCard/action` `approve` invoke per card, pre-signed, is sent at a fixed rate from
/// as many tasks as are in flight (open loop, through `CurlHTTPClient`): warm-up first, then the
/// measured window. Latency counts from the intended send time, so a slow answer cannot hold back
/// the next sends and hide itself. Every answer must be HTTP 200 with `statusCode` 200 and a card,
/// and every request must end with the approver's decision in the database.
func runTeamsInvokeBenchmark(arguments: [String]) async throws {
    let options = BenchOptions(arguments[...])
    guard let binary = options.string("--server-binary") else {
        FileHandle.standardError.write(
            Data("usage: accessbot-bench teams-invoke --server-binary .build/release/accessbot [--rate 200] [--seconds 20]\n".utf8))
        exit(64)
    }
    let rate = options.double("--rate") ?? 200
    let warmupCount = Int(rate * (options.double("--warmup") ?? 2))
    let measuredCount = Int(rate * (options.double("--seconds") ?? 20))
    let configPath = URL(fileURLWithPath: options.string("--config") ?? "config/accessbot.yaml").standardizedFileURL.path
    let catalog = try ConfigLoader().loadCatalog(path: configPath)
    let requester = UserID(options.string("--requester") ?? "alice@example.com")
    guard let approver = catalog.user(requester)?.manager else {
        throw BenchmarkError.unexpected("\(requester) has no manager in the config")
    }

    let fake = try await FakeBotFramework.start(tenantID: TeamsActivityFixtures.tenantID)
    defer { fake.stop() }
    var objectIDs: [UserID: String] = [:]
    for user in catalog.users {
        objectIDs[user.id] = UUID().uuidString.lowercased()
        fake.addMember(
            id: teamsID(user.id), name: user.displayName ?? user.id.rawValue, email: user.id.rawValue, aadObjectId: objectIDs[user.id] ?? ""
        )
    }
    let server = try ServerProcess.start(binary: binary, fake: fake, config: configPath)
    let client = CurlHTTPClient(configuration: .init(maxConnections: options.int("--connections") ?? 64, proxy: .disabled))
    var badAnswers = 0
    do {
        try await server.waitUntilReady(client: client)
        let bench = InvokeBench(fake: fake, client: client, url: server.baseURL + "/api/messages")
        say("teams-invoke: accessbot pid \(server.process.pid) on \(server.baseURL), work dir \(server.directory.path)")
        try await bench.install()
        let total = warmupCount + measuredCount
        let cards = try await bench.createCards(
            total, text: "request \(options.string("--resource") ?? "prod-db") for 1h because bench", from: requester, to: approver,
            objectIDs: objectIDs)
        let invokes = try cards.map { try bench.approveInvoke(on: $0, as: approver, objectID: objectIDs[approver]) }
        say(
            "teams-invoke: \(invokes.count) approve invokes signed; warm-up \(warmupCount), then \(measuredCount) measured at \(Int(rate))/s"
        )

        let warmup = try await bench.openLoop(invokes[..<warmupCount], rate: rate)
        let warmupBad = warmup.filter { problem(with: $0) != nil }.count
        if warmupBad > 0 { say("teams-invoke: BAD ANSWERS in the warm-up: \(warmupBad) of \(warmup.count)") }
        let callsBefore = fake.calls.count
        let results = try await bench.openLoop(invokes[warmupCount...], rate: rate)
        let connectorCalls = fake.calls.dropFirst(callsBefore)
        badAnswers = warmupBad + printInvokeReport(results, rate: rate)
        say(
            "teams-invoke: connector calls by the server during the window: \(connectorCalls.count)"
                + " (\(connectorCalls.filter { $0.status >= 400 }.count) failed)")
    } catch {
        await client.shutdown()
        _ = server.stop()
        throw error
    }
    await client.shutdown()
    say(server.stop())
    let (summary, complaints) = server.logSummary()
    say(summary)
    try await verifyDecisions(url: server.databaseURL, requester: requester, approver: approver, expected: warmupCount + measuredCount)
    guard badAnswers == 0 else { throw BenchmarkError.unexpected("\(badAnswers) invokes were not answered with a card") }
    // Kept when the server complained, or when asked (--keep 1).
    if complaints == 0, options.string("--keep") != "1" { try? FileManager.default.removeItem(at: server.directory) }
}

/// The Teams id the fake's roster gives a person: `29:` and the email's local part.
private func teamsID(_ person: UserID) -> String { "29:" + person.rawValue.prefix { $0 != "@" } }

/// One timed invoke's answer.
private struct InvokeResult {
    var intended: ContinuousClock.Instant
    var sent: ContinuousClock.Instant
    var done: ContinuousClock.Instant
    var status: Int
    var body: [UInt8]
    var failure: String?
}

/// The client side: signed activities to `/api/messages`.
private struct InvokeBench {
    let fake: FakeBotFramework
    let client: CurlHTTPClient
    let url: String

    func post(_ activity: [UInt8], authorization: String) async throws -> HTTPTransport.HTTPResponse {
        try await client.send(
            HTTPRequest(
                method: .post, url: url, headers: ["Authorization": authorization, "Content-Type": "application/json; charset=utf-8"],
                body: activity, timeout: .seconds(30)))
    }

    func token() -> String { "Bearer " + fake.signer.token(BotFrameworkTestClaims(serviceurl: fake.serviceURL)) }

    func install() async throws {
        let response = try await post(
            TeamsActivityFixtures.conversationUpdate(teamID: TeamsActivityFixtures.teamID, serviceURL: fake.serviceURL),
            authorization: token())
        guard response.status == 200 else { throw BenchmarkError.unexpected("install answered \(response.status)") }
    }

    /// Types `text` `count` times as `requester` (8 at a time) and waits for the approver's cards.
    func createCards(
        _ count: Int, text: String, from requester: UserID, to approver: UserID, objectIDs: [UserID: String]
    ) async throws -> [FakeTeamsMessage] {
        let clock = ContinuousClock()
        let start = clock.now
        let authorization = token()  // the Bot Connector, too, reuses one token for many activities
        let message = { @Sendable () -> [UInt8] in
            TeamsActivityFixtures.message(
                text: text, from: teamsID(requester), fromName: requester.rawValue, aadObjectID: objectIDs[requester],
                conversationID: TeamsActivityFixtures.personalConversationID(for: teamsID(requester)), serviceURL: fake.serviceURL)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for sender in 0..<8 {
                group.addTask {
                    for _ in stride(from: sender, to: count, by: 8) {
                        let response = try await post(message(), authorization: authorization)
                        guard response.status == 200 else { throw BenchmarkError.unexpected("a typed request answered \(response.status)") }
                    }
                }
            }
            try await group.waitForAll()
        }
        let typed = clock.now - start
        let conversation = TeamsActivityFixtures.personalConversationID(for: teamsID(approver))
        var cards: [FakeTeamsMessage] = []
        var lastCount = 0
        var lastProgress = clock.now
        while cards.count < count {
            try await Task.sleep(for: .milliseconds(250))
            cards = fake.messages(in: conversation).filter { Self.approveData(in: $0.card) != nil }
            if cards.count > lastCount { (lastCount, lastProgress) = (cards.count, clock.now) }
            if clock.now - lastProgress > .seconds(60) {
                throw BenchmarkError.unexpected("only \(cards.count) of \(count) cards reached \(approver) in Teams")
            }
        }
        say(
            String(
                format: "teams-invoke: setup: %d requests typed in %.1f s (%.0f/s), %d cards in %@'s chat after %.1f s", count,
                typed.inSeconds, Double(count) / typed.inSeconds, cards.count, approver.rawValue, (clock.now - start).inSeconds))
        return Array(cards.prefix(count))
    }

    /// The signed `approve` click on a card, as Teams would send it.
    func approveInvoke(on card: FakeTeamsMessage, as approver: UserID, objectID: String?) throws -> (body: [UInt8], authorization: String) {
        guard let data = Self.approveData(in: card.card) else { throw BenchmarkError.unexpected("card \(card.id) has no approve button") }
        let body = TeamsActivityFixtures.invoke(
            verb: "approve", data: data, from: teamsID(approver), fromName: approver.rawValue, aadObjectID: objectID, replyToID: card.id,
            conversationID: card.conversationID, serviceURL: fake.serviceURL)
        return (body, token())
    }

    /// The `data` of the card's `Action.Execute` with verb `approve`, wherever it sits.
    static func approveData(in value: SlackJSONValue?) -> [String: SlackJSONValue]? {
        guard let value else { return nil }
        if value["type"]?.string == "Action.Execute", value["verb"]?.string == "approve" { return value["data"]?.object ?? [:] }
        for child in value.array ?? [] { if let data = approveData(in: child) { return data } }
        for (_, child) in value.object ?? [:] { if let data = approveData(in: child) { return data } }
        return nil
    }

    /// Sends each invoke at its own instant, `rate` a second, whatever the answers before it do.
    func openLoop(_ invokes: ArraySlice<(body: [UInt8], authorization: String)>, rate: Double) async throws -> [InvokeResult] {
        let clock = ContinuousClock()
        let interval = Duration.nanoseconds(Int64(1e9 / rate))
        let start = clock.now + .milliseconds(10)
        return try await withThrowingTaskGroup(of: InvokeResult.self) { group in
            for (offset, invoke) in invokes.enumerated() {
                let intended = start + interval * offset
                try await Task.sleep(until: intended, clock: clock)
                group.addTask {
                    let sent = clock.now
                    do {
                        let response = try await post(invoke.body, authorization: invoke.authorization)
                        return InvokeResult(intended: intended, sent: sent, done: clock.now, status: response.status, body: response.body)
                    } catch {
                        return InvokeResult(intended: intended, sent: sent, done: clock.now, status: 0, body: [], failure: "\(error)")
                    }
                }
            }
            var results: [InvokeResult] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.intended < $1.intended }
        }
    }
}

/// Prints the window's numbers and returns how many answers were bad; an answer is good when it
/// is HTTP 200 with `statusCode` 200 and a card.
private func printInvokeReport(_ results: [InvokeResult], rate: Double) -> Int {
    guard let first = results.first, let last = results.last else { return 0 }
    var bad: [String: Int] = [:]
    for result in results { if let problem = problem(with: result) { bad[problem, default: 0] += 1 } }
    let fromIntended = LatencySample(results.map { ($0.done - $0.intended).inSeconds })
    let fromSent = LatencySample(results.map { ($0.done - $0.sent).inSeconds })
    let lateness = LatencySample(results.map { ($0.sent - $0.intended).inSeconds })
    let sendSpan = (last.sent - first.sent).inSeconds
    let finished = (results.map(\.done).max() ?? last.done) - first.intended
    say(
        String(
            format: "teams-invoke: %d invokes sent at %.0f/s target: achieved %.1f/s sending, %.1f/s answered; errors %d",
            results.count, rate, Double(results.count - 1) / max(sendSpan, 1e-9), Double(results.count) / finished.inSeconds,
            bad.values.reduce(0, +)))
    for (label, sample) in [("from intended send", fromIntended), ("from actual send", fromSent)] {
        say(
            String(
                format: "teams-invoke: round trip %@ (ms): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  mean %.2f", label,
                sample.percentile(0.5) * 1e3, sample.percentile(0.9) * 1e3, sample.percentile(0.99) * 1e3, sample.percentile(0.999) * 1e3,
                sample.max * 1e3, sample.mean * 1e3))
    }
    say(String(format: "teams-invoke: sender lateness (ms): p99 %.2f, max %.2f", lateness.percentile(0.99) * 1e3, lateness.max * 1e3))
    for (problem, count) in bad.sorted(by: { $0.value > $1.value }) { say("teams-invoke: BAD ANSWER x\(count): \(problem)") }
    let p99 = fromIntended.percentile(0.99) * 1e3
    say(
        String(
            format: "teams-invoke: target p99 < 20 ms at %.0f/s: %@ (p99 %.2f ms)", rate, p99 < 20 && bad.isEmpty ? "met" : "MISSED", p99))
    return bad.values.reduce(0, +)
}

/// Why an answer is not good (HTTP 200, `statusCode` 200, an Adaptive Card); nil when it is.
private func problem(with result: InvokeResult) -> String? {
    if let failure = result.failure { return "transport: \(failure.prefix(80))" }
    guard result.status == 200 else { return "HTTP \(result.status)" }
    guard let answer = SlackJSONValue.parse(result.body) else { return "not JSON" }
    guard answer["statusCode"]?.number == 200 else {
        return "statusCode \(answer["statusCode"]?.number.map { String(Int($0)) } ?? "missing")"
    }
    guard answer["type"]?.string == "application/vnd.microsoft.card.adaptive", answer["value"]?["type"]?.string == "AdaptiveCard" else {
        return "not a card: \(answer["type"]?.string ?? "?")"
    }
    return nil
}

/// After the server stopped: every request created must carry the approver's approval.
private func verifyDecisions(url: String, requester: UserID, approver: UserID, expected: Int) async throws {
    var logger = Logger(label: "accessbot.bench.teams")
    logger.logLevel = .warning
    let store = try await SQLStore.open(url: url, logger: logger)
    let requests = try await store.requests(RequestQuery(requester: requester, limit: expected + 1000))
    try await store.close()
    let decided = requests.filter { $0.decisions.contains { $0.approver == approver && $0.outcome == .approved } }
    say(
        "teams-invoke: database: \(requests.count) requests by \(requester), \(decided.count) approved by \(approver) (expected \(expected))"
    )
    guard requests.count == expected, decided.count == expected else { throw BenchmarkError.unexpected("not every click made a decision") }
}

/// `accessbot serve` as a child process, with its own working directory, database and logs.
private struct ServerProcess {
    let process: ChildProcess
    let directory: URL
    let baseURL: String
    let databaseURL: String

    static func start(binary: String, fake: FakeBotFramework, config: String) throws -> ServerProcess {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "accessbot-bench-teams-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let port = try freeLoopbackPort()
        let databaseURL = "sqlite:" + directory.appendingPathComponent("accessbot.sqlite").path
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOST": "127.0.0.1", "PORT": "\(port)",
            "DATABASE_URL": databaseURL, "ACCESSBOT_CONFIG": config, "LOG_LEVEL": "info", "LOG_FORMAT": "text",
            "TEAMS_APP_ID": TeamsActivityFixtures.botAppID, "TEAMS_APP_PASSWORD": FakeBotFramework.defaultAppPassword,
            "TEAMS_TENANT_ID": TeamsActivityFixtures.tenantID, "TEAMS_PACING_MS": "0", "TEAMS_OPENID_METADATA_URL": fake.openIDMetadataURL,
            "TEAMS_TOKEN_URL": fake.tokenURL(tenant: TeamsActivityFixtures.tenantID), "no_proxy": "*", "NO_PROXY": "*",
        ]
        // In its own directory, so no stray .env is read.
        let process = try ChildProcess.start(
            binary, ["serve"], environment: environment, directory: directory.path,
            standardOutput: .file(directory.appendingPathComponent("server.out").path),
            standardError: .file(directory.appendingPathComponent("server.err").path))
        return ServerProcess(process: process, directory: directory, baseURL: "http://127.0.0.1:\(port)", databaseURL: databaseURL)
    }

    func waitUntilReady(client: CurlHTTPClient) async throws {
        for _ in 0..<300 {
            guard process.isRunning else { throw BenchmarkError.unexpected("accessbot exited; see \(directory.path)/server.err") }
            if let response = try? await client.send(HTTPRequest(url: baseURL + "/readyz", timeout: .seconds(2))), response.status == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkError.unexpected("accessbot was not ready within 30 s")
    }

    /// SIGTERM, then waits up to 30 s (SIGKILL after that); says how it went.
    func stop() -> String {
        guard process.isRunning else { return "teams-invoke: accessbot had already exited (\(process.wait()))" }
        let asked = Date()
        process.send(SIGTERM)
        while process.isRunning, Date().timeIntervalSince(asked) < 30 { usleep(20_000) }
        if process.isRunning {
            process.send(SIGKILL)
            process.wait()
            return "teams-invoke: accessbot did NOT stop within 30 s of SIGTERM; killed"
        }
        return String(
            format: "teams-invoke: accessbot stopped %.2f s after SIGTERM, exit status %d", Date().timeIntervalSince(asked),
            process.wait())
    }

    /// How many warning, error and critical lines the server logged, with the first few.
    func logSummary() -> (text: String, count: Int) {
        let log = (try? String(contentsOf: directory.appendingPathComponent("server.err"), encoding: .utf8)) ?? ""
        let lines = log.split(separator: "\n").filter { line in [" warning ", " error ", " critical "].contains { line.contains($0) } }
        let shown = lines.prefix(5).map { "    " + $0.prefix(300) }.joined(separator: "\n")
        let text = "teams-invoke: server log: \(lines.count) warning/error lines (logs in \(directory.path))"
        return (text + (shown.isEmpty ? "" : "\n" + shown), lines.count)
    }
}

/// A port nothing listens on now, on 127.0.0.1.
private func freeLoopbackPort() throws -> Int {
    #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw BenchmarkError.unexpected("socket() failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw BenchmarkError.unexpected("no free port on 127.0.0.1") }
    return Int(UInt16(bigEndian: address.sin_port))
}
