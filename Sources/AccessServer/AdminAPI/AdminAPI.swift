import AccessCore
import AccessStore
import Hummingbird

/// The admin API's handlers: each reads the request, calls the store or the service, and
/// answers a model from Models/. Errors are mapped once, in `respond`.
struct AdminAPI: Sendable {
    let catalog: Catalog
    let state: AppState

    func respond(to endpoint: AdminEndpoint, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        do {
            switch endpoint {
            case .openAPIDocument: return openAPIDocument()
            case .listRequests: return try await listRequests(request)
            case .getRequest: return try await getRequest(context)
            case .auditTrail: return try await auditTrail(context)
            case .retryGrant: return try await retryGrant(context)
            case .listResources: return try AdminJSON.response(ResourceListModel(resources: catalog.resources.map(ResourceModel.init)))
            case .listTeams: return try AdminJSON.response(TeamListModel(teams: catalog.teams.map(TeamModel.init)))
            case .listConfigurationLists:
                return try AdminJSON.response(ConfigurationListsModel(configurationLists: catalog.lists.map(ConfigurationListModel.init)))
            case .listRequestTypes:
                return try AdminJSON.response(RequestTypeListModel(requestTypes: catalog.requestTypes.map(RequestTypeModel.init)))
            case .pastAccessRequestsReport: return try pastAccessRequestsReport(request, context)
            }
        } catch {
            throw AdminAPIError.httpError(for: error)
        }
    }

    /// The store and service, or 503 while the database is down.
    func ready() throws -> ReadyState {
        guard let ready = state.ready else { throw AdminAPIError.databaseNotReady }
        return ready
    }

    /// The query string as (name, value) pairs, values percent-decoded, in order.
    func queryPairs(_ request: Request) -> [(name: String, value: String)] {
        request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
    }

    /// The `{id}` of the path; a text that cannot be a request id is simply not found.
    func requestID(_ context: AppRequestContext) throws -> AccessCore.RequestID {
        let text = context.parameters.get("id") ?? ""
        guard let id = AccessCore.RequestID(typed: text) else { throw AdminAPIError.requestNotFound(String(text.prefix(64))) }
        return id
    }

    func openAPIDocument() -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
    }
}
