import Foundation

/// Where the store lives, parsed from a database URL.
///
/// Accepted forms:
/// - `sqlite:PATH` (also `sqlite://PATH`), optionally `?synchronous=full|normal`
/// - `sqlite::memory:` (one connection, nothing on disk; for tests)
/// - `postgres://user:pass@host:port/db` (also `postgresql://`), optionally
///   `?sslmode=disable|prefer|require&search_path=SCHEMA&pool_size=N`
public enum StoreLocation: Hashable, Sendable {
    case sqlite(path: String, synchronous: SQLiteSynchronous)
    case sqliteMemory
    case postgres(PostgresLocation)

    /// Parses a database URL; throws `SQLStoreError.invalidURL` with the reason, never showing the password.
    public init(url: String) throws(SQLStoreError) {
        let text = url.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("sqlite:") {
            self = try Self.parseSQLite(String(text.dropFirst("sqlite:".count)), url: text)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(url: text))
        } else {
            throw .invalidURL(Self.redacted(text), reason: "expected sqlite:PATH or postgres://user:pass@host:port/db")
        }
    }

    private static func parseSQLite(_ rest: String, url: String) throws(SQLStoreError) -> StoreLocation {
        if rest == ":memory:" { return .sqliteMemory }
        var path = rest.hasPrefix("//") ? String(rest.dropFirst(2)) : rest
        var synchronous = SQLiteSynchronous.full
        if let mark = path.firstIndex(of: "?") {
            let query = path[path.index(after: mark)...]
            path = String(path[..<mark])
            for item in query.split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2, pair[0] == "synchronous" else {
                    throw .invalidURL(url, reason: "unknown option `\(item)`; only synchronous=full|normal is understood")
                }
                guard let value = SQLiteSynchronous(rawValue: pair[1].lowercased()) else {
                    throw .invalidURL(url, reason: "synchronous must be full or normal, not `\(pair[1])`")
                }
                synchronous = value
            }
        }
        guard !path.isEmpty else { throw .invalidURL(url, reason: "the SQLite file path is empty") }
        return .sqlite(path: path, synchronous: synchronous)
    }

    /// The URL with any password replaced by `***`, safe to log and to show in errors.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://"), let at = url[schemeEnd.upperBound...].firstIndex(of: "@") else { return url }
        let userInfo = url[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}

/// SQLite's `synchronous` setting in WAL mode.
///
/// `full` (the default) syncs the WAL on every commit: a transaction the store reported as
/// committed survives a power cut as well as a process crash. `normal` skips that sync: every
/// committed transaction still survives a process crash, but a power cut or kernel panic may
/// lose the last transactions (never corrupts). AccessBot tells people "your request was
/// submitted" only after the commit, so the default is `full`; group commit (many callers per
/// transaction) keeps its cost to one sync per batch. Choose `normal` with `?synchronous=normal`
/// when the host's power loss is an accepted risk and single-writer latency matters more.
public enum SQLiteSynchronous: String, Hashable, Sendable {
    case full
    case normal
}

/// A parsed PostgreSQL URL.
public struct PostgresLocation: Hashable, Sendable {
    public enum TLSMode: String, Hashable, Sendable {
        case disable
        case prefer
        case require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// Schema to work in (created by `migrate()` if missing); nil uses the server's default search path.
    public var searchPath: String?
    /// Most connections the pool opens.
    public var poolSize: Int

    init(url: String) throws(SQLStoreError) {
        let shown = StoreLocation.redacted(url)
        guard let parts = URLComponents(string: url) else { throw .invalidURL(shown, reason: "not a URL") }
        guard let host = parts.host, !host.isEmpty else { throw .invalidURL(shown, reason: "the host is missing") }
        guard let user = parts.user, !user.isEmpty else { throw .invalidURL(shown, reason: "the user name is missing") }
        if parts.port == nil, url.contains("@\(host):") {
            throw .invalidURL(shown, reason: "the port is not a number")
        }
        self.host = host
        self.port = parts.port ?? 5432
        self.username = user
        self.password = parts.password
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        guard !path.contains("/") else { throw .invalidURL(shown, reason: "the path must be just the database name") }
        self.database = path.isEmpty ? user : path
        self.tls = .prefer
        self.poolSize = 16
        for item in parts.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name.lowercased() {
            case "sslmode", "tlsmode", "ssl", "tls":
                switch value.lowercased() {
                case "disable", "false": tls = .disable
                case "prefer", "allow", "true": tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                default: throw .invalidURL(shown, reason: "sslmode must be disable, prefer or require, not `\(value)`")
                }
            case "search_path", "schema":
                guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                    throw .invalidURL(shown, reason: "search_path must be one schema name of letters, digits and _")
                }
                searchPath = value
            case "pool_size":
                guard let size = Int(value), (1...500).contains(size) else {
                    throw .invalidURL(shown, reason: "pool_size must be a number from 1 to 500")
                }
                poolSize = size
            default:
                throw .invalidURL(shown, reason: "unknown option `\(item.name)`")
            }
        }
    }
}
