/// A setting that stops the start: one line naming the variable and what is wrong with it.
/// Secret values are never quoted back.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The variable's name (`PORT`), or `FILE:LINE` for a mistake in a `.env` file.
    public let subject: String
    /// What is wrong and how to fix it.
    public let message: String

    public init(subject: String, message: String) {
        self.subject = subject
        self.message = message
    }

    /// `PORT: "80a" is not a port number (1-65535)`.
    public var description: String { "\(subject): \(message)" }
}
