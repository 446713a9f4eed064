/// RFC 3986 percent-encoding, for URL path segments, query values and form bodies: every
/// byte but the unreserved characters (`A–Z a–z 0–9 - . _ ~`) becomes `%XX`.
public enum PercentEncoding {
    /// One value, encoded.
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `name=value&...` (`application/x-www-form-urlencoded`).
    public static func form(_ fields: [(name: String, value: String)]) -> [UInt8] {
        var out: [UInt8] = []
        for (offset, field) in fields.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: "&")) }
            escape(field.name, into: &out)
            out.append(UInt8(ascii: "="))
            escape(field.value, into: &out)
        }
        return out
    }

    static func escape(_ text: String, into out: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
    }
}
