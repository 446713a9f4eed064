import AccessCore
import Foundation

/// The report as CSV (RFC 4180): a header row, then one record per request; CRLF line ends;
/// a field is quoted when it holds a comma, a quote, CR or LF, and quotes inside are doubled.
///
/// Lists are joined with `;`: resources as `a;b`, decisions as
/// `bob@example.com:approved;dave@example.com:approved`. Times are RFC 3339 UTC; empty
/// fields are times or durations that do not apply.
///
/// A text field starting with `=`, `+`, `-`, `@`, a tab or CR gets a leading `'`, so that a
/// spreadsheet opening the report never runs a justification as a formula (OWASP "CSV
/// injection"). JSON lines carry the text unchanged.
public enum ReportCSV {
    /// The header row, CRLF included.
    public static var header: [UInt8] {
        Array((PastAccessReport.columns.joined(separator: ",") + "\r\n").utf8)
    }

    /// Appends one record, CRLF included.
    public static func append(_ row: ReportRow, to out: inout [UInt8]) {
        appendText(row.id.rawValue, to: &out)
        out.append(comma)
        RFC3339.append(row.requestedAt, to: &out)
        out.append(comma)
        appendText(row.requester.rawValue, to: &out)
        out.append(comma)
        appendText(row.resources.count == 1 ? row.resources[0].rawValue : row.resources.map(\.rawValue).joined(separator: ";"), to: &out)
        out.append(comma)
        appendText(row.requestType.rawValue, to: &out)
        out.append(comma)
        appendText(row.justification, to: &out)
        out.append(comma)
        appendText(row.status.rawValue, to: &out)
        out.append(comma)
        appendTime(row.decidedAt, to: &out)
        out.append(comma)
        appendText(decidedBy(row.decisions), to: &out)
        out.append(comma)
        appendTime(row.grantedAt, to: &out)
        out.append(comma)
        appendTime(row.accessEnd, to: &out)
        out.append(comma)
        if let seconds = row.timeToResolveSeconds { out.append(contentsOf: String(seconds).utf8) }
        out.append(contentsOf: [carriageReturn, lineFeed])
    }

    /// `bob@example.com:approved;dave@example.com:denied`.
    static func decidedBy(_ decisions: [ReportDecision]) -> String {
        var text = ""
        text.reserveCapacity(decisions.count * 32)
        for (index, decision) in decisions.enumerated() {
            if index > 0 { text += ";" }
            text += decision.approver.rawValue
            text += ":"
            text += decision.outcome.rawValue
        }
        return text
    }

    static func appendTime(_ date: Date?, to out: inout [UInt8]) {
        if let date { RFC3339.append(date, to: &out) }
    }

    /// One text field, quoted only when it must be.
    static func appendText(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let formula = bytes.first.map(startsFormula) ?? false
            guard bytes.contains(where: needsQuotes) else {
                if formula { out.append(apostrophe) }
                out.append(contentsOf: bytes)
                return
            }
            out.append(quote)
            if formula { out.append(apostrophe) }
            for byte in bytes {
                out.append(byte)
                if byte == quote { out.append(quote) }
            }
            out.append(quote)
        }
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let apostrophe = UInt8(ascii: "'")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == comma || byte == quote || byte == carriageReturn || byte == lineFeed
    }

    private static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"), carriageReturn: true
        default: false
        }
    }
}
