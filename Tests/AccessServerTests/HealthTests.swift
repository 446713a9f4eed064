import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import Testing

@Suite struct HealthTests {
    func configuration(databaseURL: String = temporarySQLiteURL()) -> ServerConfiguration {
        ServerConfiguration(databaseURL: databaseURL, catalog: SampleCatalog.catalog)
    }

    @Test func probesAnswerAndCarryARequestID() async throws {
        try await TestServer.withServer(configuration()) { server in
            _ = try await server.waitUntilReady()
            let health = try await server.get("/healthz")
            #expect(health.status == 200)
            #expect(String(decoding: health.body, as: UTF8.self) == #"{"status":"ok"}"#)
            let fresh = try #require(health.headers["x-request-id"])
            let again = try await server.get("/healthz").headers["x-request-id"]
            // This process's prefix, then a counter: distinct per request, same prefix.
            #expect(fresh.wholeMatch(of: /[0-9a-f]{16}-[0-9a-f]{8,}/) != nil, "\(fresh)")
            #expect(again != fresh && again?.prefix(17) == fresh.prefix(17))

            let ready = try await server.get("/readyz", headers: ["X-Request-Id": "abc-123"])
            #expect(ready.status == 200)
            #expect(ready.headers["x-request-id"] == "abc-123")

            let metrics = try await server.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
        }
    }

    @Test func unknownRoutesGetAJSONError() async throws {
        try await TestServer.withServer(configuration()) { server in
            let response = try await server.get("/nope")
            #expect(response.status == 404)
            #expect(response.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(String(decoding: response.body, as: UTF8.self).contains("\"error\""))
        }
    }

    @Test func aDatabaseThatIsDownAtStartIsRetriedWhileNotReady() async throws {
        // Nothing listens on port 1: the connector keeps retrying, the server keeps answering.
        var config = configuration(databaseURL: "postgres://nobody:secret@127.0.0.1:1/none")
        config.databaseRetry = (.milliseconds(50), .milliseconds(200))
        try await TestServer.withServer(config) { server in
            try await Task.sleep(for: .milliseconds(400))
            let ready = try await server.get("/readyz")
            #expect(ready.status == 503)
            #expect(String(decoding: ready.body, as: UTF8.self).contains("not ready"))
            #expect(try await server.get("/healthz").status == 200)
        }
    }
}
