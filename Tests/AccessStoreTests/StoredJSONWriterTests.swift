import AccessCore
import Foundation
import Testing

@testable import AccessStore

@Suite("Stored JSON writer")
struct StoredJSONWriterTests {
    /// The direct writer must produce exactly the Codable encoding, so rows written by either
    /// (and rows written before it existed) read back alike.
    private func expectSameAsCodable<T: Codable & Equatable & StoredJSONWritable>(
        _ value: T, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let direct = try #require(StoredJSONWriter.encode(value), sourceLocation: sourceLocation)
        #expect(direct == (try StreamingJSONEncoder.encode(value)), sourceLocation: sourceLocation)
        #expect(try JSONDecoder().decode(T.self, from: Data(direct.utf8)) == value, sourceLocation: sourceLocation)
    }

    @Test("every effect and notice is written byte for byte as Codable writes it")
    func effects() throws {
        for effect in StoredJSONSamples.effects() { try expectSameAsCodable(effect) }
    }

    @Test("requests in every state, with every optional and odd text, are written as Codable writes them")
    func requests() throws {
        for request in try StoredJSONSamples.requests() { try expectSameAsCodable(request) }
    }

    /// A property added to a stored type but not to its `write` would be dropped silently
    /// whenever it is nil in the samples; here every optional is set, so each property must
    /// appear as a key.
    @Test("every stored property of the model's structs is written")
    func everyProperty() throws {
        let now = Date(timeIntervalSinceReferenceDate: 1)
        let full = try #require(try StoredJSONSamples.requests().last)
        let id: RequestID = "R-JSON0009"
        let values: [any StoredJSONWritable] = [
            full, try #require(full.answers.first), try #require(full.steps.last { $0.channel != nil }),
            Decision(approver: "a@example.com", step: 0, outcome: .denied, reason: "r", at: now),
            Origin(platform: .slack, conversation: "D1"), ChannelRef(slack: "C1", teams: "19:x"),
            GrantOrder(requestID: id, resource: "aws", user: "a@example.com", method: .manual),
            CardDelivery(requestID: id, audience: .user("a@example.com"), purpose: .approval),
            AccessCore.Notification(requestID: id, audience: .user("a@example.com"), notice: .expired),
            ScheduledTimer(requestID: id, kind: .remind, due: now),
        ]
        for value in values {
            let encoded: String? = StoredJSONWriter.encode(value)
            let text = try #require(encoded)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let properties = Set(Mirror(reflecting: value).children.compactMap(\.label))
            #expect(Set(object.keys) == properties, "\(type(of: value)): \(text)")
        }
    }

    @Test("a time JSON cannot hold falls back to Codable, which refuses it")
    func nonFinite() throws {
        var request = try #require(try StoredJSONSamples.requests().first)
        request.decidedAt = Date(timeIntervalSinceReferenceDate: .infinity)
        #expect(StoredJSONWriter.encode(request) == nil)
        #expect(throws: EncodingError.self) { try StoredJSON.encode(request) }
    }

    @Test("the store writes request bodies and outbox payloads with it")
    func storeUsesIt() throws {
        let request = try #require(try StoredJSONSamples.requests().last)
        #expect(try StoredJSON.encode(request) == StoredJSONWriter.encode(request))
        let effect = try #require(StoredJSONSamples.effects().first)
        #expect(try StoredJSON.encode(effect) == StoredJSONWriter.encode(effect))
    }
}
