import AccessCore
import Foundation
import TeamsAdapter
import Testing

@Suite("Teams activity and invoke response JSON")
struct WireShapeTests {
    let card = AdaptiveCard(body: [.text("Hello")])

    @Test("a card activity has one adaptive-card attachment, a summary and no text")
    func cardActivity() throws {
        let json = try TeamsFixtures.object(OutgoingActivity.card(card, summary: "Access request R-1"))
        #expect(Set(json.keys) == ["type", "summary", "attachments"])
        #expect(json["type"] as? String == "message")
        #expect(json["summary"] as? String == "Access request R-1")
        let attachments = try #require(json["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1)
        #expect(attachments[0]["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let content = try #require(attachments[0]["content"] as? [String: Any])
        #expect(content["type"] as? String == "AdaptiveCard")
        #expect(content["version"] as? String == "1.5")
    }

    @Test("content with a card becomes a card activity; without one, markdown text")
    func fromContent() throws {
        let withCard = try TeamsFixtures.object(OutgoingActivity(TeamsMessageContent(text: "ignored", card: card), summary: "S"))
        #expect(withCard["text"] == nil)
        #expect(withCard["attachments"] != nil)
        let text = try TeamsFixtures.object(OutgoingActivity(TeamsMessageContent(text: "**Hi**"), summary: "S"))
        #expect(Set(text.keys) == ["type", "textFormat", "text"])
        #expect(text["textFormat"] as? String == "markdown")
        #expect(text["text"] as? String == "**Hi**")
        #expect(try TeamsFixtures.object(OutgoingActivity.text("x"))["attachments"] == nil)
    }

    @Test("invoke answers: a card, a message, an error")
    func invokeResponses() throws {
        let cardAnswer = try TeamsFixtures.object(InvokeResponse.card(card))
        #expect(cardAnswer["statusCode"] as? Int == 200)
        #expect(cardAnswer["type"] as? String == "application/vnd.microsoft.card.adaptive")
        #expect((cardAnswer["value"] as? [String: Any])?["type"] as? String == "AdaptiveCard")

        let message = try TeamsFixtures.object(InvokeResponse.message("Already approved by bob@example.com"))
        #expect(message["statusCode"] as? Int == 200)
        #expect(message["type"] as? String == "application/vnd.microsoft.activity.message")
        #expect(message["value"] as? String == "Already approved by bob@example.com")

        for status in [400, 500] {
            let error = try TeamsFixtures.object(InvokeResponse.error(status: status, code: "BadRequest", message: "Unknown verb"))
            #expect(error["statusCode"] as? Int == status)
            #expect(error["type"] as? String == "application/vnd.microsoft.error")
            #expect(error["value"] as? [String: String] == ["code": "BadRequest", "message": "Unknown verb"])
        }
    }

    @Test("card data encodes as a plain object of strings and integers and decodes back")
    func cardData() throws {
        let data: CardData = ["requestId": .string("R-1"), "step": .int(1)]
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(data)) as? [String: Any])
        #expect(json["requestId"] as? String == "R-1")
        #expect(json["step"] as? Int == 1)
        #expect(try JSONDecoder().decode(CardData.self, from: JSONEncoder().encode(data)) == data)
        #expect(try JSONEncoder().encode(CardData()) == Data("{}".utf8))
    }

    @Test("every element and action kind round-trips through JSON")
    func roundTrip() throws {
        let submit = CardAction.Submit(title: "Go", data: ["verb": "go"])
        let card = AdaptiveCard(
            body: [
                .textBlock(.init(text: "t", weight: .bolder, size: .large, wrap: true, isSubtle: true, color: .good)),
                .facts([("a", "b")]),
                .inputText(
                    .init(id: "i", placeholder: "p", label: "l", isMultiline: true, maxLength: 5, isRequired: true, errorMessage: "e")),
                .inputChoiceSet(
                    .init(id: "c", label: "l", choices: [.init(title: "T", value: "v")], style: .expanded, isRequired: true, value: "v")),
                .container(
                    .init(items: [.actionSet(.init(actions: [.execute(.init(title: "x", verb: "y", data: [:], fallback: submit))]))])),
            ],
            actions: [.submit(submit)])
        #expect(try AdaptiveCard.decode(card) == card)
        let json = try TeamsFixtures.object(card)
        #expect((json["actions"] as? [[String: Any]])?.first?["type"] as? String == "Action.Submit")
    }
}
