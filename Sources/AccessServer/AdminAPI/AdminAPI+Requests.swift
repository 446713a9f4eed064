import AccessCore
import AccessStore
import Hummingbird

extension AdminAPI {
    /// `GET /api/v1/requests`: newest first, `limit` per page, `cursor` from the previous page.
    func listRequests(_ request: Request) async throws -> Response {
        let parameters = try ReportParameters(queryPairs(request), for: .requestList)
        let page = try await ready().store.requestPage(matching: parameters.filter, after: parameters.cursor, limit: parameters.limit)
        return try AdminJSON.response(RequestListModel(requests: page.requests.map(RequestModel.init), nextCursor: page.next?.token))
    }

    /// `GET /api/v1/requests/{id}`.
    func getRequest(_ context: AppRequestContext) async throws -> Response {
        let id = try requestID(context)
        guard let request = try await ready().store.request(id) else { throw AdminAPIError.requestNotFound(id.rawValue) }
        return try AdminJSON.response(RequestModel(request))
    }

    /// `GET /api/v1/requests/{id}/audit`: 404 for an unknown id rather than an empty trail.
    func auditTrail(_ context: AppRequestContext) async throws -> Response {
        let id = try requestID(context)
        let store = try ready().store
        guard try await store.request(id) != nil else { throw AdminAPIError.requestNotFound(id.rawValue) }
        let events = try await store.auditTrail(of: id)
        return try AdminJSON.response(AuditTrailModel(requestId: id.rawValue, events: events.map(AuditEventModel.init)))
    }

    /// `POST /api/v1/requests/{id}/retry-grant`: a failed request goes back to approved and its
    /// grants start again; the answer is the request as it is now.
    func retryGrant(_ context: AppRequestContext) async throws -> Response {
        let id = try requestID(context)
        let outcome = try await ready().service.perform(.retryGrant(by: .admin("api")), on: id)
        context.logger.info("grant retried through the admin API", metadata: ["access_request": "\(id)"])
        return try AdminJSON.response(RequestModel(outcome.request))
    }
}
