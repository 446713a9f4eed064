import Foundation
import Logging

/// One line per event on standard error, in swift-log's `StreamLogHandler` layout:
/// `2026-11-29T08:22:16+0000 info accessbot: key=value … [source] message`.
///
/// `StreamLogHandler` formats its metadata again every time a key is set, and the server sets
/// `request.id` on every request's logger: that sort-and-format was about 4 % of the CPU of a
/// `/healthz` request under load. This handler keeps the metadata as it is and formats it only
/// when a line is written.
public struct TextLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let output: @Sendable (String) -> Void

    public init(label: String) {
        self.init(label: label) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Writes each line to `output` instead (tests).
    init(label: String, output: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let explicit = event.metadata { all.merge(explicit) { _, new in new } }
        var line = Self.timestamp() + " \(event.level) \(label):"
        for (key, value) in all.sorted(by: { $0.key < $1.key }) { line += " \(key)=\(value)" }
        line += " [\(event.source)] \(event.message)\n"
        output(line)
    }

    /// Local time as `%Y-%m-%dT%H:%M:%S%z`, like `StreamLogHandler`.
    private static func timestamp() -> String {
        var now = time(nil)
        var local = tm()
        localtime_r(&now, &local)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &local)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
