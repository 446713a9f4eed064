import AccessTesting
import Foundation
import HTTPTransport
import TeamsAdapter

/// `accessbot-bench teams-token [--seconds N] [--tokens K] [--sample S]`: Bot Framework token
/// validation with cached keys, on one task (issue 4: ≥ 20,000/s on one core).
///
/// A `FakeBotFramework` serves the OpenID metadata and a JWK set with two keys (as during a key
/// rotation); `BotFrameworkTokenValidator` is built against it as the server builds it, and its key
/// cache is warmed with one validation. Then two runs of N seconds each, one validation after the
/// other on one task: the same token every time, and a rotating set of K tokens (different claims,
/// signed by either key). Every validation is timed; percentiles come from every S-th one. The JWK
/// set must have been fetched once: a second fetch would mean the keys were not cached.
func runTeamsTokenBenchmark(arguments: [String]) async throws {
    let options = TeamsBenchOptions(arguments[...])
    let seconds = options.double("--seconds") ?? 10
    let tokenCount = max(1, options.int("--tokens") ?? 16)
    let sampleEvery = max(1, options.int("--sample") ?? 1)

    let fake = try await FakeBotFramework.start(tenantID: TeamsActivityFixtures.tenantID)
    defer { fake.stop() }
    let rotated = TeamsTokenSigner(kid: "bench-key-2")
    fake.addSigner(rotated)
    let http = CurlHTTPClient(configuration: .init(maxConnections: 4, proxy: .disabled))
    let validator = BotFrameworkTokenValidator(
        appID: TeamsActivityFixtures.botAppID, tenantID: TeamsActivityFixtures.tenantID,
        channelKeys: SigningKeyCache(metadataURL: fake.openIDMetadataURL, http: http))

    let serviceURL = fake.serviceURL
    let tokens = (0..<tokenCount).map { index in
        let claims = BotFrameworkTestClaims(
            serviceurl: serviceURL, exp: Date().addingTimeInterval(3600 + Double(index)),
            extra: ["appid": "bench-\(index)", "ver": "1.0"])
        return "Bearer " + (index % 2 == 0 ? fake.signer : rotated).token(claims)
    }
    _ = try await validator.validate(authorization: tokens[0], channelID: "msteams", serviceURL: serviceURL, now: Date())
    let fetchesAfterWarmUp = fake.keyFetches

    print(String(format: "teams-token: %.0f s per run, one task; JWK set with 2 keys; %d tokens in the rotating set", seconds, tokenCount))
    for (label, set) in [("same token", [tokens[0]]), ("rotating \(tokenCount) tokens", tokens)] {
        let run = try await validateLoop(validator, tokens: set, serviceURL: serviceURL, seconds: seconds, sampleEvery: sampleEvery)
        let sample = LatencySample(run.samples)
        print(
            String(
                format:
                    "teams-token %@: %d validations in %.2f s = %.0f validations/s; µs per validation: mean %.1f, p50 %.1f, p99 %.1f, max %.0f",
                label, run.count, run.seconds, Double(run.count) / run.seconds, run.seconds / Double(run.count) * 1e6,
                sample.percentile(0.50) * 1e6, sample.percentile(0.99) * 1e6, sample.max * 1e6))
    }
    print("teams-token: key fetches: JWK set \(fake.keyFetches) (\(fetchesAfterWarmUp) at warm-up), metadata \(fake.metadataFetches)")
    await http.shutdown()
    guard fake.keyFetches <= 2 else { throw BenchmarkError.unexpected("the JWK set was fetched \(fake.keyFetches) times: keys not cached") }
}

/// Validates `tokens` in turn on the calling task until `seconds` have passed.
private func validateLoop(
    _ validator: BotFrameworkTokenValidator, tokens: [String], serviceURL: String, seconds: Double, sampleEvery: Int
) async throws -> (count: Int, seconds: Double, samples: [Double]) {
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = start + .milliseconds(Int64(seconds * 1000))
    var samples: [Double] = []
    samples.reserveCapacity(Int(seconds * 50_000) / sampleEvery + 1)
    var count = 0
    var now = start
    while now < deadline {
        let token = tokens[count % tokens.count]
        let claims = try await validator.validate(authorization: token, channelID: "msteams", serviceURL: serviceURL, now: Date())
        guard claims.serviceurl == serviceURL else { throw BenchmarkError.unexpected("validated claims lost their serviceurl") }
        let finished = clock.now
        if count % sampleEvery == 0 { samples.append((finished - now).inSeconds) }
        now = finished
        count += 1
    }
    return (count, (now - start).inSeconds, samples)
}

/// Timings in seconds, sorted, for percentiles.
struct LatencySample {
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    /// The nearest-rank percentile (`fraction` 0.99 for p99); 0 when empty.
    func percentile(_ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(Swift.max(rank, 0), sorted.count - 1)]
    }

    var max: Double { sorted.last ?? 0 }
    var mean: Double { sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count) }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// `--name value` pairs of the Teams benchmarks.
struct TeamsBenchOptions {
    private var values: [String: String] = [:]

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let name = iterator.next() {
            if name.hasPrefix("--"), let value = iterator.next() { values[name] = value }
        }
    }

    func string(_ name: String) -> String? { values[name] }
    func int(_ name: String) -> Int? { values[name].flatMap(Int.init) }
    func double(_ name: String) -> Double? { values[name].flatMap(Double.init) }
}
