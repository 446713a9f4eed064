import AccessCore
import Foundation
import Testing

@Suite("Request ids")
struct RequestIDGeneratorTests {
    @Test("ids are R- and eight Crockford characters, typed back as they are")
    func format() {
        let id = RequestIDGenerator().next()
        #expect(id.rawValue.hasPrefix("R-"))
        let body = id.rawValue.dropFirst(2)
        #expect(body.count == 8)
        #expect(body.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
        #expect(RequestID(typed: id.rawValue.lowercased()) == id)
        #expect(RequestID(typed: String(body)) == id)
    }

    @Test("within a process ids strictly increase, in text order too, across seconds and bursts")
    func ordered() {
        let ids = RequestIDGenerator()
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        var previous = ids.next(now: start).rawValue
        // A burst far above the counter's room within one second, then later seconds, then a clock step back.
        let times =
            Array(repeating: start, count: 5000) + (1...50).map { start.addingTimeInterval(Double($0)) }
            + [start.addingTimeInterval(-3600)]
        for time in times {
            let next = ids.next(now: time).rawValue
            #expect(next > previous)
            previous = next
        }
    }

    @Test("concurrent callers never get the same id")
    func unique() async {
        let ids = RequestIDGenerator()
        let all = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { (0..<5000).map { _ in ids.next().rawValue } } }
            var all: [String] = []
            for await part in group { all += part }
            return all
        }
        #expect(Set(all).count == 40_000)
    }

    @Test("ids made a second apart differ in their time part")
    func timePart() {
        let ids = RequestIDGenerator()
        let first = ids.next(now: Date(timeIntervalSince1970: 1_790_000_000)).rawValue
        let second = RequestIDGenerator().next(now: Date(timeIntervalSince1970: 1_790_000_001)).rawValue
        #expect(first.prefix(7) != second.prefix(7) || first.prefix(8) != second.prefix(8))
        #expect(second > first)
    }
}
