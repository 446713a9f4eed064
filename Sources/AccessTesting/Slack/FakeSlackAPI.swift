import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A fake Slack Web API on 127.0.0.1 that speaks the real protocol: bearer-token checks,
/// Slack's Block Kit and text limits (`invalid_blocks`, `msg_too_long`, ...), realistic `ts`
/// values, a user table, every call recorded, and failures on demand.
///
/// ```swift
/// let fake = try await FakeSlackAPI.start(users: [...], token: "xoxb-test")
/// let api = SlackWebAPI(baseURL: fake.baseURL, token: "xoxb-test", http: client)
/// ...
/// #expect(await fake.calls(method: "chat.postMessage").count == 1)
/// await fake.stop()
/// ```
public final class FakeSlackAPI: Sendable {
    /// `http://127.0.0.1:PORT/api`: pass it as `SLACK_API_URL`.
    public let baseURL: String
    /// The port it listens on.
    public let port: Int
    private let state: FakeSlackState
    private let group: ServiceGroup
    private let server: Task<Void, Never>

    private init(port: Int, state: FakeSlackState, group: ServiceGroup, server: Task<Void, Never>) {
        self.port = port
        self.baseURL = "http://127.0.0.1:\(port)/api"
        self.state = state
        self.group = group
        self.server = server
    }

    /// Starts listening on a free port and returns once it accepts connections.
    public static func start(users: [FakeSlackUser] = [], token: String = "xoxb-test") async throws -> FakeSlackAPI {
        let state = FakeSlackState(token: token, users: users)
        let router = Router()
        router.post("/api/:method") { request, context -> Response in
            let method = context.parameters.get("method") ?? ""
            var request = request
            let buffer = try await request.collectBody(upTo: 4 << 20)
            let reply = await state.handle(
                method: method, authorization: request.headers[.authorization], contentType: request.headers[.contentType],
                body: Array(buffer.readableBytesView))
            var headers = HTTPFields()
            headers[.contentType] = reply.rawBody == nil ? "application/json; charset=utf-8" : "text/html"
            if let seconds = reply.retryAfter { headers[.retryAfter] = String(seconds) }
            let body = reply.rawBody ?? reply.json.bytes
            return Response(
                status: .init(code: reply.status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }

        router.post("/hooks/**") { request, _ -> Response in
            var request = request
            let buffer = try await request.collectBody(upTo: 1 << 20)
            let reply = await state.handleResponseURL(
                contentType: request.headers[.contentType], body: Array(buffer.readableBytesView))
            var headers = HTTPFields()
            headers[.contentType] = "text/plain"
            if let seconds = reply.retryAfter { headers[.retryAfter] = String(seconds) }
            return Response(
                status: .init(code: reply.status), headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.rawBody ?? Array("ok".utf8))))
        }

        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "FakeSlackAPI")
        logger.logLevel = .error
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let server = Task {
            try? await group.run()
            continuation.finish()
        }
        for await port in ports where port > 0 {
            return FakeSlackAPI(port: port, state: state, group: group, server: server)
        }
        server.cancel()
        throw FakeSlackError.didNotStart
    }

    /// A `response_url` served by this fake; posts to it are recorded as method `response_url`.
    public func responseURL(_ path: String = "T0001AAAA/5555/xyz789") -> String {
        "http://127.0.0.1:\(port)/hooks/\(path)"
    }

    /// Stops the server (gracefully: requests in flight are answered) and waits until it has.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await server.value
    }

    /// The calls received so far, oldest first; only those of `method` when given.
    public func calls(method: String? = nil) async -> [FakeSlackCall] {
        let all = await state.calls
        return method.map { wanted in all.filter { $0.method == wanted } } ?? all
    }

    /// The next `count` calls (of `method`, or any) fail this way, before any other check.
    public func failNext(_ count: Int = 1, method: String? = nil, with failure: FakeSlackFailure) async {
        await state.addFailures(count, method: method, failure: failure)
    }

    /// Drops the failures not used yet: the outage is over.
    public func clearFailures() async {
        await state.clearFailures()
    }

    /// Messages in a channel as they are now (DMs to `U123` live in `D123`).
    public func messages(in channel: String) async -> [FakeSlackMessage] {
        await state.messages[channel] ?? []
    }

    /// Every message in every channel, in posting order per channel.
    public func allMessages() async -> [FakeSlackMessage] {
        await state.messages.keys.sorted().asyncFlatMap { await self.messages(in: $0) }
    }

    /// The App Home view last published for a user.
    public func home(of user: String) async -> SlackJSONValue? {
        await state.homes[user]
    }

    /// The modal views opened or updated, by view id.
    public func openViews() async -> [String: SlackJSONValue] {
        await state.views.mapValues(\.view)
    }

    /// Adds or replaces a user.
    public func addUser(_ user: FakeSlackUser) async {
        await state.addUser(user)
    }
}

/// Why the fake could not start.
public enum FakeSlackError: Error {
    case didNotStart
}

extension FakeSlackState {
    func addFailures(_ count: Int, method: String?, failure: FakeSlackFailure) {
        for _ in 0..<max(0, count) { failures.append((method, failure)) }
    }

    func addUser(_ user: FakeSlackUser) { users[user.id] = user }

    func clearFailures() { failures.removeAll() }
}

extension Sequence {
    fileprivate func asyncFlatMap<T>(_ transform: (Element) async -> [T]) async -> [T] {
        var result: [T] = []
        for element in self { result += await transform(element) }
        return result
    }
}
