import Foundation

/// Plain-text wording both chat adapters share: dates, ages, durations, statuses, and cutting
/// user text to a platform's length limit. Markup and escaping stay with each adapter.
public enum ChatWording {
    /// `2026-07-01 10:02 UTC`.
    public static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) UTC"
    }

    /// `4h`, or `permanent`.
    public static func duration(_ span: TimeSpan?) -> String { span?.description ?? "permanent" }

    /// A rough age: `2d 3h`, `5h 10m`, `12m`.
    public static func age(from start: Date, to end: Date) -> String {
        let total = max(0, Int(end.timeIntervalSince(start)))
        let days = total / 86_400
        let hours = total % 86_400 / 3600
        let minutes = total % 3600 / 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        return "\(max(1, minutes))m"
    }

    /// A status in words.
    public static func statusWord(_ status: RequestStatus) -> String {
        switch status {
        case .pending: "pending"
        case .approved: "approved"
        case .fulfilled: "granted"
        case .expired: "expired"
        case .revoked: "revoked"
        case .denied: "denied"
        case .cancelled: "cancelled"
        case .timedOut: "timed out"
        case .failed: "grant failed"
        }
    }

    /// The length chat platforms limit text by (UTF-16 code units, as Slack and Teams count).
    public static func length(_ text: String) -> Int { text.utf16.count }

    /// `text` cut to at most `limit`, ending in `…` when it was cut; whole characters only.
    public static func cut(_ text: String, to limit: Int) -> String {
        guard length(text) > limit else { return text }
        guard limit > 1 else { return limit == 1 ? "…" : "" }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf16.count
            if used + size > limit - 1 { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }
}

extension Catalog {
    /// When a pending request times out for want of a decision; nil once decided or without a limit.
    public func timeout(of request: AccessRequest) -> Date? {
        guard request.status == .pending else { return nil }
        return requestType(request.requestType)?.escalation.expireAfter.map { request.createdAt.adding($0) }
    }
}
