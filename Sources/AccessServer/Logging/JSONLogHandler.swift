import AccessConfig
import Foundation
import Logging

/// One JSON object per line on standard error: `ts`, `level`, `label`, `msg` and the
/// metadata (`request.id`, `platform`, …). Callers never put bodies or secrets in metadata.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String

    public init(label: String) { self.label = label }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let level = event.level
        let message = event.message
        let explicit = event.metadata
        var object: [String: String] = [
            "ts": Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)),
            "level": level.rawValue, "label": label, "msg": message.description,
        ]
        for (key, value) in metadata.merging(explicit ?? [:], uniquingKeysWith: { _, new in new }) {
            object[key] = "\(value)"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(object) else { return }
        data.append(0x0A)
        FileHandle.standardError.write(data)
    }
}

/// Bootstraps swift-log for the whole process. Call once, before anything logs.
public func bootstrapLogging(format: LogFormat, level: Logger.Level) {
    LoggingSystem.bootstrap { label in
        var handler: any LogHandler =
            switch format {
            case .json: JSONLogHandler(label: label)
            case .text: TextLogHandler(label: label)
            }
        handler.logLevel = level
        return handler
    }
}
