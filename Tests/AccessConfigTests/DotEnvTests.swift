import AccessConfig
import Foundation
import Testing

@Suite(".env files")
struct DotEnvTests {
    @Test func readsTheUsualForms() throws {
        let contents = """
            # a comment
            PORT=9090

              export HOST=0.0.0.0
            PUBLIC_URL = https://accessbot.example.com   # trailing comment
            SLACK_BOT_TOKEN='xoxb-1#2 "literal" \\n'
            ADMIN_API_TOKEN="a b\\"c\\\\d\\n"
            EMPTY=
            HASH=abc#def
            export_ME=1
            PORT=9091
            """
        let values = try DotEnv.parse(contents: contents)
        #expect(values["PORT"] == "9091")
        #expect(values["HOST"] == "0.0.0.0")
        #expect(values["PUBLIC_URL"] == "https://accessbot.example.com")
        #expect(values["SLACK_BOT_TOKEN"] == "xoxb-1#2 \"literal\" \\n")
        #expect(values["ADMIN_API_TOKEN"] == "a b\"c\\d\n")
        #expect(values["EMPTY"] == "")
        #expect(values["HASH"] == "abc#def")
        #expect(values["export_ME"] == "1")
        #expect(values.count == 8)
    }

    @Test func handlesWindowsLineEndingsAndAByteOrderMark() throws {
        let values = try DotEnv.parse(contents: "\u{FEFF}PORT=1\r\nHOST=h\r\n")
        #expect(values == ["PORT": "1", "HOST": "h"])
    }

    @Test(arguments: [
        ("PORT=1\nnot a setting\n", 2, "expected KEY=VALUE"),
        ("# x\n\n1PORT=2\n", 3, "is not a variable name"),
        ("A-B=1\n", 1, "is not a variable name"),
        ("=1\n", 1, "is not a variable name"),
        ("TOKEN=\"abc\n", 1, "double quote is never closed"),
        ("TOKEN='abc\n", 1, "single quote is never closed"),
        ("TOKEN=\"abc\" def\n", 1, "unexpected text after the closing quote"),
    ])
    func malformedLinesNameTheirLine(contents: String, line: Int, message: String) {
        #expect {
            try DotEnv.parse(contents: contents)
        } throws: { error in
            guard let error = error as? DotEnvError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }

    @Test func errorsNeverQuoteTheLine() {
        #expect {
            try DotEnv.parse(contents: "SLACK_BOT_TOKEN xoxb-very-secret\n")
        } throws: { error in
            !"\(error)".contains("xoxb-very-secret")
        }
    }

    @Test func loadingAMissingFileGivesNothingAndABadFileNamesPathAndLine() throws {
        #expect(try DotEnv.load(path: "/nonexistent/.env").isEmpty)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("env-\(UUID().uuidString)")
        try "PORT=1\noops\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: SettingsError(subject: "\(url.path):2", message: "expected KEY=VALUE")) {
            try DotEnv.load(path: url.path)
        }
    }
}
