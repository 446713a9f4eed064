import AccessCore
import Testing

@Suite struct ChatCommandParserTests {
    @Test(arguments: [
        (
            "request github-admins for 4h because incident 4411",
            ChatIntent.quickRequest(QuickRequest(resource: "github-admins", duration: .hours(4), reason: "incident 4411"))
        ),
        ("request prod-db --reason \"incident 42\"", .quickRequest(QuickRequest(resource: "prod-db", reason: "incident 42"))),
        ("REQUEST prod-db for 30 minutes", .quickRequest(QuickRequest(resource: "prod-db", duration: .minutes(30)))),
        ("request", .openRequestForm),
        ("", .help),
        ("help", .help),
        ("status", .status(nil)),
        ("status r-abc123", .status("R-ABC123")),
        ("pending", .pending),
        ("cancel R-7KX2P9QM", .cancel("R-7KX2P9QM")),
    ])
    func parses(text: String, intent: ChatIntent) {
        #expect(ChatCommandParser.parse(text) == intent)
    }

    @Test(arguments: ["frobnicate", "cancel", "cancel !!", "request x for ever", "status <script>"])
    func rejects(text: String) {
        guard case .invalid = ChatCommandParser.parse(text) else {
            Issue.record("\(text) should be invalid")
            return
        }
    }

    @Test func durationsParseAndPrint() {
        #expect(TimeSpan(parsing: "30s") == TimeSpan(seconds: 30))
        #expect(TimeSpan(parsing: "2d") == .days(2))
        #expect(TimeSpan(parsing: "0h") == nil)
        #expect(TimeSpan(parsing: "-1h") == nil)
        #expect(TimeSpan(parsing: "99999999999h") == nil)
        #expect(TimeSpan.hours(4).description == "4h")
        #expect(TimeSpan.minutes(90).description == "90m")
    }
}
