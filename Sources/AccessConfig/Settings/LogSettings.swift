/// `LOG_LEVEL`: the same levels as swift-log, without depending on it here.
public enum LogLevel: String, Sendable, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    /// Reads a level case-insensitively; `warn` is accepted for `warning`.
    public init?(text: String) {
        let lowered = text.lowercased()
        if lowered == "warn" {
            self = .warning
        } else if let level = LogLevel(rawValue: lowered) {
            self = level
        } else {
            return nil
        }
    }
}

/// `LOG_FORMAT`: human-readable lines, or one JSON object per line for log collectors.
public enum LogFormat: String, Sendable, CaseIterable {
    case text, json

    /// Reads a format case-insensitively.
    public init?(text: String) {
        self.init(rawValue: text.lowercased())
    }
}
