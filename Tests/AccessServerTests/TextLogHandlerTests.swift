import Logging
import Synchronization
import Testing

@testable import AccessServer

@Suite("Text log lines")
struct TextLogHandlerTests {
    private final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test("StreamLogHandler's layout, metadata sorted, set on the logger and given with the event")
    func layout() throws {
        let lines = Lines()
        var logger = Logger(label: "accessbot") { label in TextLogHandler(label: label, output: lines.append) }
        logger[metadataKey: "request.id"] = "abc-1"
        logger[metadataKey: "platform"] = "slack"
        logger.info("request submitted", metadata: ["access_request": "R-1", "platform": "teams"], source: "AccessServer")
        logger.debug("not at info")
        let line = try #require(lines.all.first)
        #expect(lines.all.count == 1)
        #expect(line.hasSuffix(" info accessbot: access_request=R-1 platform=teams request.id=abc-1 [AccessServer] request submitted\n"))
        // 2026-11-29T08:22:16+0000
        let stamp = line.prefix { $0 != " " }
        #expect(stamp.count == 24 && stamp.dropFirst(10).first == "T", "\(stamp)")
    }
}
