/// A response as received: any status, including `4xx` and `5xx`.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code of the final response.
    public var status: Int
    /// The final response's header fields, names lowercased.
    public var headers: HTTPHeaders
    /// The body, at most the request's `maxResponseBytes`.
    public var body: [UInt8]

    /// Creates a response; fakes of ``HTTPClient`` use it too.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
