import Foundation
import HTTPTransport

/// The Bot Connector REST calls AccessBot makes (protocols.md §2.5), each one HTTP request
/// through the shared libcurl client with the bot's bearer token. It never retries except
/// once after a 401 with a fresh token; the outbox decides when to try again.
///
/// `serviceURL` must come from a stored conversation reference, which only a validated
/// activity writes (its `serviceurl` claim matched): the token never goes elsewhere.
public struct BotConnectorClient: Sendable {
    private let tokens: BotConnectorTokenProvider
    private let http: any HTTPClient
    private let timeout: Duration

    public init(tokens: BotConnectorTokenProvider, http: some HTTPClient, timeout: Duration = .seconds(10)) {
        self.tokens = tokens
        self.http = http
        self.timeout = timeout
    }

    /// Posts an activity to a conversation; returns its id (to update it later).
    public func send(
        _ activity: some Encodable & Sendable, to conversation: String, serviceURL: String
    ) async throws(TeamsAPIError)
        -> String
    {
        let response = try await call(.post, serviceURL, ["v3", "conversations", conversation, "activities"], body: activity)
        return try Self.decode(ResourceResponse.self, response).id ?? ""
    }

    /// Replaces a posted activity (the card fan-out after a decision).
    public func update(
        _ activity: some Encodable & Sendable, activityID: String, in conversation: String, serviceURL: String
    ) async throws(TeamsAPIError) {
        _ = try await call(.put, serviceURL, ["v3", "conversations", conversation, "activities", activityID], body: activity)
    }

    /// Opens (or finds) the 1:1 chat of the bot with a member; returns the conversation id.
    public func createPersonalConversation(
        with memberID: String, bot: String?, tenantID: String?, serviceURL: String
    ) async throws(TeamsAPIError) -> String {
        let body = CreateConversation(
            isGroup: false, bot: bot.map { Account(id: $0) }, members: [Account(id: memberID)], tenantId: tenantID,
            channelData: tenantID.map { ChannelData(tenant: Account(id: $0)) })
        let response = try await call(.post, serviceURL, ["v3", "conversations"], body: body)
        guard let id = try Self.decode(ResourceResponse.self, response).id, !id.isEmpty else {
            throw .transient("create conversation answered without an id")
        }
        return id
    }

    /// One member of a conversation, with email and UPN.
    public func member(_ memberID: String, in conversation: String, serviceURL: String) async throws(TeamsAPIError) -> TeamsChannelAccount {
        let response = try await call(.get, serviceURL, ["v3", "conversations", conversation, "members", memberID], body: Never?.none)
        return try Self.decode(TeamsChannelAccount.self, response)
    }

    /// One page of a conversation's members (a team's roster).
    public func members(
        of conversation: String, serviceURL: String, pageSize: Int = 200, continuation: String? = nil
    ) async throws(TeamsAPIError) -> TeamsMemberPage {
        var query = "pageSize=\(pageSize)"
        if let continuation { query += "&continuationToken=\(PercentEncoding.escape(continuation))" }
        let response = try await call(
            .get, serviceURL, ["v3", "conversations", conversation, "pagedmembers"], query: query, body: Never?.none)
        return try Self.decode(TeamsMemberPage.self, response)
    }

    // MARK: - Wire

    private func call(
        _ method: HTTPMethod, _ serviceURL: String, _ segments: [String], query: String? = nil, body: (some Encodable & Sendable)?
    ) async throws(TeamsAPIError) -> HTTPResponse {
        let url = try Self.url(serviceURL, segments, query: query)
        var encoded: [UInt8] = []
        if let body {
            do {
                encoded = Array(try JSONEncoder().encode(body))
            } catch {
                throw .permanent(status: 0, code: "unencodable activity")
            }
        }
        var token = try await tokens.token()
        var response = try await send(method, url, token: token, body: encoded)
        if response.status == 401 {
            // A revoked or rotated token: one fresh token, one more try.
            await tokens.invalidate(token)
            token = try await tokens.token()
            response = try await send(method, url, token: token, body: encoded)
        }
        try Self.check(response)
        return response
    }

    private func send(_ method: HTTPMethod, _ url: String, token: String, body: [UInt8]) async throws(TeamsAPIError) -> HTTPResponse {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Accept": "application/json"]
        if !body.isEmpty || method != .get { headers.add(name: "Content-Type", value: "application/json; charset=utf-8") }
        do {
            return try await http.send(HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: timeout))
        } catch {
            throw .transport(error)
        }
    }

    /// `{serviceUrl}v3/…` with every id percent-encoded as one segment, and no `//`.
    static func url(_ serviceURL: String, _ segments: [String], query: String?) throws(TeamsAPIError) -> String {
        guard serviceURL.hasPrefix("https://") || serviceURL.hasPrefix("http://") else {
            throw .permanent(status: 0, code: "service URL is not http(s)")
        }
        var base = serviceURL
        while base.hasSuffix("/") { base.removeLast() }
        let path = segments.map(PercentEncoding.escape).joined(separator: "/")
        return base + "/" + path + (query.map { "?" + $0 } ?? "")
    }

    static func check(_ response: HTTPResponse) throws(TeamsAPIError) {
        let status = response.status
        guard !(200..<300).contains(status) else { return }
        let error = (try? JSONDecoder().decode(ErrorBody.self, from: Data(response.body)))?.error
        let code = error?.code ?? "HTTP\(status)"
        switch status {
        case 429: throw .throttled(retryAfter: retryAfter(response))
        case 412, 502, 503, 504: throw retryAfter(response).map { .throttled(retryAfter: $0) } ?? .transient("HTTP \(status) \(code)")
        case 500...: throw .transient("HTTP \(status) \(code)")
        case 403 where error?.subCode == "MessageWritesBlocked" || response.body.containsASCII("MessageWritesBlocked"):
            throw .blocked
        case 404: throw .notFound(code)
        default: throw .permanent(status: status, code: String(code.prefix(80)))
        }
    }

    /// `Retry-After` in whole seconds, bounded to an hour.
    static func retryAfter(_ response: HTTPResponse) -> Int? {
        guard let value = response.headers["retry-after"], let seconds = Int(value.trimmingCharacters(in: .whitespaces)), seconds >= 0
        else { return nil }
        return min(max(seconds, 1), 3600)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResponse) throws(TeamsAPIError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw .transient("unexpected response body for \(T.self)")
        }
    }

    private struct ResourceResponse: Decodable { var id: String? }
    private struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var code: String?
            var message: String?
            var subCode: String?
        }
        var error: Detail?
    }
    private struct Account: Encodable, Sendable { var id: String }
    private struct ChannelData: Encodable, Sendable { var tenant: Account }
    private struct CreateConversation: Encodable, Sendable {
        var isGroup: Bool
        var bot: Account?
        var members: [Account]
        var tenantId: String?
        var channelData: ChannelData?
    }
}

extension [UInt8] {
    fileprivate func containsASCII(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard count >= pattern.count, !pattern.isEmpty else { return false }
        return (0...(count - pattern.count)).contains { start in self[start..<start + pattern.count].elementsEqual(pattern) }
    }
}
