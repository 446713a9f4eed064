import CCurl

/// One request on its way through the multi loop.
///
/// `@unchecked Sendable`: the caller hands it to the loop once, under the
/// loop's lock; after that `cancelRequested` is read and written only under
/// that lock, and every other stored property only on the loop's thread.
final class CurlTransfer: @unchecked Sendable {
    let request: HTTPRequest

    /// Guarded by the loop's lock.
    var cancelRequested = false
    /// Set under the loop's lock at submission, resumed once on the loop's thread.
    var continuation: CheckedContinuation<HTTPResponse, any Error>?

    /// The easy handle while the transfer is in the multi handle.
    var easy: CurlEasyHandle?
    /// The request's header list, owned until the transfer ends.
    var headerList: UnsafeMutablePointer<curl_slist>?

    private var responseHeaders: [HTTPHeaders.Field] = []
    private var responseBody: [UInt8] = []
    private(set) var exceededLimit = false

    init(request: HTTPRequest) {
        self.request = request
    }

    deinit {
        if let headerList { curl_slist_free_all(headerList) }
    }

    /// Resumes the caller, once, and frees what libcurl no longer needs.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        if let headerList {
            curl_slist_free_all(headerList)
            self.headerList = nil
        }
        easy = nil
        continuation?.resume(with: result)
        continuation = nil
    }

    /// Ends the transfer with libcurl's verdict.
    func complete(code: CURLcode, status: Int, errorMessage: String) {
        if code == CURLE_OK {
            finish(
                .success(
                    HTTPResponse(
                        status: status, headers: HTTPHeaders(responseHeaders), body: responseBody)))
        } else {
            finish(
                .failure(
                    HTTPTransportError(
                        curlCode: code, message: errorMessage, url: request.url,
                        responseLimit: request.maxResponseBytes, exceededLimit: exceededLimit)))
        }
    }

    /// `CURLOPT_WRITEFUNCTION`: keeps the body, aborting past the cap.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard responseBody.count + bytes.count <= request.maxResponseBytes else {
            exceededLimit = true
            return 0  // anything but bytes.count makes libcurl abort with CURLE_WRITE_ERROR
        }
        responseBody.append(contentsOf: bytes)
        return bytes.count
    }

    /// `CURLOPT_HEADERFUNCTION`: one raw header line at a time.
    func receiveHeaderLine(_ line: UnsafeRawBufferPointer) -> Int {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: "\n") || line[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        guard end > 0 else { return line.count }
        // A status line starts a new header block (after 100 Continue, a
        // proxy's CONNECT answer or a followed redirect): keep the last one.
        if end >= 5, line[0..<5].elementsEqual("HTTP/".utf8) {
            responseHeaders.removeAll(keepingCapacity: true)
            return line.count
        }
        guard let colon = line[0..<end].firstIndex(of: UInt8(ascii: ":")) else { return line.count }
        let name = String(decoding: trimmed(line[0..<colon]).map(HTTPHeaders.asciiLower), as: UTF8.self)
        let value = String(decoding: trimmed(line[(colon + 1)..<end]), as: UTF8.self)
        if name == "content-length", let length = Int(value), length > 0 {
            responseBody.reserveCapacity(min(length, request.maxResponseBytes))
        }
        responseHeaders.append((name: name, value: value))
        return line.count
    }

    private func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        var slice = bytes
        while let first = slice.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            slice = slice.dropFirst()
        }
        while let last = slice.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            slice = slice.dropLast()
        }
        return slice
    }
}
