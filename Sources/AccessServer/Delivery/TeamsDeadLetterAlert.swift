import AccessCore
import Logging
import TeamsAdapter

/// Tells the Teams escalation conversation, once per message, that something could not be
/// delivered and will not be retried. The service URL is the one the bot was installed with.
struct TeamsDeadLetterAlert: Sendable {
    let connector: BotConnectorClient
    let conversation: String
    let state: AppState
    let logger: Logger

    func callAsFunction(_ message: OutboxMessage, _ reason: String) async {
        // A message to the escalation conversation that died would only die again here.
        if case .card(let delivery) = message.effect, case .channel(let ref) = delivery.audience, ref.teams == conversation { return }
        guard let store = state.ready?.store,
            let installations = try? await store.installations(platform: .teams),
            let home = installations.first(where: { $0.conversation == conversation || $0.teamID == conversation })
                ?? installations.first,
            let serviceURL = home.serviceURL
        else {
            logger.error("dead-letter alert skipped: AccessBot is not installed in Teams yet", metadata: ["reason": "\(reason)"])
            return
        }
        let what = DeliveryService.kind(message.effect).replacingOccurrences(of: "_", with: " ")
        let text =
            "AccessBot could not deliver a \(what) for request \(message.effect.requestID) and will not retry it: "
            + "\(TeamsMarkdown.escape(reason, max: 300)). Check the bot's registration and where it is installed."
        do {
            _ = try await connector.send(OutgoingActivity.text(text), to: conversation, serviceURL: serviceURL)
        } catch {
            logger.error("dead-letter alert failed", metadata: ["error": "\(error)"])
        }
    }
}
