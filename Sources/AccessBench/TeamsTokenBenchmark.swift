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
///
/// Then `--parts I` (default 20,000) iterations each of the steps the validator takes before the
/// signature check, copied from `JWTParts` as it is, next to a bytes-only way of doing the same:
/// where the time goes outside of RSA (`--parts 0` skips them).
func runTeamsTokenBenchmark(arguments: [String]) async throws {
    let options = BenchOptions(arguments[...])
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

    say(String(format: "teams-token: %.0f s per run, one task; JWK set with 2 keys; %d tokens in the rotating set", seconds, tokenCount))
    for (label, set) in [("same token", [tokens[0]]), ("rotating \(tokenCount) tokens", tokens)] {
        let run = try await validateLoop(validator, tokens: set, serviceURL: serviceURL, seconds: seconds, sampleEvery: sampleEvery)
        let sample = LatencySample(run.samples)
        say(
            String(
                format:
                    "teams-token %@: %d validations in %.2f s = %.0f validations/s; µs per validation: mean %.1f, p50 %.1f, p99 %.1f, max %.0f",
                label, run.count, run.seconds, Double(run.count) / run.seconds, run.seconds / Double(run.count) * 1e6,
                sample.percentile(0.50) * 1e6, sample.percentile(0.99) * 1e6, sample.max * 1e6))
    }
    let partIterations = options.int("--parts") ?? 20_000
    if partIterations > 0 { try timeParts(of: String(tokens[0].dropFirst("Bearer ".count)), iterations: partIterations) }
    say("teams-token: key fetches: JWK set \(fake.keyFetches) (\(fetchesAfterWarmUp) at warm-up), metadata \(fake.metadataFetches)")
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

/// Times the steps of `JWTParts` (split, base64url, JSON), as written today and on bytes only.
private func timeParts(of token: String, iterations: Int) throws {
    struct Header: Decodable {
        var alg: String?
        var kid: String?
    }
    struct Issuer: Decodable { var iss: String? }
    func time(_ label: String, _ body: () throws -> Int) rethrows {
        var checksum = 0
        let start = ContinuousClock.now
        for _ in 0..<iterations { checksum &+= try body() }
        let micros = (ContinuousClock.now - start).inSeconds / Double(iterations) * 1e6
        say(
            "teams-token part: \(label.padding(toLength: 52, withPad: " ", startingAt: 0)) \(String(format: "%6.2f", micros)) µs  (\(checksum % 10))"
        )
    }
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, let header = base64URLAsJWTParts(parts[0]), let claims = base64URLAsJWTParts(parts[1]) else {
        throw BenchmarkError.unexpected("the benchmark token is not three base64url parts")
    }
    time("split: Characters (JWTParts today)") { token.split(separator: ".", omittingEmptySubsequences: false).count }
    time("split: UTF-8 bytes") { token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).count }
    time("base64url x2: replacingOccurrences (JWTParts today)") {
        (base64URLAsJWTParts(parts[0])?.count ?? 0) + (base64URLAsJWTParts(parts[1])?.count ?? 0)
    }
    time("base64url x2: mapping bytes") {
        (base64URLBytes(parts[0].utf8)?.count ?? 0) + (base64URLBytes(parts[1].utf8)?.count ?? 0)
    }
    let decoder = JSONDecoder()
    try time("JSON: header + all claims (JWTParts today)") {
        try (decoder.decode(Header.self, from: header).kid?.count ?? 0) + decoder.decode(BotFrameworkClaims.self, from: claims).aud.count
    }
    try time("JSON: header + iss only") {
        try (decoder.decode(Header.self, from: header).kid?.count ?? 0) + (decoder.decode(Issuer.self, from: claims).iss?.count ?? 0)
    }
}

/// Base64url as `TeamsAdapter.Base64URL.decode` does it today: through `replacingOccurrences`.
private func base64URLAsJWTParts(_ text: Substring) -> Data? {
    var base64 = String(text).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    switch base64.utf8.count % 4 {
    case 2: base64 += "=="
    case 3: base64 += "="
    default: break
    }
    return Data(base64Encoded: base64)
}

/// Base64url by mapping the two differing characters byte by byte and padding.
private func base64URLBytes(_ text: some Collection<UInt8>) -> Data? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.count + 3)
    for byte in text {
        switch byte {
        case UInt8(ascii: "-"): bytes.append(UInt8(ascii: "+"))
        case UInt8(ascii: "_"): bytes.append(UInt8(ascii: "/"))
        default: bytes.append(byte)
        }
    }
    while bytes.count % 4 != 0 { bytes.append(UInt8(ascii: "=")) }
    return Data(base64Encoded: Data(bytes))
}

/// Prints a line and flushes at once: a script or a profiler waits for these lines.
func say(_ line: String) {
    print(line)
    fflush(nil)
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
