import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for tests and benchmarks, on plain
/// POSIX sockets: one thread accepts, one thread per connection reads
/// requests and asks `handler` what to do (answer, hang, close, reset).
///
/// It counts TCP connections, so a test can see whether a client reused
/// them, and records requests unless told not to. Start it with
/// ``init(port:recordsRequests:handler:)``; ``stop()`` (or dropping the last
/// reference) closes everything.
///
/// `@unchecked Sendable`: the mutable state is guarded by `lock`.
public final class FakeHTTPServer: @unchecked Sendable {
    /// Decides what to do with each request; called on the connection's thread.
    public typealias Handler = @Sendable (FakeHTTPRequest) -> FakeHTTPAction

    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    private let listener: Int32
    private let handler: Handler
    private let recordsRequests: Bool

    private let lock = NSLock()
    // guarded by lock
    private var stopped = false
    private var openSockets: Set<Int32> = []
    private var accepted = 0
    private var recorded: [FakeHTTPRequest] = []

    /// Listens on 127.0.0.1 (`port` 0 picks a free one) and starts accepting.
    public init(port: Int = 0, recordsRequests: Bool = true, handler: @escaping Handler) throws {
        let (socket, boundPort) = try FakeSocket.makeListener(port: port)
        self.listener = socket
        self.port = boundPort
        self.handler = handler
        self.recordsRequests = recordsRequests
        // Weak, so that dropping the last reference stops the server too.
        let thread = Thread { [weak self] in
            while let server = self, server.acceptNext() {}
        }
        thread.name = "fake-http-accept"
        thread.start()
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// How many TCP connections it has accepted so far.
    public var connectionCount: Int { lock.withLock { accepted } }

    /// How many connections are open now.
    public var openConnectionCount: Int { lock.withLock { openSockets.count } }

    /// The requests read so far, in arrival order (empty when not recording).
    public var requests: [FakeHTTPRequest] { lock.withLock { recorded } }

    /// Stops listening and closes every connection; connection refused from then on.
    public func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            close(listener)
            for socket in openSockets { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }

    /// Waits up to 100 ms for a connection and serves it on a thread of its
    /// own; false once stopped.
    private func acceptNext() -> Bool {
        var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        _ = poll(&ready, 1, 100)
        let next: (socket: Int32, index: Int)? = lock.withLock {
            guard !stopped else { return nil }
            let socket = accept(listener, nil, nil)
            guard socket >= 0 else { return (-1, 0) }
            openSockets.insert(socket)
            accepted += 1
            return (socket, accepted - 1)
        }
        guard let next else { return false }
        guard next.socket >= 0 else { return true }
        FakeSocket.configureConnection(next.socket)
        let thread = Thread { [self] in serve(next.socket, index: next.index) }
        thread.name = "fake-http-connection"
        thread.start()
        return true
    }

    private func serve(_ socket: Int32, index: Int) {
        var ending = Ending.close
        defer { finish(socket, ending) }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var hanging = false
        while true {
            let received = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard received > 0 else { return }
            if hanging { continue }
            buffer.append(contentsOf: chunk[0..<received])
            while true {
                let parsed: (FakeHTTPRequest, Int)?
                do {
                    parsed = try FakeHTTPParser.parse(buffer, connectionIndex: index)
                } catch {
                    return  // a malformed head: hang up, as a strict server would
                }
                guard let (request, used) = parsed else { break }
                buffer.removeFirst(used)
                if recordsRequests { lock.withLock { recorded.append(request) } }
                let closing = request.header("connection")?.lowercased() == "close"
                switch handler(request) {
                case .respond(let response):
                    guard FakeSocket.sendAll(socket, response.serialized(closing: closing)), !closing else { return }
                case .respondAfter(let delay, let response):
                    Thread.sleep(
                        forTimeInterval: Double(delay.components.seconds)
                            + Double(delay.components.attoseconds) / 1e18)
                    guard FakeSocket.sendAll(socket, response.serialized(closing: closing)), !closing else { return }
                case .hang:
                    hanging = true
                case .close:
                    return
                case .reset:
                    ending = .reset
                    return
                case .raw(let bytes):
                    _ = FakeSocket.sendAll(socket, bytes)
                    return
                }
                if hanging { break }
            }
        }
    }

    private enum Ending { case close, reset }

    private func finish(_ socket: Int32, _ ending: Ending) {
        lock.withLock {
            openSockets.remove(socket)
            if ending == .reset { FakeSocket.setLingerZero(socket) }
            close(socket)
        }
    }
}
