import AccessCore
import AccessTesting
import SlackAdapter
import Testing

@Suite("Form and slash command decoding")
struct FormDecodingTests {
    @Test("percent escapes, + as space, UTF-8, empty values and duplicate names")
    func decodesForm() throws {
        let form = try FormURLEncoded(parsing: Array("a=1+2%2B3&b=caf%C3%A9&c=&d&a=second&%2Fx=%2F".utf8))
        #expect(form["a"] == "1 2+3")
        #expect(form["b"] == "café")
        #expect(form["c"] == "")
        #expect(form["d"] == "")
        #expect(form["/x"] == "/")
        #expect(form["missing"] == nil)
        #expect(form.fields.count == 6)
    }

    @Test("bad percent escapes and invalid UTF-8 are typed errors")
    func rejectsBadForms() {
        for body in ["a=%", "a=%4", "a=%G1", "a=%%41", "=value"] {
            #expect(throws: SlackPayloadError.malformedForm) { try FormURLEncoded(parsing: Array(body.utf8)) }
        }
        for body in ["a=%FF", "a=%C3", "a=%C0%AF", "a=%ED%A0%80"] {
            #expect(throws: SlackPayloadError.invalidUTF8) { try FormURLEncoded(parsing: Array(body.utf8)) }
        }
        #expect(throws: SlackPayloadError.invalidUTF8) { try FormURLEncoded(parsing: [0x61, 0x3D, 0xFF]) }
    }

    @Test("the encoder and the parser agree")
    func roundTrip() throws {
        let fields = [("text", "request prod-db because \"incident 42\" & more"), ("emoji", "✅ — ünïcode"), ("plus", "1+1=2")]
        let parsed = try FormURLEncoded(parsing: FormURLEncoder.encode(fields))
        for (name, value) in fields { #expect(parsed[name] == value) }
    }

    @Test("the S1 vector decodes into a slash command and the shared parser's intent")
    func slashCommandVector() throws {
        let vector = try #require(try SlackVector.all().first { $0.name.hasPrefix("S1") })
        let command = try SlashCommand.decode(formBody: vector.bytes)
        #expect(command.teamID == "T0001AAAA")
        #expect(command.channelID == "C0001BBBB")
        #expect(command.userID == "U0001CCCC")
        #expect(command.command == "/access")
        #expect(command.text == "request prod-db --reason \"incident 42\"")
        #expect(command.responseURL == "https://hooks.slack.com/commands/T0001AAAA/1111/abc123")
        #expect(command.triggerID == "1111.2222.abcdef")
        #expect(command.apiAppID == "A0001DDDD")
        #expect(command.intent == .quickRequest(QuickRequest(resource: "prod-db", reason: "incident 42")))
    }

    @Test("Slack's own S3 example has empty text: help")
    func emptyText() throws {
        let vector = try #require(try SlackVector.all().first { $0.name.hasPrefix("S3") })
        let command = try SlashCommand.decode(formBody: vector.bytes)
        #expect(command.text == "")
        #expect(command.intent == .help)
    }

    @Test("missing required fields are named")
    func missingFields() {
        #expect(throws: SlackPayloadError.missingField("user_id")) {
            try SlashCommand.decode(formBody: Array("team_id=T1&channel_id=C1&command=%2Faccess".utf8))
        }
        #expect(throws: SlackPayloadError.missingField("command")) {
            try SlashCommand.decode(formBody: Array("team_id=T1&channel_id=C1&user_id=U1&command=".utf8))
        }
    }

    @Test("ssl_check is recognised")
    func sslCheck() {
        #expect(SlashCommand.isSSLCheck(formBody: Array("ssl_check=1&token=x".utf8)))
        #expect(!SlashCommand.isSSLCheck(formBody: SlackPayloadFixtures.slashCommand(text: "help")))
    }

    @Test("fixture commands decode, with subcommands as intents")
    func fixtureCommands() throws {
        let cases: [(String, ChatIntent)] = [
            ("", .help), ("request", .openRequestForm), ("pending", .pending), ("status R-7KX2P9QM", .status("R-7KX2P9QM")),
            ("cancel r-7kx2p9qm", .cancel("R-7KX2P9QM")),
        ]
        for (text, intent) in cases {
            #expect(try SlashCommand.decode(formBody: SlackPayloadFixtures.slashCommand(text: text)).intent == intent)
        }
    }
}
