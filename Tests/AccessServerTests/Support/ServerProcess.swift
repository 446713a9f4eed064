import AccessTesting
import Foundation

/// The real `accessbot` binary in a child process, for crash tests (kill -9).
final class ServerProcess: @unchecked Sendable {
    // `logLines` is touched from the test task and the pipe's reading handler, under `lock`.
    private let process: ChildProcess
    private let lock = NSLock()
    private var logLines: [String] = []

    /// `.build/debug/accessbot`, built by `make test` before the tests run.
    static var binary: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/accessbot")
    }

    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    init(environment: [String: String]) throws {
        let settings = environment.merging(["LOG_FORMAT": "json", "LOG_LEVEL": "info", "PORT": String(try freeLoopbackPort())]) {
            mine, _ in mine
        }
        process = try ChildProcess.start(
            Self.binary.path, ["serve"], environment: settings, directory: FileManager.default.temporaryDirectory.path,
            standardError: .pipe)
        process.standardError?.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            // End of file: the child is gone; stop watching instead of being called again and again.
            if data.isEmpty { handle.readabilityHandler = nil }
            let text = String(decoding: data, as: UTF8.self)
            guard let self, !text.isEmpty else { return }
            self.lock.withLock { self.logLines.append(contentsOf: text.split(separator: "\n").map(String.init)) }
        }
    }

    var lines: [String] { lock.withLock { logLines } }

    /// The port from the `listening` log line, once the database is ready too.
    func waitUntilServing(timeout: Duration = .seconds(30)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let lines = self.lines
            if lines.contains(where: { $0.contains("database ready") }),
                let listening = lines.first(where: { $0.contains("\"msg\":\"listening\"") }),
                let range = listening.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
                let port = Int(listening[range].split(separator: ":").last ?? "")
            {
                return port
            }
            guard process.isRunning else { throw ServerProcessError.exited(lines.suffix(20).joined(separator: "\n")) }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServerProcessError.timedOut(lines.suffix(20).joined(separator: "\n"))
    }

    /// kill -9: no shutdown, no flushing, no goodbye.
    func kill9() {
        process.send(SIGKILL)
        process.wait()
    }

    /// SIGTERM, then wait for the graceful exit.
    func terminate() -> Int32 {
        process.send(SIGTERM)
        return process.wait()
    }
}

enum ServerProcessError: Error {
    case exited(String)
    case timedOut(String)
}

/// A loopback port nobody listens on right now.
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ServerProcessError.exited("socket() failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw ServerProcessError.exited("bind() failed") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}
