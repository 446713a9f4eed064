import AccessCore
import Foundation
import Testing

@testable import AccessStore

/// RFC 3339 times and the CSV encoding of report rows, without a database.
@Suite struct ReportFormatTests {
    @Test("RFC 3339: written in UTC, cut to the second, across eras and leap days")
    func formatting() {
        let cases: [(Double, String)] = [
            (0, "1970-01-01T00:00:00Z"), (1_767_225_600, "2026-01-01T00:00:00Z"), (1_767_225_600.999, "2026-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"), (4_107_542_399, "2100-02-28T23:59:59Z"), (-1, "1969-12-31T23:59:59Z"),
            (-62_135_596_800, "0001-01-01T00:00:00Z"), (253_402_300_799, "9999-12-31T23:59:59Z"), (1e300, "9999-12-31T23:59:59Z"),
            (.nan, "1970-01-01T00:00:00Z"),
        ]
        for (seconds, text) in cases {
            #expect(RFC3339.string(from: Date(timeIntervalSince1970: seconds)) == text, "\(seconds)")
        }
    }

    @Test("RFC 3339: read with offsets, fractions, lower-case letters and bare dates")
    func parsing() {
        let cases: [(String, Double)] = [
            ("2026-01-01T00:00:00Z", 1_767_225_600), ("2026-01-01t00:00:00z", 1_767_225_600), ("2026-01-01 00:00:00Z", 1_767_225_600),
            ("2026-01-01T02:00:00+02:00", 1_767_225_600), ("2025-12-31T19:30:00-04:30", 1_767_225_600),
            ("2026-01-01T00:00:00.250Z", 1_767_225_600.25), ("2026-01-01", 1_767_225_600), ("2024-02-29", 1_709_164_800),
        ]
        for (text, seconds) in cases {
            #expect(RFC3339.date(from: text)?.timeIntervalSince1970 == seconds, "\(text)")
        }
        let bad = [
            "", "yesterday", "2026-1-01", "2026-13-01", "2026-02-29", "2025-04-31", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z",
            "2026-01-01T00:00:00", "2026-01-01T00:00Z", "2026-01-01T00:00:00+0200", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00Zjunk",
            "2026-01-01T00:00:00.1234567890Z", "１２３４-01-01",
        ]
        for text in bad { #expect(RFC3339.date(from: text) == nil, "\(text)") }
    }

    static func row(justification: String, status: RequestStatus = .fulfilled) -> ReportRow {
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        return ReportRow(
            id: "R-1", requestedAt: start, requester: "alice@example.com", resources: ["a", "b"], requestType: "t",
            justification: justification, status: status, decidedAt: start.addingTimeInterval(90.5),
            decisions: [
                ReportDecision(approver: "bob@example.com", outcome: .approved),
                ReportDecision(approver: "eve@example.com", outcome: .denied),
            ],
            grantedAt: nil, accessEndsAt: start.addingTimeInterval(3600), endedAt: nil)
    }

    @Test("CSV: fields quoted only when they must be, quotes doubled, CRLF at the end")
    func quoting() {
        let cases: [(String, String)] = [
            ("plain", "plain"), ("a, b", #""a, b""#), (#"say "hi""#, #""say ""hi""""#), ("one\ntwo", "\"one\ntwo\""),
            ("one\rtwo", "\"one\rtwo\""), ("", ""), ("ünïcödé ✓", "ünïcödé ✓"),
            ("=SUM(A1)", "'=SUM(A1)"), ("-1", "'-1"), ("+1", "'+1"), ("@cmd", "'@cmd"), ("=a,b", #""'=a,b""#), ("a=b", "a=b"),
        ]
        for (justification, field) in cases {
            var out: [UInt8] = []
            ReportCSV.append(Self.row(justification: justification), to: &out)
            let expected =
                "R-1,2026-01-01T00:00:00Z,alice@example.com,a;b,t,\(field),fulfilled,2026-01-01T00:01:30Z,"
                + "bob@example.com:approved;eve@example.com:denied,,2026-01-01T01:00:00Z,90\r\n"
            #expect(String(decoding: out, as: UTF8.self) == expected, "\(justification)")
        }
        #expect(String(decoding: ReportCSV.header, as: UTF8.self) == PastAccessReport.columns.joined(separator: ",") + "\r\n")
    }

    @Test("access end and time to resolve follow the status")
    func derivedColumns() {
        var row = Self.row(justification: "x", status: .approved)
        #expect(row.accessEnd == nil, "nothing granted yet")
        row.status = .revoked
        row.endedAt = row.requestedAt.addingTimeInterval(600)
        #expect(row.accessEnd == row.endedAt, "revoked: when it was taken away")
        row.status = .cancelled
        row.decidedAt = nil
        #expect(row.timeToResolveSeconds == 600, "cancelled undecided: until it ended")
        row.status = .pending
        row.endedAt = nil
        #expect(row.timeToResolveSeconds == nil)
    }

    @Test("request cursors survive a round trip and refuse anything else")
    func cursors() {
        let cursor = RequestCursor(ReportKey(time: 1_767_225_600.123456, id: "R-7KX2P9QM"))
        let token = cursor.token
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(RequestCursor(token: token) == cursor)
        for bad in ["", "bm9wZQ", "!!!", String(repeating: "A", count: 600), "MTp6ejpSLTE"] {
            #expect(RequestCursor(token: bad) == nil, "\(bad)")
        }
    }
}
