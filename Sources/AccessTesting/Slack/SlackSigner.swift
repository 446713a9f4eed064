import Foundation
import SlackAdapter

/// Signs bodies as Slack does (protocols.md §1.1), for tests and the benchmark.
public struct SlackSigner: Sendable {
    private let verifier: SlackRequestVerifier

    public init(secret: String) {
        verifier = SlackRequestVerifier(signingSecret: secret)
    }

    /// The two headers Slack sends with a body.
    public struct Headers: Hashable, Sendable {
        /// `X-Slack-Request-Timestamp`.
        public var timestamp: String
        /// `X-Slack-Signature`.
        public var signature: String

        /// As header fields, named as Slack names them.
        public var fields: [(name: String, value: String)] {
            [("X-Slack-Request-Timestamp", timestamp), ("X-Slack-Signature", signature)]
        }
    }

    /// Headers for `body` sent at `date`.
    public func headers(for body: [UInt8], at date: Date) -> Headers {
        headers(for: body, timestamp: String(Int64(date.timeIntervalSince1970.rounded(.down))))
    }

    /// Headers for `body` with an exact timestamp string.
    public func headers(for body: [UInt8], timestamp: String) -> Headers {
        Headers(timestamp: timestamp, signature: verifier.signature(body: body, timestamp: timestamp))
    }
}
