/// Building Okta URLs: path segments and query values percent-encoded, search expressions quoted.
public enum OktaPath {
    /// A path segment with everything but unreserved characters percent-encoded:
    /// `alice+ops@example.com` → `alice%2Bops%40example.com`.
    public static func segment(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + hex(byte >> 4) + hex(byte & 0x0F)
            }
        }
        return result
    }

    /// `?a=1&b=2`, each name and value encoded as a segment; empty without pairs.
    static func query(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        return "?" + pairs.map { segment($0.0) + "=" + segment($0.1) }.joined(separator: "&")
    }

    /// `profile.email eq "alice@example.com"`; nil when the value cannot be quoted safely
    /// (a quote, a backslash or a control character), so no input ever changes the expression.
    public static func equals(_ attribute: String, _ value: String) -> String? {
        guard !value.isEmpty, value.count <= 256,
            !value.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        return "\(attribute) eq \"\(value)\""
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hex(_ nibble: UInt8) -> String {
        String(UnicodeScalar(nibble < 10 ? nibble + 48 : nibble + 55))
    }
}
