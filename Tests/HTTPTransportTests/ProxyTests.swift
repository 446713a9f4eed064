import AccessTesting
import Foundation
import HTTPTransport
import Testing

/// An explicit proxy in the configuration takes the same two values as the
/// environment (`http_proxy`, `no_proxy`). The environment itself is not set
/// here: tests run in parallel in one process, and `setenv` while libcurl
/// calls `getenv` on other threads is a data race. `ProxyEnvironmentTests`
/// covers it in its own process (scripts/test-http-proxy-env.sh).
@Suite("Proxies")
struct ProxyTests {
    @Test func anExplicitProxyReceivesTheAbsoluteFormRequest() async throws {
        let proxy = try FakeHTTPServer { _ in .json(#"{"ok":true,"via":"proxy"}"#) }
        defer { proxy.stop() }
        let configuration = CurlHTTPClient.Configuration(proxy: .explicit(url: proxy.baseURL))
        try await withClient(configuration: configuration) { client in
            let response = try await client.send(
                HTTPRequest(
                    method: .post, url: "http://slack.test/api/chat.postMessage",
                    headers: ["Content-Type": "application/json"], body: Array(#"{"text":"hi"}"#.utf8)))
            #expect(response.body.text == #"{"ok":true,"via":"proxy"}"#)
        }
        let seen = try #require(proxy.requests.first)
        #expect(seen.method == "POST")
        #expect(seen.target == "http://slack.test/api/chat.postMessage")
        #expect(seen.header("host") == "slack.test")
        #expect(seen.body.text == #"{"text":"hi"}"#)
    }

    @Test func noProxyHostsGoDirect() async throws {
        let proxy = try FakeHTTPServer { _ in .json(#"{"via":"proxy"}"#) }
        defer { proxy.stop() }
        let configuration = CurlHTTPClient.Configuration(
            proxy: .explicit(url: proxy.baseURL, noProxy: "localhost,127.0.0.1"))
        try await withServer(configuration: configuration, { _ in .json(#"{"via":"direct"}"#) }) { upstream, client in
            let response = try await client.send(HTTPRequest(url: upstream.baseURL + "/"))
            #expect(response.body.text == #"{"via":"direct"}"#)
        }
        #expect(proxy.requests.isEmpty)
    }
}

/// Runs only when scripts/test-http-proxy-env.sh starts the test process with
/// `http_proxy` pointing at `ACCESSBOT_PROXY_TEST_PORT` on loopback.
@Suite("Proxy from the environment")
struct ProxyEnvironmentTests {
    static let port = ProcessInfo.processInfo.environment["ACCESSBOT_PROXY_TEST_PORT"].flatMap(Int.init)

    @Test(.enabled(if: port != nil, "set by scripts/test-http-proxy-env.sh"))
    func theDefaultConfigurationHonoursHttpProxy() async throws {
        let proxy = try FakeHTTPServer(port: try #require(Self.port)) { _ in .json(#"{"via":"env proxy"}"#) }
        defer { proxy.stop() }
        try await withClient(configuration: CurlHTTPClient.Configuration()) { client in
            let response = try await client.send(
                HTTPRequest(
                    method: .post, url: "http://slack.test/api/chat.postMessage", body: Array("x".utf8)))
            #expect(response.body.text == #"{"via":"env proxy"}"#)
        }
        #expect(proxy.requests.first?.target == "http://slack.test/api/chat.postMessage")
    }
}
