import Foundation

/// A length of time as configs and people write it: `30s`, `15m`, `4h`, `2d`.
public struct TimeSpan: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func minutes(_ n: Int64) -> TimeSpan { TimeSpan(seconds: n * 60) }
    public static func hours(_ n: Int64) -> TimeSpan { TimeSpan(seconds: n * 3600) }
    public static func days(_ n: Int64) -> TimeSpan { TimeSpan(seconds: n * 86_400) }

    /// Parses `30s`, `15m`, `4h`, `2d`, `1w` (also `90min`, `4 hours`). Nil when it is not a
    /// positive duration of at most ten years.
    public init?(parsing text: String) {
        let lowered = text.trimmed.lowercased()
        let digits = lowered.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits.count <= 9, let value = Int64(digits), value > 0 else { return nil }
        let unit = lowered.dropFirst(digits.count).trimmed
        let multiplier: Int64
        switch unit {
        case "s", "sec", "secs", "second", "seconds": multiplier = 1
        case "m", "min", "mins", "minute", "minutes": multiplier = 60
        case "h", "hr", "hrs", "hour", "hours": multiplier = 3600
        case "d", "day", "days": multiplier = 86_400
        case "w", "week", "weeks": multiplier = 604_800
        default: return nil
        }
        let total = value * multiplier
        guard total <= 10 * 365 * 86_400 else { return nil }
        self.seconds = total
    }

    public init(from decoder: any Decoder) throws {
        seconds = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(seconds)
    }

    public var timeInterval: TimeInterval { TimeInterval(seconds) }

    /// The shortest exact form: `4h`, `90m`, `2d`.
    public var description: String {
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60)] where seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Date {
    /// `self` moved forward by a span.
    public func adding(_ span: TimeSpan) -> Date { addingTimeInterval(span.timeInterval) }
}
