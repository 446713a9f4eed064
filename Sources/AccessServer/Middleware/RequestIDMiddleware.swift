import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// Gives every request an id: the caller's `X-Request-Id` when it is short and plain,
/// else a fresh one. It goes into every log line (`request.id`) and back in the response.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let header = HTTPField.Name("X-Request-Id")!

    /// This process's random 64-bit prefix and a counter: unique across replicas and restarts
    /// for all practical purposes, and without `UUID()`'s system call and formatting, which
    /// were 3 % of a `/healthz` request's CPU under load.
    private static let prefix = hex(UInt64.random(in: .min ... .max), width: 16)
    private static let counter = Atomic<UInt64>(0)

    static func fresh() -> String {
        let (_, next) = counter.wrappingAdd(1, ordering: .relaxed)
        return prefix + "-" + hex(next, width: 8)
    }

    private static func hex(_ value: UInt64, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let offered = request.headers[Self.header].flatMap { value in
            value.count <= 64 && value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) ? value : nil
        }
        let id = offered ?? Self.fresh()
        context.requestID = id
        context.logger[metadataKey: "request.id"] = .string(id)
        var response = try await next(request, context)
        response.headers[Self.header] = id
        return response
    }
}
