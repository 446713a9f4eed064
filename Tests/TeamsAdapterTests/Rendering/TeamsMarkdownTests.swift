import TeamsAdapter
import Testing

@Suite("Teams markdown escaping")
struct TeamsMarkdownTests {
    @Test(
        "markdown characters are backslash-escaped",
        arguments: [
            ("a*b_c", "a\\*b\\_c"), ("[x](y)", "\\[x\\]\\(y\\)"), ("`c`", "\\`c\\`"), ("# h", "\\# h"), ("> q", "\\> q"),
            ("~s~ |t|", "\\~s\\~ \\|t\\|"), ("\\*", "\\\\\\*"), ("<at>x</at>", "\\<at\\>x\\</at\\>"), ("plain text.", "plain text."),
        ])
    func specials(input: String, expected: String) {
        #expect(TeamsMarkdown.escape(input, max: 100) == expected)
    }

    @Test(
        "list, heading and quote markers are escaped at the start of each line only",
        arguments: [
            ("- a", "\\- a"), ("+ a", "\\+ a"), ("12. a", "12\\. a"), ("a - b. 1. c", "a - b. 1. c"), ("x\n- y\n3. z", "x\n\\- y\n3\\. z"),
            ("x\n===", "x\n\\==="), ("    code", "code"), ("a\r\nb", "a\nb"),
        ])
    func lineStarts(input: String, expected: String) {
        #expect(TeamsMarkdown.escape(input, max: 100) == expected)
    }

    @Test("control characters and bidi overrides are removed, tabs become spaces")
    func controls() {
        #expect(TeamsMarkdown.escape("a\u{0}b\u{7}c\u{1B}[31m\td\u{202E}e\u{85}f", max: 100) == "abc\\[31m de" + "f")
    }

    @Test("text is cut to max visible characters with an ellipsis, before escaping")
    func cutting() {
        #expect(TeamsMarkdown.escape("abcdef", max: 4) == "abc…")
        #expect(TeamsMarkdown.escape("******", max: 4) == "\\*\\*\\*…")
        #expect(TeamsMarkdown.escape("abc", max: 3) == "abc")
        #expect(TeamsMarkdown.escape("👍🏽👍🏽👍🏽", max: 6) == "👍🏽…")
    }

    @Test("plain text keeps markdown characters but loses line breaks and controls")
    func plain() {
        #expect(TeamsMarkdown.plain("a *b*\nc\u{0}", max: 100) == "a *b* c")
        #expect(TeamsMarkdown.plain("abcdef", max: 3) == "ab…")
    }
}
