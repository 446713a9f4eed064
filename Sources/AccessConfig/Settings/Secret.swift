/// A credential read from the environment. Code that talks to the platform reads `value`; printing,
/// logging, string interpolation, `dump` and debuggers see only `<redacted>`.
///
/// Deliberately not `Equatable`: compare secrets in constant time where it matters.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret text. Never log it.
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
