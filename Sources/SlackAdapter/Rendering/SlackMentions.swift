import AccessCore

/// How renderers name people: a Slack mention (`<@U123>`) where the Slack user id is
/// known, else the directory display name or email, escaped. The server resolves ids
/// before rendering (renderers are pure and synchronous).
public struct SlackMentions: Sendable {
    private let lookup: @Sendable (UserID) -> String?

    /// Mentions from a table of directory user → Slack user id.
    public init(_ slackIDs: [UserID: String] = [:]) {
        lookup = { slackIDs[$0] }
    }

    /// Mentions from a lookup function.
    public init(lookup: @escaping @Sendable (UserID) -> String?) {
        self.lookup = lookup
    }

    /// The Slack user id of a person, when it is known and looks like one.
    public func slackID(of user: UserID) -> String? {
        guard let id = lookup(user), Self.isSlackUserID(id) else { return nil }
        return id
    }

    /// `U…`/`W…` followed by capital letters and digits: nothing that could smuggle markup.
    static func isSlackUserID(_ id: String) -> Bool {
        guard let first = id.utf8.first, first == UInt8(ascii: "U") || first == UInt8(ascii: "W"), (3...32).contains(id.utf8.count)
        else { return false }
        return id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }
    }
}
