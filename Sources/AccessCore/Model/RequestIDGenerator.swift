import Foundation

/// New request ids that are short to type and follow each other: `R-` and eight Crockford
/// base32 characters of a 40-bit number, the seconds since 2025 (28 bits) then a 12-bit
/// counter that starts at a random point each second.
///
/// Why ordered: every table and index keyed by request id (requests, tasks, audit events,
/// outbox, timers) then appends at its right edge, so a group commit of many new requests
/// dirties a handful of pages instead of one random page per index per request (random ids
/// cost about 13 WAL pages per request). Within a process ids strictly increase, so they
/// never repeat; replicas start each second's counter at random, and the rare clash is a
/// duplicate the store refuses and `AccessService` retries with the next id.
public final class RequestIDGenerator: @unchecked Sendable {
    // `@unchecked`: `last` is only touched under `lock`.
    private let lock = NSLock()
    private var last: UInt64 = 0
    /// 2025-01-01T00:00:00Z.
    static let epoch: TimeInterval = 1_735_689_600
    static let counterBits: UInt64 = 12
    static let valueBits: UInt64 = 40

    public init() {}

    /// The next id at `now`.
    public func next(now: Date = Date()) -> RequestID {
        let seconds = UInt64(max(0, now.timeIntervalSince1970 - Self.epoch)) & ((1 << (Self.valueBits - Self.counterBits)) - 1)
        // Half the counter's room is left above the random start, for bursts within a second.
        let start = (seconds << Self.counterBits) | UInt64.random(in: 0..<(1 << (Self.counterBits - 1)))
        let value = lock.withLock {
            last = last >> Self.counterBits == seconds ? last + 1 : max(start, last + 1)
            last &= (1 << Self.valueBits) - 1
            return last
        }
        return RequestID(rawValue: "R-" + Self.crockford(value))
    }

    /// Eight characters, most significant first, so text order is number order.
    static func crockford(_ value: UInt64) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
        var characters = [UInt8](repeating: 0, count: 8)
        var rest = value
        for index in (0..<8).reversed() {
            characters[index] = alphabet[Int(rest & 31)]
            rest >>= 5
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
