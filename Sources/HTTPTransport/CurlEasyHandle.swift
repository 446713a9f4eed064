import CCurl

/// A reusable easy handle and its error buffer. Used only on the loop's thread.
final class CurlEasyHandle {
    let raw: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Fails only when libcurl cannot allocate.
    init?() {
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// Forgets the last transfer's options; live connections stay in the multi handle's pool.
    func reset() {
        curl_easy_reset(raw)
        errorBuffer[0] = 0
    }

    /// The detailed message of the last failure, or libcurl's generic one.
    func errorMessage(for code: CURLcode) -> String {
        if errorBuffer[0] != 0 { return String(cString: errorBuffer) }
        return String(cString: curl_easy_strerror(code))
    }

    /// The final response's status code.
    var responseCode: Int {
        var code = 0
        _ = accessbot_easy_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// Sets every option a transfer needs, from a reset handle.
    func configure(
        for transfer: CurlTransfer, configuration: CurlHTTPClient.Configuration
    ) throws(HTTPTransportError) {
        let request = transfer.request
        errorBuffer[0] = 0
        try check(accessbot_easy_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(accessbot_easy_setopt_long(raw, CURLOPT_NOSIGNAL, 1))
        try check(accessbot_easy_restrict_protocols(raw))
        let urlCode = request.url.withCString { accessbot_easy_setopt_string(raw, CURLOPT_URL, $0) }
        guard urlCode == CURLE_OK, !request.url.isEmpty else { throw .invalidURL(request.url) }

        // Verification is not configurable on purpose: there is no switch to turn it off.
        try check(accessbot_easy_setopt_long(raw, CURLOPT_SSL_VERIFYPEER, 1))
        try check(accessbot_easy_setopt_long(raw, CURLOPT_SSL_VERIFYHOST, 2))
        try check(accessbot_easy_setopt_long(raw, CURLOPT_PROXY_SSL_VERIFYPEER, 1))
        try check(accessbot_easy_setopt_long(raw, CURLOPT_PROXY_SSL_VERIFYHOST, 2))
        try check(accessbot_easy_setopt_long(raw, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS)))

        try check(accessbot_easy_setopt_long(raw, CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.curlMilliseconds))
        try check(accessbot_easy_setopt_long(raw, CURLOPT_TIMEOUT_MS, request.timeout.curlMilliseconds))
        try check(accessbot_easy_setopt_long(raw, CURLOPT_TCP_KEEPALIVE, 1))
        try check(accessbot_easy_setopt_long(raw, CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0))
        try check(accessbot_easy_setopt_long(raw, CURLOPT_MAXREDIRS, 5))
        try check(accessbot_easy_setopt_off_t(raw, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(max(0, request.maxResponseBytes))))
        try check(accessbot_easy_setopt_long(raw, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1))
        try check(configuration.userAgent.withCString { accessbot_easy_setopt_string(raw, CURLOPT_USERAGENT, $0) })
        try setProxy(configuration.proxy)
        try setMethodAndBody(request)
        try setHeaders(request.headers, transfer: transfer)
        try setCallbacks(transfer)
    }

    private func setProxy(_ proxy: CurlHTTPClient.Proxy) throws(HTTPTransportError) {
        switch proxy {
        case .environment:
            break  // leaving CURLOPT_PROXY unset is what makes libcurl read the environment
        case .explicit(let url, let noProxy):
            try check(url.withCString { accessbot_easy_setopt_string(raw, CURLOPT_PROXY, $0) })
            try check((noProxy ?? "").withCString { accessbot_easy_setopt_string(raw, CURLOPT_NOPROXY, $0) })
        case .disabled:
            try check("".withCString { accessbot_easy_setopt_string(raw, CURLOPT_PROXY, $0) })
        }
    }

    private func setMethodAndBody(_ request: HTTPRequest) throws(HTTPTransportError) {
        let sendsBody = !request.body.isEmpty || [.post, .put, .patch].contains(request.method)
        if sendsBody {
            try check(accessbot_easy_setopt_off_t(raw, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)))
            // COPYPOSTFIELDS copies the bytes; it needs a non-null pointer even for an empty body.
            var empty: UInt8 = 0
            let code =
                request.body.isEmpty
                ? accessbot_easy_setopt_pointer(raw, CURLOPT_COPYPOSTFIELDS, &empty)
                : request.body.withUnsafeBytes {
                    accessbot_easy_setopt_pointer(raw, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress))
                }
            try check(code)
        } else {
            try check(accessbot_easy_setopt_long(raw, CURLOPT_HTTPGET, 1))
        }
        if request.method != .post, request.method != .get || sendsBody {
            try check(request.method.rawValue.withCString { accessbot_easy_setopt_string(raw, CURLOPT_CUSTOMREQUEST, $0) })
        }
    }

    private func setHeaders(_ headers: HTTPHeaders, transfer: CurlTransfer) throws(HTTPTransportError) {
        var lines: [String] = []
        lines.reserveCapacity(headers.count + 2)
        for (name, value) in headers {
            guard Self.isToken(name), !value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw .other(code: Int(CURLE_BAD_FUNCTION_ARGUMENT.rawValue), message: "invalid header field \(name)")
            }
            // "Name:" would tell libcurl to drop the header; "Name;" sends it empty.
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }
        // No 100-continue round trip before bodies, and no made-up form content type.
        if headers["expect"] == nil { lines.append("Expect:") }
        if headers["content-type"] == nil { lines.append("Content-Type:") }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl_slist_append(list, line) else {
                if let list { curl_slist_free_all(list) }
                throw .other(code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "out of memory")
            }
            list = appended
        }
        transfer.headerList = list
        try check(accessbot_easy_setopt_slist(raw, CURLOPT_HTTPHEADER, list))
    }

    private func setCallbacks(_ transfer: CurlTransfer) throws(HTTPTransportError) {
        // The transfer is kept alive by the loop's table of active transfers until it ends.
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        try check(
            accessbot_easy_setopt_data_callback(raw, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                guard let context else { return 0 }
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
                return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
            })
        try check(accessbot_easy_setopt_pointer(raw, CURLOPT_WRITEDATA, context))
        try check(
            accessbot_easy_setopt_data_callback(raw, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                guard let context else { return 0 }
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
                return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            })
        try check(accessbot_easy_setopt_pointer(raw, CURLOPT_HEADERDATA, context))
    }

    private func check(_ code: CURLcode) throws(HTTPTransportError) {
        guard code == CURLE_OK else {
            throw .other(code: Int(code.rawValue), message: String(cString: curl_easy_strerror(code)))
        }
    }

    /// RFC 9110 token characters, which is all a field name may hold.
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    true
                default:
                    "!#$%&'*+-.^_`|~".utf8.contains(byte)
                }
            }
    }
}
