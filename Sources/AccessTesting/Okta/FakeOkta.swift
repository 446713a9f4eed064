import Foundation
import Integrations
import Synchronization

/// A fake Okta management API on 127.0.0.1 (over `FakeHTTPServer`) that speaks the real
/// protocol: `SSWS` token check (`401 E0000011`, `403 E0000005` without credentials), users
/// with managers and statuses, `search=`, group membership and app assignment endpoints,
/// `X-Okta-Request-Id`, `Date` and `X-Rate-Limit-*` on every answer, every call recorded,
/// and failures on demand (429 with a reset, 5xx, dropped connections).
///
/// ```swift
/// let okta = try FakeOkta(users: [FakeOktaUser(id: "00u1", login: "alice@example.com")], groups: ["00g1"])
/// let client = OktaClient(orgURL: okta.baseURL, credentials: .apiToken(FakeOkta.token), http: http)
/// ...
/// #expect(okta.members(ofGroup: "00g1") == ["00u1"])
/// ```
public final class FakeOkta: Sendable {
    /// The API token the fake accepts unless told another.
    public static let token = "00fake-okta-token"

    private let server: FakeHTTPServer
    private let box: FakeOktaBox

    /// Starts listening on a free loopback port.
    public init(token: String = FakeOkta.token, users: [FakeOktaUser] = [], groups: [String] = [], apps: [String] = []) throws {
        let box = FakeOktaBox(
            FakeOktaData(
                token: token, users: users, groups: Dictionary(uniqueKeysWithValues: groups.map { ($0, []) }),
                apps: Dictionary(uniqueKeysWithValues: apps.map { ($0, []) })))
        self.box = box
        server = try FakeHTTPServer(recordsRequests: false) { request in Self.handle(request, data: box.data) }
    }

    /// `http://127.0.0.1:PORT`: pass it as `OKTA_ORG_URL`.
    public var baseURL: String { server.baseURL }

    /// Stops listening; calls are refused from then on.
    public func stop() { server.stop() }

    /// The calls so far, oldest first; only those of `method` and under `pathPrefix` (decoded) when given.
    public func calls(method: String? = nil, pathPrefix: String? = nil) -> [FakeOktaCall] {
        box.data.withLock { $0.calls }.filter { call in
            (method == nil || call.method == method) && (pathPrefix.map { call.path.hasPrefix($0) } ?? true)
        }
    }

    /// The user ids in a group now.
    public func members(ofGroup group: String) -> Set<String> { box.data.withLock { $0.groups[group] ?? [] } }

    /// The user ids assigned to an app now.
    public func assignees(ofApp app: String) -> Set<String> { box.data.withLock { $0.apps[app] ?? [] } }

    /// Changes a user's status (`SUSPENDED`, `DEPROVISIONED`, `ACTIVE`, …), by id or login.
    public func setStatus(_ status: String, of user: String) {
        box.data.withLock { data in
            guard let index = data.users.firstIndex(where: { $0.id == user || $0.login == user }) else { return }
            data.users[index].status = status
        }
    }

    /// Adds or replaces a user (by id).
    public func addUser(_ user: FakeOktaUser) {
        box.data.withLock { data in
            data.users.removeAll { $0.id == user.id }
            data.users.append(user)
        }
    }

    /// Puts someone in a group or app before the test starts.
    public func seed(group: String? = nil, app: String? = nil, member userID: String) {
        box.data.withLock { data in
            if let group { data.groups[group, default: []].insert(userID) }
            if let app { data.apps[app, default: []].insert(userID) }
        }
    }

    /// Whether assigning an app again answers `409 E0000062` (true) or `200` (false, the default).
    public func answerAlreadyAssignedWithConflict(_ conflict: Bool) { box.data.withLock { $0.alreadyAssignedConflict = conflict } }

