import Foundation

/// A typed identifier: `Identifier<Resource>` and `Identifier<Team>` never mix,
/// although both are strings on the wire and in the database.
public struct Identifier<Tag>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Tag types for `Identifier`. They carry no data.
public enum Tags {
    public enum Request {}
    public enum User {}
    public enum Resource {}
    public enum Team {}
    public enum RequestType {}
    public enum ConfigurationList {}
    public enum Question {}
}

public typealias RequestID = Identifier<Tags.Request>
/// A person, by directory email or login, lower-cased.
public typealias UserID = Identifier<Tags.User>
public typealias ResourceID = Identifier<Tags.Resource>
public typealias TeamID = Identifier<Tags.Team>
public typealias RequestTypeID = Identifier<Tags.RequestType>
public typealias ListID = Identifier<Tags.ConfigurationList>
public typealias QuestionID = Identifier<Tags.Question>

extension Identifier where Tag == Tags.User {
    /// Emails compare case-insensitively; the directory identity is the lower-cased form.
    public init(email: String) {
        self.init(rawValue: email.trimmed.lowercased())
    }
}

extension Identifier where Tag == Tags.Request {
    /// A short id people can type back (`cancel R-7KX2P9QM`): Crockford base32, no look-alikes.
    public static func random(using generator: inout some RandomNumberGenerator) -> RequestID {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var text = "R-"
        for _ in 0..<8 { text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
        return RequestID(rawValue: text)
    }

    /// Reads what a person typed: case-insensitive, with or without the `R-` prefix.
    public init?(typed: String) {
        let trimmed = typed.trimmed.uppercased()
        guard !trimmed.isEmpty, trimmed.count <= 64 else { return nil }
        let body = trimmed.hasPrefix("R-") ? String(trimmed.dropFirst(2)) : trimmed
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        self.init(rawValue: "R-" + body)
    }
}
