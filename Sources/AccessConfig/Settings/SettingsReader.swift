import Foundation

/// Looks variables up with the precedence real environment > `.env` > default, and reads typed values.
/// An empty value counts as unset, so `.env.example`'s empty secrets disable what they name.
struct SettingsReader {
    let environment: [String: String]
    let dotEnv: [String: String]

    /// The trimmed value, or nil when unset or empty in both sources.
    func value(_ name: String) -> String? {
        for source in [environment, dotEnv] {
            if let value = source[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty { return value }
        }
        return nil
    }

    func isSet(_ name: String) -> Bool { value(name) != nil }

    func secret(_ name: String) -> Secret? { value(name).map(Secret.init) }

    /// A value that must not contain whitespace (ids, user names); quoted back in errors, so not for secrets.
    func word(_ name: String) throws(SettingsError) -> String? {
        guard let value = value(name) else { return nil }
        guard !value.contains(where: \.isWhitespace) else {
            throw SettingsError(subject: name, message: "\(quoted(value)) must not contain spaces")
        }
        return value
    }

    func port(_ name: String, default fallback: Int) throws(SettingsError) -> Int {
        guard let text = value(name) else { return fallback }
        guard let port = Int(text), (1...65_535).contains(port) else {
            throw SettingsError(subject: name, message: "\(quoted(text)) is not a port number (1-65535)")
        }
        return port
    }

    /// Whole milliseconds, 0 to an hour.
    func milliseconds(_ name: String, default fallback: Int) throws(SettingsError) -> Int {
        guard let text = value(name) else { return fallback }
        guard let value = Int(text), (0...3_600_000).contains(value) else {
            throw SettingsError(subject: name, message: "\(quoted(text)) is not a number of milliseconds (0-3600000)")
        }
        return value
    }

    /// An http(s) URL with a host; a trailing slash is dropped so paths can be appended.
    func url(_ name: String) throws(SettingsError) -> URL? {
        guard let text = value(name) else { return nil }
        return try Self.url(text, name: name)
    }

    /// The URL, or the default (which must itself be valid) when unset.
    func url(_ name: String, default fallback: String) throws(SettingsError) -> URL {
        try Self.url(value(name) ?? fallback, name: name)
    }

    static func url(_ text: String, name: String) throws(SettingsError) -> URL {
        var trimmed = text
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            throw SettingsError(
                subject: name, message: "\(Self.quoted(text)) is not a URL with an http(s) scheme and a host (e.g. https://example.com)")
        }
        return url
    }

    /// One of a few words, e.g. a log level.
    func choice<Value>(_ name: String, default fallback: Value, parse: (String) -> Value?, options: [String]) throws(SettingsError) -> Value
    {
        guard let text = value(name) else { return fallback }
        guard let value = parse(text) else {
            throw SettingsError(subject: name, message: "\(quoted(text)) is not one of \(options.joined(separator: ", "))")
        }
        return value
    }

    /// Variables that enable a feature together: all set gives the values, none set gives nil (disabled),
    /// some set is an error naming the first missing one.
    func group(_ names: [String], feature: String) throws(SettingsError) -> [String]? {
        guard names.contains(where: isSet) else { return nil }
        if let missing = names.first(where: { !isSet($0) }) { throw self.missing(missing, of: names, feature: feature) }
        return names.compactMap(value)
    }

    /// The error for a feature that is half configured.
    func missing(_ name: String, of names: [String], feature: String) -> SettingsError {
        let set = names.filter(isSet)
        return SettingsError(
            subject: name,
            message: "not set, but \(set.joined(separator: " and ")) \(set.count == 1 ? "is" : "are"); "
                + "\(feature) needs \(names.joined(separator: ", ")) (or none of them, to disable \(feature))")
    }

    func quoted(_ text: String) -> String { Self.quoted(text) }

    static func quoted(_ text: String) -> String {
        let short = text.count > 60 ? String(text.prefix(60)) + "..." : text
        return "\"\(short)\""
    }
}
