import AccessCore
import Foundation
import HTTPTransport
import HTTPTypes
import Hummingbird
import Logging
import TeamsAdapter

/// `POST /api/messages`: the Bot Framework endpoint. The JWT is checked before the activity is
/// decoded or acted on; a failure is a generic 401 with nothing logged from the body, nothing
/// written and nothing sent.
struct TeamsRoutes: Sendable {
    let teams: TeamsConfiguration
    let state: AppState
    let validator: BotFrameworkTokenValidator
    let connector: BotConnectorClient
    let identities: IdentityCache

    func register(on router: Router<AppRequestContext>) {
        let handler = TeamsActivityHandler(routes: self)
        router.post("/api/messages") { request, context in
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            let body = Array(buffer.readableBytesView)
            // Only the two fields the token is bound to are read before the check.
            let binding = TeamsActivityBinding.read(body)
            do {
                _ = try await validator.validate(
                    authorization: request.headers[.authorization], channelID: binding?.channelId, serviceURL: binding?.serviceUrl,
                    now: Date())
            } catch {
                context.logger.notice("teams request rejected", metadata: ["reason": "\(error)", "platform": "teams"])
                throw HTTPError(.unauthorized, message: "unauthorized")
            }
            guard let activity = TeamsActivity.decode(body) else { throw HTTPError(.badRequest, message: "malformed activity") }
            return try await handler.handle(activity, context: context)
        }
    }

    func identity(_ ready: ReadyState) -> TeamsIdentity {
        TeamsIdentity(connector: connector, store: ready.store, cache: identities, teams: teams)
    }

    /// A JSON response body.
    static func json(_ value: some Encodable) -> Response {
        let bytes = (try? JSONEncoder().encode(value)).map(Array.init) ?? Array("{}".utf8)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// One chat sentence for any failure; internals stay in the log.
    static func reply(for error: any Error, logger: Logger) -> TeamsMessageContent {
        switch error {
        case let workflow as WorkflowError:
            return TeamsReplies.error(workflow)
        case AccessServiceError.unknownUser:
            return TeamsReplies.unknownPerson()
        case AccessServiceError.requestNotFound(let id):
            return TeamsReplies.notFound(id)
        default:
            logger.error("teams action failed", metadata: ["error": "\(error)"])
            return TeamsMessageContent(text: "Something went wrong on AccessBot's side; nothing was changed. Please try again in a minute.")
        }
    }
}
