extension StringProtocol {
    /// The text without leading and trailing white space and newlines. Written out because
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString and shows up in profiles
    /// of the workflow's hot path.
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
