import Foundation
import HTTPTransport

/// Okta's rate-limit headers of one response. Okta sends no `Retry-After`: after a 429 the
/// caller waits until `X-Rate-Limit-Reset` (Unix epoch seconds), measured against the
/// response's own `Date`, as the official SDKs do, so a skewed local clock does not matter.
public struct OktaRateLimit: Hashable, Sendable {
    /// `X-Rate-Limit-Limit`: the ceiling of the bucket that applied.
    public var limit: Int?
    /// `X-Rate-Limit-Remaining`: calls left in this window.
    public var remaining: Int?
    /// `X-Rate-Limit-Reset`: the window's end (the smallest, when several header lines came).
    public var reset: Date?

    public init(limit: Int?, remaining: Int?, reset: Date?) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
    }

    /// Reads the headers; nil when the response carries none of them.
    public init?(headers: HTTPHeaders) {
        let limit = headers.values(for: "x-rate-limit-limit").compactMap(Self.integer).min()
        let remaining = headers.values(for: "x-rate-limit-remaining").compactMap(Self.integer).min()
        let reset = headers.values(for: "x-rate-limit-reset").compactMap(Self.integer).min()
        guard limit != nil || remaining != nil || reset != nil else { return nil }
        self.init(limit: limit, remaining: remaining, reset: reset.map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }

    /// Less than a tenth of the bucket left: time to slow down.
    public var isLow: Bool {
        guard let limit, let remaining, limit > 0 else { return false }
        return remaining * 10 < limit
    }

    /// A concurrency-limit 429: limit and remaining are both 0 and the reset is only an estimate.
    public var isConcurrencyLimit: Bool { limit == 0 && remaining == 0 }

    /// How long to wait after a 429: `reset − Date + 1 s` (the local clock when there is no
    /// `Date`), between 1 s and 15 minutes; a minute when the reset is missing. A concurrency
    /// 429 gets up to a second of jitter so waiting callers do not all come back at once.
    public static func wait(after response: HTTPResponse, now: Date = Date()) -> Duration {
        let limits = OktaRateLimit(headers: response.headers)
        guard let reset = limits?.reset else { return .seconds(60) }
        let reference = response.headers["date"].flatMap(HTTPDate.parse) ?? now
        var seconds = reset.timeIntervalSince(reference) + 1
        seconds = min(max(seconds, 1), 900)
        var wait = Duration.milliseconds(Int64(seconds * 1000))
        if limits?.isConcurrencyLimit == true { wait += .milliseconds(Int64.random(in: 0...1000)) }
        return wait
    }

    private static func integer(_ text: String) -> Int? {
        Int(text.trimmingCharacters(in: .whitespaces))
    }
}

/// The HTTP `Date` header (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`).
public enum HTTPDate {
    /// Reads an IMF-fixdate; nil when it is not one.
    public static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text.trimmingCharacters(in: .whitespaces))
    }

    /// Writes an IMF-fixdate.
    public static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
