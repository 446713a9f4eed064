import AccessCore
import Foundation
import Testing

@testable import AccessServer

@Suite("Delivery worker pause after a paced batch")
struct PacedBatchPauseTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func paced(_ id: Int64, in seconds: Double) -> OutboxDelivery {
        OutboxDelivery(id: id, outcome: .retry(notBefore: now.addingTimeInterval(seconds), error: DeliveryResult.pacedReason))
    }

    @Test("a batch that only waited for slots pauses until the earliest slot, at most the cap")
    func pausesUntilTheEarliestSlot() {
        #expect(PacedBatchPause.pause(after: [paced(1, in: 0.1), paced(2, in: 0.05)], now: now) == .milliseconds(50))
        #expect(PacedBatchPause.pause(after: [paced(1, in: 30), paced(2, in: 3600)], now: now) == PacedBatchPause.cap)
        #expect(PacedBatchPause.pause(after: [paced(1, in: -1)], now: now) == .zero)
    }

    @Test("anything sent, failed or dead in the batch means claim again at once")
    func otherwiseNoPause() {
        let failed = OutboxDelivery(id: 3, outcome: .retry(notBefore: now.addingTimeInterval(5), error: "HTTP 503"))
        #expect(PacedBatchPause.pause(after: [paced(1, in: 0.1), OutboxDelivery(id: 2, outcome: .completed)], now: now) == nil)
        #expect(PacedBatchPause.pause(after: [paced(1, in: 0.1), failed], now: now) == nil)
        #expect(PacedBatchPause.pause(after: [OutboxDelivery(id: 4, outcome: .dead(error: "gone"))], now: now) == nil)
        #expect(PacedBatchPause.pause(after: [], now: now) == nil)
    }
}
