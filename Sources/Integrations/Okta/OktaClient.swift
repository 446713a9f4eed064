import Foundation
import HTTPTransport
import Logging

/// How AccessBot proves itself to Okta. v1 ships the API token (`SSWS`); an OAuth 2.0
/// service app would be a second case here, and nothing else would change.
public enum OktaCredentials: Sendable {
    /// `Authorization: SSWS <token>` (`OKTA_API_TOKEN`).
    case apiToken(String)

    var authorization: String {
        switch self {
        case .apiToken(let token): "SSWS \(token)"
        }
    }
}

/// A thin client of Okta's management API (`/api/v1`): each call is one request through
/// the shared `HTTPClient`, and every failure is a typed `OktaError`. It never retries:
/// the outbox decides when to try again (after `X-Rate-Limit-Reset` for a 429).
public struct OktaClient: Sendable {
    /// The org URL without a trailing slash (`https://acme.okta.com`).
    public let orgURL: String
    private let credentials: OktaCredentials
    private let http: any HTTPClient
    private let timeout: Duration
    let logger: Logger
    let clock: @Sendable () -> Date

    /// - Parameters:
    ///   - orgURL: `OKTA_ORG_URL`; a trailing `/` is dropped.
    ///   - credentials: the API token, sent only in the `Authorization` header and never logged.
    ///   - timeout: the most one call may take.
    public init(
        orgURL: String, credentials: OktaCredentials, http: some HTTPClient, timeout: Duration = .seconds(10),
        logger: Logger = Logger(label: "accessbot.okta"), clock: @escaping @Sendable () -> Date = Date.init
    ) {
        var base = orgURL
        while base.hasSuffix("/") { base.removeLast() }
        self.orgURL = base
        self.credentials = credentials
        self.http = http
        self.timeout = timeout
        self.logger = logger
        self.clock = clock
    }

    /// Sends one call; returns the response when its status is 2xx, else throws.
    ///
    /// - Parameters:
    ///   - path: starts with `/api/v1/`, its segments already encoded (`OktaPath`).
    ///   - query: name and value pairs, encoded here.
    ///   - json: a JSON body; adds `Content-Type: application/json`.
    func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json body: [UInt8]? = nil
    ) async throws(OktaError) -> OktaResponse {
        var headers: HTTPHeaders = ["Authorization": credentials.authorization, "Accept": "application/json"]
        if body != nil { headers.add(name: "Content-Type", value: "application/json") }
        let target = path + OktaPath.query(query)
        let request = HTTPRequest(method: method, url: orgURL + target, headers: headers, body: body ?? [], timeout: timeout)
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch let error as HTTPTransportError {
            logger.warning("okta call got no response", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "error": "\(error)"])
            throw .transport(error)
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .transport(.other(code: -1, message: "\(type(of: error))"))
        }
        let answer = OktaResponse(response)
        log(method, path, answer)
        switch response.status {
        case 200..<300:
            return answer
        case 429:
            throw .rateLimited(wait: OktaRateLimit.wait(after: response, now: clock()), requestID: answer.requestID)
        default:
            let body = try? JSONDecoder().decode(ErrorBody.self, from: Data(response.body))
            throw .api(
                OktaAPIError(
                    status: response.status, code: body?.errorCode.map(OktaErrorCode.init(rawValue:)), summary: body?.errorSummary,
                    requestID: answer.requestID))
        }
    }

    /// Method, path, status and `X-Okta-Request-Id` of every call; never a body or the token.
    private func log(_ method: HTTPMethod, _ path: String, _ answer: OktaResponse) {
        var metadata: Logger.Metadata = [
            "method": "\(method.rawValue)", "path": "\(path)", "status": "\(answer.status)",
            "okta.request_id": "\(answer.requestID ?? "-")",
        ]
        if let limits = answer.rateLimit, limits.isLow || answer.status == 429 {
            metadata["rate_limit.remaining"] = "\(limits.remaining.map(String.init) ?? "?")"
            metadata["rate_limit.limit"] = "\(limits.limit.map(String.init) ?? "?")"
            logger.notice(answer.status == 429 ? "okta rate limit reached" : "okta rate limit nearly used up", metadata: metadata)
        } else {
            logger.debug("okta call", metadata: metadata)
        }
    }

    private struct ErrorBody: Decodable {
        var errorCode: String?
        var errorSummary: String?
    }
}

/// One successful answer.
struct OktaResponse: Sendable {
    var status: Int
    var body: [UInt8]
    /// `X-Okta-Request-Id`: System Log events carry it too.
    var requestID: String?
    var rateLimit: OktaRateLimit?

    init(_ response: HTTPResponse) {
        status = response.status
        body = response.body
        requestID = response.headers["x-okta-request-id"]
        rateLimit = OktaRateLimit(headers: response.headers)
    }

    func decode<T: Decodable>(_: T.Type) throws(OktaError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch {
            throw .unexpectedResponse(status: status, requestID: requestID)
        }
    }
}

/// What a change (grant or revoke) left behind: the answer's status and its request id, for the audit.
public struct OktaReceipt: Hashable, Sendable {
    public var status: Int
    /// `X-Okta-Request-Id`, to find the call in Okta's System Log.
    public var requestID: String?

    public init(status: Int, requestID: String?) {
        self.status = status
        self.requestID = requestID
    }
}
