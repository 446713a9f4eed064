import AccessCore
import AccessTesting
import Foundation
import TeamsAdapter
import Testing

@Suite("Teams request form cards")
struct FormCardTests {
    let catalog = TeamsFixtures.catalog

    @Test("choosing a type: a required choice set of request types and Next with verb chooseType")
    func chooseType() throws {
        let card = TeamsForms.chooseType(catalog: catalog)
        let body = try TeamsFixtures.body(card)
        let input = try #require(body.first { $0["type"] as? String == "Input.ChoiceSet" })
        #expect(input["id"] as? String == "requestType")
        #expect(input["isRequired"] as? Bool == true)
        let choices = try #require(input["choices"] as? [[String: String]])
        #expect(choices.map { $0["value"] } == ["github-admin", "aws-prod", "prod-db"])
        #expect(choices.map { $0["title"] } == ["GitHub admin access", "AWS production", "Production database"])

        let action = try #require(try TeamsFixtures.actions(card).first)
        #expect(action["type"] as? String == "Action.Execute")
        #expect(action["title"] as? String == "Next")
        #expect(action["verb"] as? String == "chooseType")
        #expect((action["data"] as? [String: Any])?.isEmpty == true)
        #expect(try AdaptiveCard.decode(card) == card)
    }

    @Test("the form for a type has resource, one input per question, justification and Submit request")
    func requestForm() throws {
        let card = TeamsForms.requestForm(catalog: catalog, requestType: "github-admin")
        #expect(card.body.compactMap(\.inputID) == ["resource", "q.reason", "q.duration", "justification"])
        let body = try TeamsFixtures.body(card)
        let inputs = Dictionary(uniqueKeysWithValues: body.compactMap { element in (element["id"] as? String).map { ($0, element) } })

        let resource = try #require(inputs["resource"])
        #expect(resource["type"] as? String == "Input.ChoiceSet")
        #expect((resource["choices"] as? [[String: String]])?.map { $0["value"] } == ["github-admins"])
        #expect(resource["value"] as? String == "github-admins")
        #expect(resource["isRequired"] as? Bool == true)

        let reason = try #require(inputs["q.reason"])
        #expect(reason["type"] as? String == "Input.Text")
        #expect(reason["label"] as? String == "Why do you need it?")
        #expect(reason["isRequired"] as? Bool == true)

        let duration = try #require(inputs["q.duration"])
        #expect(duration["type"] as? String == "Input.ChoiceSet")
        #expect((duration["choices"] as? [[String: String]])?.map { $0["value"] } == ["1h", "4h", "8h"])

        let justification = try #require(inputs["justification"])
        #expect(justification["type"] as? String == "Input.Text")
        #expect(justification["isMultiline"] as? Bool == true)
        #expect(justification["isRequired"] as? Bool == false)

        let action = try #require(try TeamsFixtures.actions(card).first)
        #expect(action["title"] as? String == "Submit request")
        #expect(action["verb"] as? String == "submitRequest")
        #expect(action["data"] as? [String: String] == ["requestType": "github-admin"])

        let texts = TeamsFixtures.texts(card).joined(separator: "\n")
        #expect(texts.contains("Approvals: manager, then team **IT operations**"))
        #expect(texts.contains("Access lasts at most 8h."))
        #expect(try AdaptiveCard.decode(card) == card)
    }

    @Test("a free duration question is a text input with a duration placeholder")
    func freeDuration() throws {
        let type = RequestType(
            id: "t", name: "T", team: "it-ops", resources: ["github-admins", "prod-db"],
            questions: [Question(id: "how-long", text: "How long?", kind: .duration(nil))], approvals: [])
        let catalog = Catalog(resources: catalog.resources, teams: catalog.teams, requestTypes: [type])
        let card = TeamsForms.requestForm(catalog: catalog, requestType: "t")
        let input = try #require(
            card.body.compactMap { element -> CardElement.InputText? in
                if case .inputText(let input) = element, input.id == "q.how-long" { return input }
                return nil
            }.first)
        #expect(input.placeholder?.contains("4h") == true)
        let resource = try #require(try TeamsFixtures.body(card).first { $0["id"] as? String == "resource" })
        #expect(resource["value"] == nil)
        #expect(TeamsFixtures.texts(card).contains("No approval needed."))
    }

    @Test("an error is shown first in attention color, escaped")
    func error() throws {
        let card = TeamsForms.requestForm(catalog: catalog, requestType: "github-admin", error: "Please answer: *Why*?")
        guard case .textBlock(let block) = card.body.first else {
            Issue.record("no error block")
            return
        }
        #expect(block.color == .attention)
        #expect(block.text.contains("Please answer: \\*Why\\*?"))
    }

    @Test("an unknown type falls back to choosing a type")
    func unknownType() throws {
        let card = TeamsForms.requestForm(catalog: catalog, requestType: "gone")
        #expect(card.body.compactMap(\.inputID) == ["requestType"])
        #expect(try TeamsFixtures.actions(card).first?["verb"] as? String == "chooseType")
    }

    @Test("with no request types there is nothing to choose")
    func emptyCatalog() throws {
        let card = TeamsForms.chooseType(catalog: Catalog(resources: [], teams: [], requestTypes: []))
        #expect(card.body.compactMap(\.inputID).isEmpty)
        #expect(try TeamsFixtures.actions(card).isEmpty)
    }
}
