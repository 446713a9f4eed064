import Foundation
import HTTPTransport

/// The signing keys of one issuer profile, found through its OpenID metadata (`jwks_uri`)
/// and fetched with the shared libcurl client. Cached; refreshed when older than a day, and
/// on an unknown `kid` at most once a minute, so a flood of forged `kid`s cannot turn into a
/// flood of fetches. One refresh runs at a time; callers wait for it together.
public actor SigningKeyCache {
    private let metadataURL: String
    private let http: any HTTPClient
    private let maxAge: TimeInterval
    private let unknownKeyRefreshInterval: TimeInterval
    private let clock: @Sendable () -> Date

    private var current: SigningKeySet?
    private var fetchedAt: Date?
    private var lastAttempt: Date?
    private var refreshing: Task<SigningKeySet, any Error>?

    /// - Parameters:
    ///   - metadataURL: the OpenID configuration document (`TEAMS_OPENID_METADATA_URL`).
    ///   - maxAge: keys older than this are fetched again (Microsoft: at least daily).
    ///   - unknownKeyRefreshInterval: the least time between refreshes caused by an unknown `kid`.
    public init(
        metadataURL: String, http: some HTTPClient, maxAge: TimeInterval = 86_400, unknownKeyRefreshInterval: TimeInterval = 60,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.metadataURL = metadataURL
        self.http = http
        self.maxAge = maxAge
        self.unknownKeyRefreshInterval = unknownKeyRefreshInterval
        self.clock = clock
    }

    /// The key set holding `kid`, refreshing when the cache is stale or does not know it.
    func keys(holding kid: String) async throws(TeamsAuthError) -> (SigningKeySet, SigningKeySet.Key) {
        let now = clock()
        if let current, let fetchedAt, now.timeIntervalSince(fetchedAt) < maxAge, let key = current.keys[kid] {
            return (current, key)
        }
        // Stale keys, no keys, or an unknown kid all ask for a refresh; refreshes are spaced out
        // (a little when there is nothing cached yet), so neither forged kids nor an outage of
        // the key endpoint becomes a flood of fetches.
        let spacing = current == nil ? min(5, unknownKeyRefreshInterval) : unknownKeyRefreshInterval
        let mayRefresh = lastAttempt.map { now.timeIntervalSince($0) >= spacing } ?? true
        if mayRefresh {
            do {
                current = try await refresh()
            } catch {
                // A failed refresh keeps serving the keys we have; with none, nothing can be checked.
                guard current != nil else { throw .keysUnavailable("\(error)") }
            }
        } else if current == nil {
            throw .keysUnavailable("key fetch failed recently; retrying shortly")
        }
        guard let current, let key = current.keys[kid] else { throw .unknownKey(kid) }
        return (current, key)
    }

    /// Fetches now (used at start so the first activity does not wait).
    public func prefetch() async throws {
        current = try await refresh()
    }

    private func refresh() async throws -> SigningKeySet {
        if let refreshing { return try await refreshing.value }
        lastAttempt = clock()
        let task = Task { [metadataURL, http] in try await Self.fetch(metadataURL: metadataURL, http: http) }
        refreshing = task
        defer { refreshing = nil }
        let keys = try await task.value
        fetchedAt = clock()
        return keys
    }

    private static func fetch(metadataURL: String, http: any HTTPClient) async throws -> SigningKeySet {
        let metadata = try await getJSON(metadataURL, as: OpenIDMetadata.self, http: http)
        guard metadata.jwksURI.hasPrefix("https://") || metadata.jwksURI.hasPrefix("http://") else {
            throw KeyFetchError.badMetadata("jwks_uri is not an http(s) URL")
        }
        let body = try await get(metadata.jwksURI, http: http)
        return try await SigningKeySet.parse(jwks: body)
    }

    private static func getJSON<T: Decodable>(_ url: String, as _: T.Type, http: any HTTPClient) async throws -> T {
        let body = try await get(url, http: http)
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch {
            throw KeyFetchError.badMetadata("\(url): not the expected JSON")
        }
    }

    private static func get(_ url: String, http: any HTTPClient) async throws -> [UInt8] {
        let response = try await http.send(
            HTTPRequest(url: url, headers: ["Accept": "application/json"], timeout: .seconds(5), maxResponseBytes: 1024 * 1024))
        guard response.status == 200 else { throw KeyFetchError.httpStatus(response.status, url) }
        return response.body
    }

    private struct OpenIDMetadata: Decodable {
        var jwksURI: String
        enum CodingKeys: String, CodingKey { case jwksURI = "jwks_uri" }
    }

    enum KeyFetchError: Error, CustomStringConvertible {
        case httpStatus(Int, String)
        case badMetadata(String)

        var description: String {
            switch self {
            case .httpStatus(let status, let url): "\(url) answered \(status)"
            case .badMetadata(let reason): reason
            }
        }
    }
}
