/// A request as the fake HTTP server read it off the wire.
public struct FakeHTTPRequest: Sendable {
    /// The method, as sent (`POST`).
    public var method: String
    /// The request target as sent: `/api/x` (origin form), or
    /// `http://host/api/x` (absolute form, when the client talks to a proxy).
    public var target: String
    /// The header fields in order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body (by `Content-Length`).
    public var body: [UInt8]
    /// Which accepted connection (0, 1, ...) carried the request.
    public var connectionIndex: Int

    /// The target without its query string, for origin-form targets.
    public var path: Substring {
        target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    }

    /// The first value of a header, ignoring the name's case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.utf8.elementsEqual(name.utf8) { lower($0) == lower($1) } }?.value
    }

    private func lower(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}

/// A response the fake sends.
public struct FakeHTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields; `content-length` is added.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body with `content-type: application/json`.
    public static func json(_ text: String, status: Int = 200) -> FakeHTTPResponse {
        FakeHTTPResponse(
            status: status, headers: [(name: "Content-Type", value: "application/json")],
            body: Array(text.utf8))
    }

    /// A `429 Too Many Requests` with `Retry-After` in seconds.
    public static func tooManyRequests(retryAfter seconds: Int) -> FakeHTTPResponse {
        FakeHTTPResponse(
            status: 429, headers: [(name: "Retry-After", value: String(seconds))],
            body: Array(#"{"ok":false,"error":"ratelimited"}"#.utf8))
    }

    /// The bytes on the wire.
    func serialized(closing: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        if closing { head += "Connection: close\r\n" }
        head += "\r\n"
        return Array(head.utf8) + body
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// What the fake does with one request.
public enum FakeHTTPAction: Sendable {
    /// Answers, keeping the connection open unless the client asked to close.
    case respond(FakeHTTPResponse)
    /// Waits, then answers.
    case respondAfter(Duration, FakeHTTPResponse)
    /// Never answers; keeps reading until the client gives up and closes.
    case hang
    /// Closes the connection without answering (a clean FIN).
    case close
    /// Resets the connection without answering (TCP RST).
    case reset
    /// Writes these bytes as they are, then closes: for responses without
    /// `Content-Length` or deliberately broken ones.
    case raw([UInt8])

    /// Shorthand for `.respond(.json(text, status:))`.
    public static func json(_ text: String, status: Int = 200) -> FakeHTTPAction {
        .respond(.json(text, status: status))
    }
}

/// Reads HTTP/1.1 requests out of a connection's buffer, on bytes: it is the
/// benchmark server's hot path.
enum FakeHTTPParser {
    /// A whole request at the buffer's start, and how many bytes it took;
    /// nil when more bytes are needed. Throws on a malformed head.
    static func parse(_ buffer: [UInt8], connectionIndex: Int) throws -> (FakeHTTPRequest, Int)? {
        try buffer.withUnsafeBufferPointer { bytes in
            guard let headEnd = headEnd(in: bytes) else { return nil }
            var lines = lineRanges(in: bytes, upTo: headEnd)
            let requestLine = bytes[lines.removeFirst()].split(separator: UInt8(ascii: " "))
            guard requestLine.count == 3 else { throw FakeHTTPParseError() }
            var headers: [(name: String, value: String)] = []
            headers.reserveCapacity(lines.count)
            var contentLength = 0
            for range in lines {
                let line = bytes[range]
                guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw FakeHTTPParseError() }
                var valueStart = colon + 1
                while valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
                let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
                let value = String(decoding: line[valueStart..<line.endIndex], as: UTF8.self)
                if isContentLength(line[line.startIndex..<colon]) {
                    guard let length = Int(value), length >= 0 else { throw FakeHTTPParseError() }
                    contentLength = length
                }
                headers.append((name: name, value: value))
            }
            let bodyStart = headEnd + 4
            guard bytes.count >= bodyStart + contentLength else { return nil }
            let request = FakeHTTPRequest(
                method: String(decoding: requestLine[0], as: UTF8.self),
                target: String(decoding: requestLine[1], as: UTF8.self), headers: headers,
                body: Array(bytes[bodyStart..<(bodyStart + contentLength)]), connectionIndex: connectionIndex)
            return (request, bodyStart + contentLength)
        }
    }

    private static func headEnd(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = 0
        while index <= bytes.count - 4 {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The lines of the head, without their CRLF.
    private static func lineRanges(in bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < end {
            if bytes[index] == 13, bytes[index + 1] == 10 {
                ranges.append(start..<index)
                start = index + 2
                index += 2
            } else {
                index += 1
            }
        }
        ranges.append(start..<end)
        return ranges
    }

    private static func isContentLength(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        name.count == 14
            && name.elementsEqual("content-length".utf8) {
                ((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0) == $1
            }
    }
}

struct FakeHTTPParseError: Error {}
