import AccessStore
import Foundation
import HTTPTypes
import Hummingbird

extension AdminAPI {
    /// `GET /api/v1/reports/past-access-requests`: the report as a streamed body. Filters are
    /// checked before the answer starts (400 with the reason); after that, a database failure
    /// can only cut the body short, which the client sees as an incomplete chunked transfer.
    func pastAccessRequestsReport(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let parameters = try ReportParameters(queryPairs(request), for: .report)
        let store = try ready().store
        let report = PastAccessReport(filter: parameters.filter, format: parameters.format)
        let logger = context.logger
        let body = ResponseBody { writer in
            do {
                let summary = try await report.stream(from: store) { chunk in try await writer.write(ByteBuffer(bytes: chunk)) }
                try await writer.finish(nil)
                logger.info("report written", metadata: ["rows": "\(summary.rows)", "bytes": "\(summary.bytes)"])
            } catch {
                logger.error("report cut short", metadata: ["error": "\(error)"])
                throw error
            }
        }
        let filename = "past-access-requests.\(parameters.format.fileExtension)"
        return Response(
            status: .ok,
            headers: [
                .contentType: parameters.format.contentType, .contentDisposition: "attachment; filename=\"\(filename)\"",
                .cacheControl: "no-store",
            ],
            body: body)
    }
}
