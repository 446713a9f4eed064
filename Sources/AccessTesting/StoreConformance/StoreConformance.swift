import AccessCore
import Foundation

/// Everything the workflow, the delivery and timer services and the chat adapters need from a store.
public typealias ConformingStore = ChatStore & InstallationStore & OutboxStore & RequestStore & TimerStore

/// The properties every store must have, as plain async functions that throw
/// `ConformanceFailure` when a property does not hold. Test targets run each check on a
/// fresh, migrated, empty store of every backend; nothing here depends on a test framework.
public enum StoreConformance {
    /// One property of a store.
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        public let run: @Sendable (any ConformingStore) async throws -> Void

        public init(_ name: String, _ run: @escaping @Sendable (any ConformingStore) async throws -> Void) {
            self.name = name
            self.run = run
        }

        public var description: String { name }
    }

    /// Every check, in a stable order.
    public static let all: [Check] = requestChecks + concurrencyChecks + outboxChecks + timerChecks + chatChecks + fanOutChecks
}

/// A property that did not hold, with where it was checked.
public struct ConformanceFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ message: String, file: StaticString = #fileID, line: UInt = #line) {
        description = "\(message) (\(file):\(line))"
    }
}

/// Throws unless `condition` holds.
func require(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) throws {
    if !condition { throw ConformanceFailure(message(), file: file, line: line) }
}

/// Throws unless the two values are equal, showing both.
func requireEqual<T: Equatable>(
    _ actual: T, _ expected: T, _ what: String, file: StaticString = #fileID, line: UInt = #line
) throws {
    if actual != expected {
        throw ConformanceFailure("\(what): got \(actual), expected \(expected)", file: file, line: line)
    }
}

/// Throws unless `body` throws exactly `expected`.
func requireThrows<E: Error & Equatable>(
    _ expected: E, _ what: String, file: StaticString = #fileID, line: UInt = #line, _ body: () async throws -> Void
) async throws {
    do {
        try await body()
    } catch let error as E {
        try requireEqual(error, expected, what, file: file, line: line)
        return
    } catch {
        throw ConformanceFailure("\(what): threw \(error), expected \(expected)", file: file, line: line)
    }
    throw ConformanceFailure("\(what): did not throw, expected \(expected)", file: file, line: line)
}

/// Loads a request that must exist.
func load(_ store: any ConformingStore, _ id: RequestID, file: StaticString = #fileID, line: UInt = #line) async throws -> AccessRequest {
    guard let request = try await store.request(id) else {
        throw ConformanceFailure("request \(id) not found", file: file, line: line)
    }
    return request
}

/// The effects a store keeps in its outbox: all but timers.
func outboxEffects(_ outcome: Outcome) -> [Effect] {
    outcome.effects.filter {
        switch $0 {
        case .schedule, .cancelTimers: false
        default: true
        }
    }
}
