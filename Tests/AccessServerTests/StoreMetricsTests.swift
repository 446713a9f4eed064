import AccessCore
import AccessTesting
import Foundation
import HTTPTransport
import Testing

/// The store's group commits show on `/metrics` of the real server (`serve` bootstraps
/// Prometheus; the in-process test servers do not).
@Suite(.enabled(if: ServerProcess.isBuilt, "build the accessbot binary first (make test does)"))
struct StoreMetricsTests {
    @Test func groupCommitsAndTheirWritesAreCounted() async throws {
        let setup = try await ServerProcessSetup.make()
        defer { Task { await setup.remove() } }
        let server = try ServerProcess(environment: setup.environment)
        let port = try await server.waitUntilServing()
        let client = CurlHTTPClient()
        for index in 0..<3 {
            let response = try await ServerProcessSetup.slashCommand("request prod-db because metrics \(index)", port: port, client: client)
            #expect(String(decoding: response.body, as: UTF8.self).contains("submitted"))
        }

        let metrics = try await client.send(HTTPRequest(method: .get, url: "http://127.0.0.1:\(port)/metrics"))
        let text = String(decoding: metrics.body, as: UTF8.self)
        #expect(Self.value(of: #"accessbot_store_writes_total{result="written"}"#, in: text) ?? 0 >= 3)
        #expect(Self.value(of: "accessbot_store_group_commits_total", in: text) ?? 0 >= 1)
        #expect(Self.value(of: "accessbot_store_group_commit_seconds_count", in: text) ?? 0 >= 1)
        // The buckets `serve` sets for it: sub-millisecond ones, not the default 5 ms and up.
        #expect(text.contains(#"accessbot_store_group_commit_seconds_bucket{le="0.00025"}"#))
        #expect(server.terminate() == 0)
        await client.shutdown()
    }

    /// The value of the sample whose name (and labels) are `series`.
    static func value(of series: String, in exposition: String) -> Double? {
        exposition.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }
}
