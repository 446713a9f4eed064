import AccessTesting
import Crypto
import Foundation
import SlackAdapter
import Testing

/// One Slack vector of protocol-test-vectors.json (§3).
struct SlackVector: Decodable, CustomTestStringConvertible {
    var name: String
    var signingSecret: String
    var timestamp: String
    var body: String
    var expectedSignature: String
    var bodyUTF8Length: Int
    var bodySHA256Hex: String

    enum CodingKeys: String, CodingKey {
        case name, timestamp, body
        case signingSecret = "signing_secret"
        case expectedSignature = "expected_signature"
        case bodyUTF8Length = "body_utf8_length"
        case bodySHA256Hex = "body_sha256_hex"
    }

    var testDescription: String { name }
    var bytes: [UInt8] { Array(body.utf8) }
    var date: Date { Date(timeIntervalSince1970: TimeInterval(Int64(timestamp) ?? 0)) }

    /// Read at test time from the shared docs, a sibling of the repository root.
    static func all() throws -> [SlackVector] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("../shared/docs/protocol-test-vectors.json").standardizedFileURL
        struct File: Decodable { var slack: [SlackVector] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).slack
    }
}

@Suite("Slack request verification")
struct VerificationTests {
    @Test("the shared vectors file has the four Slack vectors")
    func vectorsLoad() throws {
        #expect(try SlackVector.all().count == 4)
    }

    @Test("each vector is accepted at its own time, hashing exactly its bytes", arguments: try SlackVector.all())
    func acceptsVector(_ vector: SlackVector) throws {
        #expect(vector.bytes.count == vector.bodyUTF8Length)
        let digest = SHA256.hash(data: vector.bytes).map { String(format: "%02x", $0) }.joined()
        #expect(digest == vector.bodySHA256Hex)
        let verifier = SlackRequestVerifier(signingSecret: vector.signingSecret)
        #expect(verifier.signature(body: vector.bytes, timestamp: vector.timestamp) == vector.expectedSignature)
        try verifier.verify(body: vector.bytes, timestamp: vector.timestamp, signature: vector.expectedSignature, now: vector.date)
        // The window is 300 s both ways, inclusive.
        try verifier.verify(
            body: vector.bytes, timestamp: vector.timestamp, signature: vector.expectedSignature, now: vector.date.addingTimeInterval(300))
        try verifier.verify(
            body: vector.bytes, timestamp: vector.timestamp, signature: vector.expectedSignature, now: vector.date.addingTimeInterval(-300))
    }

    @Test("flipping any one byte of the body is rejected", arguments: try SlackVector.all())
    func rejectsTamperedBody(_ vector: SlackVector) {
        let verifier = SlackRequestVerifier(signingSecret: vector.signingSecret)
        for index in [0, vector.bytes.count / 2, vector.bytes.count - 1] {
            var body = vector.bytes
            body[index] ^= 0x01
            #expect(throws: SlackVerificationError.badSignature) {
                try verifier.verify(body: body, timestamp: vector.timestamp, signature: vector.expectedSignature, now: vector.date)
            }
        }
        #expect(throws: SlackVerificationError.badSignature) {
            try verifier.verify(
                body: vector.bytes + [0x0A], timestamp: vector.timestamp, signature: vector.expectedSignature, now: vector.date)
        }
    }

    @Test("a timestamp 301 s in the past or the future is stale", arguments: try SlackVector.all())
    func rejectsStale(_ vector: SlackVector) {
        let verifier = SlackRequestVerifier(signingSecret: vector.signingSecret)
        for offset in [301.0, -301.0, 86_400.0] {
            #expect(throws: SlackVerificationError.staleTimestamp) {
                try verifier.verify(
                    body: vector.bytes, timestamp: vector.timestamp, signature: vector.expectedSignature,
                    now: vector.date.addingTimeInterval(offset))
            }
        }
    }

    @Test("forged signatures are rejected")
    func rejectsForgeries() throws {
        let vector = try #require(try SlackVector.all().first)
        let verifier = SlackRequestVerifier(signingSecret: vector.signingSecret)
        let other = SlackRequestVerifier(signingSecret: "another-secret")
        let otherBody = Array("token=x&team_id=T1".utf8)
        let forged = [
            other.signature(body: vector.bytes, timestamp: vector.timestamp),  // wrong secret
            verifier.signature(body: otherBody, timestamp: vector.timestamp),  // another body
            verifier.signature(body: vector.bytes, timestamp: "1700000001"),  // another timestamp
            vector.expectedSignature.uppercased(),  // not the lowercase hex Slack sends
            "v1=" + vector.expectedSignature.dropFirst(3),
            String(vector.expectedSignature.dropLast()),
            vector.expectedSignature + "0",
            "v0=" + String(repeating: "zz", count: 32),
            "v0=",
        ]
        for signature in forged {
            #expect(throws: SlackVerificationError.badSignature) {
                try verifier.verify(body: vector.bytes, timestamp: vector.timestamp, signature: signature, now: vector.date)
            }
        }
    }

    @Test("missing and malformed headers")
    func rejectsBadHeaders() throws {
        let vector = try #require(try SlackVector.all().first)
        let verifier = SlackRequestVerifier(signingSecret: vector.signingSecret)
        let cases: [(String?, String?, SlackVerificationError)] = [
            (nil, vector.expectedSignature, .missingHeaders),
            (vector.timestamp, nil, .missingHeaders),
            ("", vector.expectedSignature, .missingHeaders),
            (vector.timestamp, "", .missingHeaders),
            ("abc", vector.expectedSignature, .malformedTimestamp),
            ("1700000000.5", vector.expectedSignature, .malformedTimestamp),
            ("-1700000000", vector.expectedSignature, .malformedTimestamp),
            (" 1700000000", vector.expectedSignature, .malformedTimestamp),
            ("99999999999999999999", vector.expectedSignature, .malformedTimestamp),
        ]
        for (timestamp, signature, expected) in cases {
            #expect(throws: expected) {
                try verifier.verify(body: vector.bytes, timestamp: timestamp, signature: signature, now: vector.date)
            }
        }
    }

    @Test("SlackSigner produces headers the verifier accepts")
    func signerRoundTrip() throws {
        let body = SlackPayloadFixtures.slashCommand(text: "help")
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let headers = SlackSigner(secret: "s3cret").headers(for: body, at: now)
        #expect(headers.timestamp == "1750000000")
        try SlackRequestVerifier(signingSecret: "s3cret").verify(
            body: body, timestamp: headers.timestamp, signature: headers.signature, now: now)
    }
}