    /// The next `count` calls (of `method`, under the decoded `pathPrefix`, or any) fail this way.
    public func failNext(_ count: Int = 1, method: String? = nil, pathPrefix: String? = nil, with failure: FakeOktaFailure) {
        box.data.withLock { data in
            for _ in 0..<max(0, count) { data.failures.append((method, pathPrefix, failure)) }
        }
    }

    /// Drops the failures not used yet.
    public func clearFailures() { box.data.withLock { $0.failures.removeAll() } }

    private static func handle(_ request: FakeHTTPRequest, data: borrowing Mutex<FakeOktaData>) -> FakeHTTPAction {
        let (target, rawQuery) = split(request.target)
        let segments = target.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        let path = "/" + segments.joined(separator: "/")
        let query = parseQuery(rawQuery)
        let now = Date()
        let (answer, requestID, remaining) = data.withLock { data -> (FakeOktaAnswer, String, Int) in
            data.counter += 1
            let requestID = "fake\(String(format: "%06d", data.counter))-okta"
            let answer: FakeOktaAnswer
            if let failure = data.takeFailure(method: request.method, path: path) {
                answer = failureAnswer(failure, now: now)
            } else if let authorization = request.header("authorization") {
                answer =
                    authorization == "SSWS \(data.token)"
                    ? data.route(method: request.method, segments: segments, query: query, body: request.body)
                    : .error(401, "E0000011", "Invalid token provided")
            } else {
                answer = .error(403, "E0000005", "Invalid session")
            }
            let status: Int
            switch answer {
            case .reply(let code, _, _): status = code
            case .drop: status = 0
            }
            data.calls.append(
                FakeOktaCall(
                    method: request.method, target: request.target, path: path, query: query, headers: request.headers, body: request.body,
                    status: status, requestID: requestID, at: now))
            return (answer, requestID, max(0, 600 - data.counter))
        }
        switch answer {
        case .drop:
            return .close
        case .reply(let status, let json, let extra):
            var headers: [(name: String, value: String)] = [
                ("Date", HTTPDate.format(now)), ("X-Okta-Request-Id", requestID),
            ]
            if !extra.contains(where: { $0.name == "X-Rate-Limit-Reset" }) {
                headers += [
                    ("X-Rate-Limit-Limit", "600"), ("X-Rate-Limit-Remaining", String(remaining)),
                    ("X-Rate-Limit-Reset", String(Int(now.timeIntervalSince1970) + 60)),
                ]
            }
            headers += extra
            if json != nil { headers.append(("Content-Type", "application/json")) }
            return .respond(FakeHTTPResponse(status: status, headers: headers, body: Array((json ?? "").utf8)))
        }
    }

    private static func failureAnswer(_ failure: FakeOktaFailure, now: Date) -> FakeOktaAnswer {
        switch failure {
        case .rateLimited(let resetIn, let concurrency):
            guard
                case .reply(let status, let json, _) = FakeOktaAnswer.error(
                    429, "E0000047", "API call exceeded rate limit due to too many requests.")
            else { return .drop }
            return .reply(
                status: status, json: json,
                extraHeaders: [
                    ("X-Rate-Limit-Limit", concurrency ? "0" : "600"), ("X-Rate-Limit-Remaining", "0"),
                    ("X-Rate-Limit-Reset", String(Int(now.timeIntervalSince1970.rounded(.down)) + resetIn)),
                ])
        case .error(let status, let code):
            return .error(status, code, "Injected failure")
        case .dropConnection:
            return .drop
        }
    }

    private static func split(_ target: String) -> (String, String) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts.first ?? ""), parts.count > 1 ? String(parts[1]) : "")
    }

    private static func parseQuery(_ raw: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in raw.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "") : ""
            result[name] = value
        }
        return result
    }
}

/// The fake's state, shared by the server's threads.
final class FakeOktaBox: Sendable {
    let data: Mutex<FakeOktaData>

    init(_ data: FakeOktaData) { self.data = Mutex(data) }
}
