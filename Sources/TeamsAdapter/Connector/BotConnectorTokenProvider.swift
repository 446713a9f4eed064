import Foundation
import HTTPTransport

/// The bot's outbound bearer token (OAuth 2.0 client credentials, protocols.md §2.5): cached
/// until five minutes before it expires, one fetch in flight at a time however many callers
/// ask, and dropped on a 401 from the Connector so the next call fetches a fresh one.
public actor BotConnectorTokenProvider {
    /// The scope of Bot Connector tokens.
    public static let scope = "https://api.botframework.com/.default"

    private let tokenURL: String
    private let appID: String
    private let password: String
    private let http: any HTTPClient
    private let renewBefore: TimeInterval
    private let clock: @Sendable () -> Date

    private var cached: (token: String, expires: Date)?
    private var fetching: Task<(token: String, expires: Date), any Error>?
    /// Tokens fetched, for metrics and tests.
    public private(set) var fetches = 0

    public init(
        tokenURL: String, appID: String, password: String, http: some HTTPClient, renewBefore: TimeInterval = 300,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.tokenURL = tokenURL
        self.appID = appID
        self.password = password
        self.http = http
        self.renewBefore = renewBefore
        self.clock = clock
    }

    /// The token endpoint for a tenant (single-tenant bots), or `botframework.com` for old multi-tenant ones.
    public static func tokenURL(tenantID: String?) -> String {
        "https://login.microsoftonline.com/\(tenantID ?? "botframework.com")/oauth2/v2.0/token"
    }

    /// A token valid for at least `renewBefore` more seconds.
    public func token() async throws(TeamsAPIError) -> String {
        if let cached, cached.expires.timeIntervalSince(clock()) > renewBefore { return cached.token }
        let task: Task<(token: String, expires: Date), any Error>
        if let fetching {
            task = fetching
        } else {
            task = Task { [tokenURL, appID, password, http, clock] in
                try await Self.fetch(tokenURL: tokenURL, appID: appID, password: password, http: http, now: clock())
            }
            fetching = task
            fetches += 1
        }
        do {
            let fresh = try await task.value
            if fetching == task { fetching = nil }
            cached = fresh
            return fresh.token
        } catch let error as TeamsAPIError {
            if fetching == task { fetching = nil }
            throw error
        } catch {
            if fetching == task { fetching = nil }
            throw .transport(error)
        }
    }

    /// Forgets `token` (the Connector answered 401 to it); a newer token is kept.
    public func invalidate(_ token: String) {
        if cached?.token == token { cached = nil }
    }

    private static func fetch(
        tokenURL: String, appID: String, password: String, http: any HTTPClient, now: Date
    ) async throws -> (token: String, expires: Date) {
        let form = PercentEncoding.form([
            ("grant_type", "client_credentials"), ("client_id", appID), ("client_secret", password), ("scope", scope),
        ])
        let request = HTTPRequest(
            method: .post, url: tokenURL,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: form, timeout: .seconds(10), maxResponseBytes: 256 * 1024)
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch {
            throw TeamsAPIError.transport(error)
        }
        switch response.status {
        case 200:
            guard let body = try? JSONDecoder().decode(TokenResponse.self, from: Data(response.body)), !body.accessToken.isEmpty else {
                throw TeamsAPIError.transient("token endpoint answered without a token")
            }
            let lifetime = TimeInterval(max(60, min(body.expiresIn ?? 3599, 86_400)))
            return (body.accessToken, now.addingTimeInterval(lifetime))
        case 429:
            throw TeamsAPIError.throttled(retryAfter: BotConnectorClient.retryAfter(response))
        case 500...:
            throw TeamsAPIError.transient("token endpoint answered \(response.status)")
        default:
            let error = try? JSONDecoder().decode(TokenError.self, from: Data(response.body))
            // AADSTS codes say what is wrong (unknown app, bad secret, wrong tenant); never the secret.
            let reason = [error?.error, error?.errorDescription.map { String($0.prefix(200)) }].compactMap { $0 }.joined(separator: ": ")
            throw TeamsAPIError.credentialsRejected(reason.isEmpty ? "HTTP \(response.status)" : reason)
        }
    }

    private struct TokenResponse: Decodable {
        var accessToken: String
        var expiresIn: Int?
        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case expiresIn = "expires_in"
        }
    }

    private struct TokenError: Decodable {
        var error: String?
        var errorDescription: String?
        enum CodingKeys: String, CodingKey {
            case error
            case errorDescription = "error_description"
        }
    }
}
