/// Strict UTF-8 decoding: invalid input is refused, not repaired with U+FFFD.
enum UTF8Text {
    /// The text of `bytes`, or nil when they are not well-formed UTF-8.
    static func validated(_ bytes: some Collection<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        // Repair would have replaced bad sequences, so the bytes would differ.
        return text.utf8.elementsEqual(bytes) ? text : nil
    }
}
