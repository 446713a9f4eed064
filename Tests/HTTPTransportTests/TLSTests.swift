import AccessTesting
import Foundation
import HTTPTransport
import Testing

/// Verification cannot be turned off, so a server whose certificate no
/// trusted authority signed is refused, on loopback as anywhere.
@Suite("TLS verification")
struct TLSTests {
    static let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: openssl != nil, "needs the openssl tool"))
    func aSelfSignedServerIsRefused() async throws {
        let openssl = URL(filePath: try #require(Self.openssl))
        let directory = FileManager.default.temporaryDirectory.appending(path: "accessbot-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appending(path: "key.pem").path
        let certificate = directory.appending(path: "cert.pem").path
        let generate = try Self.start(
            openssl,
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ])
        try #require(generate.wait() == 0)

        let port = try closedPort()
        let server = try Self.start(
            openssl, ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-www", "-quiet"])
        defer {
            // SIGKILL: the child inherits the test thread's blocked signals, SIGTERM among them.
            server.send(SIGKILL)
            server.wait()
        }

        try await withClient { client in
            let request = HTTPRequest(url: "https://127.0.0.1:\(port)/", timeout: .seconds(5))
            var outcome: HTTPTransportError?
            for _ in 0..<100 {  // until s_server listens
                do {
                    _ = try await client.send(request)
                    outcome = nil
                    break
                } catch let error as HTTPTransportError {
                    outcome = error
                    guard case .connectionFailed = error else { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            guard case .tls = outcome else {
                Issue.record("expected a TLS error, got \(String(describing: outcome))")
                return
            }
            #expect(outcome?.isTransient == false)
        }
    }

    private static func start(_ executable: URL, _ arguments: [String]) throws -> ChildProcess {
        try ChildProcess.start(executable.path, arguments)
    }
}
