import AccessCore
import Foundation
import HTTPTransport
import HTTPTypes
import Hummingbird
import Logging
import SlackAdapter

/// `POST /slack/commands`, `/slack/interactions` and `/slack/events`. Every one verifies the
/// signature over the raw body before anything is decoded; a failure is a generic 401 with
/// nothing logged from the body, nothing written and nothing sent.
struct SlackRoutes: Sendable {
    let configuration: ServerConfiguration
    let slack: SlackConfiguration
    let state: AppState
    let api: SlackWebAPI
    let verifier: SlackRequestVerifier
    let identities: IdentityCache

    init(
        configuration: ServerConfiguration, slack: SlackConfiguration, state: AppState, http: some HTTPClient,
        identities: IdentityCache
    ) {
        self.identities = identities
        self.configuration = configuration
        self.slack = slack
        self.state = state
        self.api = SlackWebAPI(baseURL: slack.apiURL, token: slack.botToken, http: http, timeout: .seconds(2))
        self.verifier = SlackRequestVerifier(signingSecret: slack.signingSecret)
    }

    func register(on router: Router<AppRequestContext>) {
        let commands = SlackCommandHandler(routes: self)
        let interactions = SlackInteractionHandler(routes: self)
        let events = SlackEventHandler(routes: self)
        router.post("/slack/commands") { request, context in
            let body = try await Self.collect(request, context)
            // Slack's SSL check carries no signature and wants an empty 200 (protocols.md §1.1).
            if SlashCommand.isSSLCheck(formBody: body) { return Response(status: .ok) }
            try verify(request, body: body, context: context)
            return try await commands.handle(body: body, context: context)
        }
        router.post("/slack/interactions") { request, context in
            let body = try await Self.collect(request, context)
            try verify(request, body: body, context: context)
            return try await interactions.handle(body: body, context: context)
        }
        router.post("/slack/events") { request, context in
            let body = try await Self.collect(request, context)
            try verify(request, body: body, context: context)
            return try await events.handle(body: body, context: context)
        }
    }

    static let timestampHeader = HTTPField.Name("X-Slack-Request-Timestamp")!
    static let signatureHeader = HTTPField.Name("X-Slack-Signature")!

    /// The raw body, refused with 413 past 1 MiB.
    static func collect(_ request: Request, _ context: AppRequestContext) async throws -> [UInt8] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return Array(buffer.readableBytesView)
    }

    private func verify(_ request: Request, body: [UInt8], context: AppRequestContext) throws {
        do {
            try verifier.verify(
                body: body, timestamp: request.headers[Self.timestampHeader], signature: request.headers[Self.signatureHeader],
                now: Date())
        } catch {
            context.logger.notice("slack request rejected", metadata: ["reason": "\(error)", "platform": "slack"])
            throw HTTPError(.unauthorized, message: "unauthorized")
        }
    }

    /// The ready state, or nil while the database is still coming up.
    var ready: ReadyState? { state.ready }

    func identity(_ ready: ReadyState) -> SlackIdentity { SlackIdentity(api: api, store: ready.store, cache: identities) }

    /// A JSON response body.
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func ephemeral(_ content: SlackMessageContent) -> Response {
        json(SlackResponseMessage.ephemeral(content).jsonBody)
    }

    /// One chat sentence for any failure; internals stay in the log.
    static func reply(for error: any Error, logger: Logger) -> SlackMessageContent {
        switch error {
        case let workflow as WorkflowError:
            return SlackReplies.error(workflow)
        case AccessServiceError.unknownUser:
            return SlackReplies.unknownPerson()
        case AccessServiceError.requestNotFound(let id):
            return SlackReplies.notFound(id)
        default:
            logger.error("slack action failed", metadata: ["error": "\(error)"])
            return SlackMessageContent(text: "Something went wrong on AccessBot's side; nothing was changed. Please try again in a minute.")
        }
    }

    static let notReady = SlackMessageContent(
        text: "AccessBot is starting up and cannot reach its database yet; please try again in a minute.")
}
