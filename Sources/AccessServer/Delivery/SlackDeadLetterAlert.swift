import AccessCore
import Logging
import SlackAdapter

/// Tells the escalation channel, once per message, that something could not be delivered
/// and will not be retried, so a person can act (fix the token, invite the bot…).
struct SlackDeadLetterAlert: Sendable {
    let api: SlackWebAPI
    let channel: String
    let logger: Logger

    func callAsFunction(_ message: OutboxMessage, _ reason: String) async {
        // A message to the escalation channel that died would only die again here.
        if case .card(let delivery) = message.effect, case .channel(let ref) = delivery.audience, ref.slack == channel { return }
        let text =
            ":rotating_light: AccessBot could not deliver a \(DeliveryService.kind(message.effect).replacingOccurrences(of: "_", with: " ")) "
            + "for request \(message.effect.requestID) and will not retry it: \(reason). Check the bot's token, scopes and channel membership."
        do {
            _ = try await api.postMessage(SlackMessage(channel: channel, content: SlackMessageContent(text: text)))
        } catch {
            logger.error("dead-letter alert failed", metadata: ["error": "\(error)"])
        }
    }
}
