import Foundation

/// `DATABASE_URL`: an embedded SQLite file, or a PostgreSQL server shared by replicas.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// `sqlite:PATH` (also `sqlite://PATH`, `sqlite:///absolute/path`, `sqlite::memory:`).
    case sqlite(path: String)
    /// `postgres://user:pass@host:port/db` (also `postgresql://`).
    case postgres(URL)

    static let variable = "DATABASE_URL"
    static let expected = "write sqlite:PATH or postgres://user:pass@host:port/db"

    /// Reads the variable's text. Errors never quote the value: it may hold a password.
    public init(parsing text: String) throws(SettingsError) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else {
                throw SettingsError(subject: Self.variable, message: "the sqlite URL names no file; \(Self.expected)")
            }
            self = .sqlite(path: path)
        } else if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            guard let url = URL(string: text), let host = url.host, !host.isEmpty else {
                throw SettingsError(subject: Self.variable, message: "not a valid PostgreSQL URL; \(Self.expected)")
            }
            self = .postgres(url)
        } else {
            let scheme = text.split(separator: ":", maxSplits: 1).first.map { "'\($0.prefix(20))'" } ?? "its scheme"
            throw SettingsError(subject: Self.variable, message: "the database kind \(scheme) is not supported; \(Self.expected)")
        }
    }

    /// The URL with any password replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            guard url.password != nil, var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
                return url.absoluteString
            }
            parts.password = "***"
            return parts.string ?? "postgres://***"
        }
    }
}
