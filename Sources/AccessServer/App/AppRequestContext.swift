import Hummingbird
import Logging

/// The per-request context: Hummingbird's core storage plus our request id.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The id in every log line of this request and in the `X-Request-Id` response header.
    public var requestID: String = ""

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Bodies over 1 MiB are refused with 413 (design.md).
    public var maxUploadSize: Int { 1 << 20 }
}
