import HTTPTypes

/// Every route of the admin API: the one list `AdminRoutes` registers, and the one the
/// OpenAPI test holds the document against, so neither can drift from the other.
enum AdminEndpoint: String, CaseIterable, Sendable {
    case openAPIDocument
    case listRequests
    case getRequest
    case auditTrail
    case retryGrant
    case listResources
    case listTeams
    case listConfigurationLists
    case listRequestTypes
    case pastAccessRequestsReport

    var method: HTTPRequest.Method {
        self == .retryGrant ? .post : .get
    }

    /// The path as the OpenAPI document writes it (`{id}` for a parameter).
    var path: String {
        switch self {
        case .openAPIDocument: "/api/v1/openapi.yaml"
        case .listRequests: "/api/v1/requests"
        case .getRequest: "/api/v1/requests/{id}"
        case .auditTrail: "/api/v1/requests/{id}/audit"
        case .retryGrant: "/api/v1/requests/{id}/retry-grant"
        case .listResources: "/api/v1/resources"
        case .listTeams: "/api/v1/teams"
        case .listConfigurationLists: "/api/v1/configuration-lists"
        case .listRequestTypes: "/api/v1/request-types"
        case .pastAccessRequestsReport: "/api/v1/reports/past-access-requests"
        }
    }

    /// The path as Hummingbird's router writes it (`:id`).
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : part
        }.joined(separator: "/")
    }

    /// The document describing the API is public, like the API's shape; everything else
    /// needs the admin token.
    var needsToken: Bool { self != .openAPIDocument }
}
