import AccessCore
import AccessTesting
import Foundation
import Testing

@testable import AccessStore

@Suite("Streaming JSON encoder")
struct StreamingJSONEncoderTests {
    private func roundTrip<T: Codable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try StreamingJSONEncoder.encode(value)
        let decoded = try JSONDecoder().decode(T.self, from: Data(text.utf8))
        #expect(decoded == value, "\(text)", sourceLocation: sourceLocation)
    }

    @Test("every effect and notice reads back equal with JSONDecoder")
    func effects() throws {
        let effects = StoredJSONSamples.effects()
        for effect in effects { try roundTrip(effect) }
        try roundTrip(effects)
    }

    @Test("requests in every state the workflow reaches read back equal")
    func requests() throws {
        for request in try StoredJSONSamples.requests() { try roundTrip(request) }
        let now = StoreFixtures.epoch
        let denied = try StoreFixtures.handle(
            .deny(by: StoreFixtures.panel[3], reason: "line one\nline two"),
            on: try StoreFixtures.submit(StoreFixtures.panelSubmission(id: "R-JSON0003"), now: now).request, now: now)
        for event in denied.audit { try roundTrip(event) }
    }

    @Test("primitives, optionals, nesting and edge values")
    func primitives() throws {
        struct Sample: Codable, Equatable {
            var text = "tab\t quote\" backslash\\ bell\u{7} emoji 🎉 nul\u{0}"
            var empty = ""
            var int = Int.min
            var unsigned = UInt64.max
            var small: Int8 = -8
            var double = -0.000_000_123_456_789
            var huge = 1.0e300
            var float: Float = 3.25
            var flag = true
            var missing: String? = nil
            var present: Int? = 0
            var list: [Int?] = [1, nil, 3]
            var nested: [[String]] = [[], ["a"], ["b", "c"]]
            var map: [String: Double] = ["x": 1.5]
            var date = Date(timeIntervalSinceReferenceDate: 123.456)
            var span = TimeSpan.days(2)
        }
        try roundTrip(Sample())
        try roundTrip([Sample(), Sample()])
        try roundTrip("just a string")
        try roundTrip(42)
        try roundTrip([String: [Int]]())
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encode(Double.nan) }
    }

    @Test("the output is what JSONDecoder expects for dates: Foundation's default")
    func dates() throws {
        let date = Date(timeIntervalSince1970: 1_767_225_600.5)
        let ours = try StreamingJSONEncoder.encode([date])
        let foundation = try JSONDecoder().decode([Date].self, from: JSONEncoder().encode([date]))
        #expect(try JSONDecoder().decode([Date].self, from: Data(ours.utf8)) == foundation)
    }
}
