import AccessCore
import HTTPTypes
import Hummingbird

/// The admin API's own refusals, and `httpError(for:)`: the one place where any error a
/// handler throws becomes a status and a sentence.
enum AdminAPIError: Error, Hashable, Sendable {
    case unauthorized
    case requestNotFound(String)
    case databaseNotReady

    /// The status, headers and sentence of this refusal.
    var response: HTTPError {
        switch self {
        case .unauthorized:
            HTTPError(.unauthorized, headers: [.wwwAuthenticate: #"Bearer realm="accessbot""#], message: "unauthorized")
        case .requestNotFound(let id):
            HTTPError(.notFound, message: "there is no request \(ReportParameters.shown(id))")
        case .databaseNotReady:
            HTTPError(.serviceUnavailable, headers: [.retryAfter: "5"], message: "the database is not ready yet")
        }
    }

    /// The error as the client sees it. Errors nobody expects pass through unchanged: the
    /// error middleware logs them and answers a bare 500.
    static func httpError(for error: any Error) -> any Error {
        switch error {
        case let error as AdminAPIError:
            return error.response
        case let error as ReportParameterError:
            return HTTPError(.badRequest, message: error.description)
        case let error as WorkflowError:
            return HTTPError(.conflict, message: error.description)
        case AccessServiceError.requestNotFound(let id):
            return AdminAPIError.requestNotFound(id.rawValue).response
        case StoreError.conflict:
            return HTTPError(.conflict, message: "the request changed while this was being done; try again")
        default:
            return error
        }
    }
}
