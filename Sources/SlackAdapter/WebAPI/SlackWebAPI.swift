import Foundation
import HTTPTransport

/// A thin Slack Web API client: each call is one HTTP request through the shared
/// `HTTPClient`, and every failure is a classified `SlackAPIError`. It never retries:
/// the delivery service decides when to try again (honouring `rateLimited`).
public struct SlackWebAPI: Sendable {
    /// Slack's public API base.
    public static let defaultBaseURL = "https://slack.com/api"

    /// The base URL without a trailing slash (`SLACK_API_URL`).
    public let baseURL: String
    private let token: String
    private let http: any HTTPClient
    private let timeout: Duration

    /// - Parameters:
    ///   - baseURL: `https://slack.com/api`, or a GovSlack or test base.
    ///   - token: the bot token (`xoxb-...`), sent only as `Authorization: Bearer`.
    ///   - timeout: the most one call may take.
    public init(baseURL: String = SlackWebAPI.defaultBaseURL, token: String, http: some HTTPClient, timeout: Duration = .seconds(10)) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.token = token
        self.http = http
        self.timeout = timeout
    }

    /// Calls a write method with a JSON body.
    func call<Response: Decodable>(_ method: String, json body: some Encodable, as _: Response.Type) async throws(SlackAPIError) -> Response
    {
        var headers = authHeaders
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        let request = HTTPRequest(
            method: .post, url: "\(baseURL)/\(method)", headers: headers, body: SlackJSON.encode(body), timeout: timeout)
        return try Self.decode(try await send(request), as: Response.self)
    }

    /// Calls a read method with a form body, as the official SDK does.
    func call<Response: Decodable>(
        _ method: String, form fields: [(name: String, value: String)], as _: Response.Type
    ) async throws(SlackAPIError) -> Response {
        var headers = authHeaders
        headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        let request = HTTPRequest(
            method: .post, url: "\(baseURL)/\(method)", headers: headers, body: FormURLEncoder.encode(fields), timeout: timeout)
        return try Self.decode(try await send(request), as: Response.self)
    }

    private var authHeaders: HTTPHeaders {
        ["Authorization": "Bearer \(token)", "Accept": "application/json"]
    }

    /// Sends, turning transport failures and cancellation into `SlackAPIError`.
    func send(_ request: HTTPRequest) async throws(SlackAPIError) -> HTTPResponse {
        do {
            return try await http.send(request)
        } catch let error as HTTPTransportError {
            switch error {
            case .invalidURL: throw .permanent("invalid_url")
            case .responseTooLarge: throw .permanent(.unexpectedResponse)
            case .timedOut, .connectionFailed, .tls, .other: throw .transient(.transport(error))
            }
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .transient(.transport(.other(code: -1, message: "\(type(of: error))")))
        }
    }

    /// Reads Slack's envelope: `ok`, else the error code, classified.
    static func decode<Response: Decodable>(_ response: HTTPResponse, as _: Response.Type) throws(SlackAPIError) -> Response {
        if response.status == 429 { throw .rateLimited(retryAfter: retryAfter(response)) }
        if response.status >= 500 { throw .transient(.httpStatus(response.status)) }
        let decoder = JSONDecoder()
        guard let envelope = try? decoder.decode(Envelope.self, from: Data(response.body)) else {
            if (200..<300).contains(response.status) { throw .transient(.invalidResponse) }
            throw .permanent(.unexpectedResponse)
        }
        guard envelope.ok else {
            let code = SlackErrorCode(rawValue: envelope.error ?? "unknown_error")
            if code == .ratelimited || code.rawValue == "rate_limited" { throw .rateLimited(retryAfter: retryAfter(response)) }
            throw code.category == .transient ? .transient(.slack(code)) : .permanent(code)
        }
        guard let decoded = try? decoder.decode(Response.self, from: Data(response.body)) else {
            throw .transient(.invalidResponse)
        }
        return decoded
    }

    /// `Retry-After` in whole seconds; Slack always sends it with a 429, so the default is a guard.
    static func retryAfter(_ response: HTTPResponse) -> Int {
        guard let value = response.headers["retry-after"]?.trimmingCharacters(in: .whitespaces), let seconds = Int(value),
            seconds >= 0
        else { return 5 }
        return min(max(seconds, 1), 3600)
    }

    struct Envelope: Decodable {
        var ok: Bool
        var error: String?
    }

    /// A response whose fields other than `ok` are not needed.
    struct Empty: Decodable {}
}
