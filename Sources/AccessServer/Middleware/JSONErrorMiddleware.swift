import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Renders every error once, as `{"error": "..."}` with the right status. Errors we do not
/// know become a bare 500: their text may hold internals, so it goes to the log only.
struct JSONErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            if error.status.code >= 500 { context.logger.error("request failed", metadata: ["error": "\(error)"]) }
            return Self.response(status: error.status, message: error.body ?? error.status.reasonPhrase, extraHeaders: error.headers)
        } catch let error as any HTTPResponseError {
            return Self.response(status: error.status, message: error.status.reasonPhrase)
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return Self.response(status: .internalServerError, message: "internal error")
        }
    }

    static func response(status: HTTPResponse.Status, message: String, extraHeaders: HTTPFields = [:]) -> Response {
        let body = (try? JSONEncoder().encode(["error": message])) ?? Data("{\"error\":\"error\"}".utf8)
        var headers = extraHeaders
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
