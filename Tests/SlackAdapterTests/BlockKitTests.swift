import AccessTesting
import SlackAdapter
import Testing

@Suite("Block Kit models, escaping and limits")
struct BlockKitTests {
    @Test("user text is escaped; markup is kept")
    func escaping() {
        let text = "*Reason*\n" + Mrkdwn.text("<!channel> & <@U999|boss> > you")
        #expect(text.rendered() == "*Reason*\n&lt;!channel&gt; &amp; &lt;@U999|boss&gt; &gt; you")
        #expect(Mrkdwn.escape("a<b>&c") == "a&lt;b&gt;&amp;c")
    }

    @Test("cutting never splits an escape or markup, and ends with an ellipsis")
    func cutting() {
        let text = Mrkdwn.markup("<@U0001CCCC> ") + Mrkdwn.text(String(repeating: "&", count: 100))
        for limit in [5, 13, 14, 18, 19, 20, 21, 50] {
            let rendered = text.rendered(limit: limit)
            #expect(rendered.utf16.count <= limit)
            #expect(rendered.hasSuffix("…"))
            // Whatever remains is whole entities after the mention.
            let tail = rendered.dropLast().replacingOccurrences(of: "<@U0001CCCC> ", with: "")
            #expect(tail.replacingOccurrences(of: "&amp;", with: "").isEmpty)
        }
        #expect(Mrkdwn.text("abcdef", max: 4).rendered() == "abc…")
        #expect((Mrkdwn.text("abcdef", max: 4) + " end").rendered() == "abc… end")
    }

    @Test("plain text is cut on whole characters")
    func plainCut() {
        #expect(SlackLimits.cut("short", to: 10) == "short")
        let flags = String(repeating: "🇫🇷", count: 100)
        let cut = SlackLimits.cut(flags, to: 75)
        #expect(cut.utf16.count <= 75)
        #expect(cut.hasSuffix("…"))
        #expect(cut.dropLast().allSatisfy { $0 == "🇫🇷" })
    }

    @Test("blocks encode as Slack's JSON and decode back")
    func encoding() throws {
        let blocks: [SlackBlock] = [
            .header(String(repeating: "H", count: 500)),
            .section("hello", fields: ["*a*\n1"]),
            .actions([.button("Approve", action: .approve, value: "R-1", style: .primary)], blockID: "decide:R-1:0"),
            .divider,
        ]
        let json = try Fixtures.json(blocks)
        #expect(json[0]?["type"]?.string == "header")
        #expect(json[0]?["text"]?["type"]?.string == "plain_text")
        #expect(json[0]?["text"]?["text"]?.string?.count == 150)
        #expect(json[1]?["fields"]?[0]?["type"]?.string == "mrkdwn")
        #expect(json[2]?["elements"]?[0]?["action_id"]?.string == "approve")
        #expect(json[2]?["elements"]?[0]?["style"]?.string == "primary")
        #expect(json[2]?["block_id"]?.string == "decide:R-1:0")
        #expect(json[3]?["type"]?.string == "divider")
        #expect(try json.decode([SlackBlock].self) == blocks)
    }

    @Test("factories keep elements within limits")
    func factories() throws {
        let options = (0..<300).compactMap { SlackOption.make(label: String(repeating: "o", count: 200) + "\($0)", value: "v\($0)") }
        #expect(SlackOption.make(label: "x", value: String(repeating: "v", count: 151)) == nil)
        let select = SlackElement.select(
            id: "pick", placeholder: "Pick", options: options, initial: SlackOption.make(label: "no", value: "nope"))
        guard case .staticSelect(let built) = select else { Issue.record("not a select"); return }
        #expect(built.options.count == 100)
        #expect(built.initialOption == nil)
        #expect(built.options.allSatisfy { $0.text.text.utf16.count <= 75 })
        let section = SlackBlock.section(nil, fields: (0..<20).map { Mrkdwn.text("f\($0)") })
        guard case .section(let fields) = section else { return }
        #expect(fields.fields?.count == 10)
        #expect(SlackActionID.approve.wireID(String(repeating: "x", count: 400)).utf16.count <= 255)
    }

    @Test("messages keep at most 50 blocks and 4000 characters of text")
    func messageCaps() {
        let content = SlackMessageContent(text: String(repeating: "t", count: 10_000), blocks: Array(repeating: .divider, count: 80))
        #expect(content.blocks.count == 50)
        #expect(content.text.utf16.count <= 4000)
    }

    @Test("response_action errors JSON")
    func viewResponse() throws {
        let json = try #require(SlackJSONValue.parse(SlackViewResponse.errors(["reason": String(repeating: "e", count: 1000)]).jsonBody))
        #expect(json["response_action"]?.string == "errors")
        #expect((json["errors"]?["reason"]?.string?.count ?? 0) <= 300)
        #expect(SlackJSONValue.parse(SlackViewResponse.clear.jsonBody)?["response_action"]?.string == "clear")
    }

    @Test("ephemeral replies as JSON")
    func ephemeral() throws {
        let json = try #require(SlackJSONValue.parse(SlackResponseMessage.ephemeral(SlackReplies.help()).jsonBody))
        #expect(json["response_type"]?.string == "ephemeral")
        #expect(json["replace_original"]?.bool == false)
        #expect(json["blocks"] == nil)
    }
}
