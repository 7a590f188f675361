import Gossip
import Publishing
import Testing

/// The simulation is only as honest as its repository: these pin down that it has the store's
/// semantics, which the convergence figures rely on.
@Suite("Simulated repository")
struct SimulatedRepositoryTests {
    private func envelope(_ publisher: UInt8, _ version: UInt64, graph: UInt32, issued: UInt64, size: Int = 100) -> SimulatedEnvelope {
        SimulatedEnvelope(publisher: testID(publisher), version: version, graph: graph, issued: issued, size: size)
    }

    @Test("synthetic envelopes round-trip and a flipped byte is caught")
    func envelopes() {
        let original = envelope(1, 7, graph: 3, issued: 99, size: 120)
        let data = original.encoded()
        #expect(data.bytes.count == 120)
        #expect(SimulatedEnvelope(data) == original)
        for position in [0, 10, 40, 60, 119] {
            var damaged = data
            damaged.bytes[position] ^= 0x10
            #expect(SimulatedEnvelope(damaged) == nil, "byte \(position)")
        }
        #expect(SimulatedEnvelope(EnvelopeData([1, 2, 3])) == nil)
    }

    @Test("a delta is oldest first across publishers and stops before the budget, each publisher's part a prefix")
    func deltaOrder() async {
        let source = SimulatedRepository()
        // Publisher 1 issues at 1, 3, 5; publisher 2 at 2, 4, 6.
        for step in 0..<3 {
            await source.publish(as: testID(1), graph: UInt32(step), issued: UInt64(2 * step + 1), size: 100)
            await source.publish(as: testID(2), graph: UInt32(step), issued: UInt64(2 * step + 2), size: 100)
        }
        let all = await source.delta(for: Digest(), budget: 10_000).compactMap(SimulatedEnvelope.init)
        #expect(all.map(\.issued) == [1, 2, 3, 4, 5, 6])
        let cut = await source.delta(for: Digest(), budget: 350).compactMap(SimulatedEnvelope.init)
        #expect(cut.map(\.issued) == [1, 2, 3])
        let partial = await source.delta(for: Digest([testID(1): 2]), budget: 10_000).compactMap(SimulatedEnvelope.init)
        #expect(partial.map(\.issued) == [2, 4, 5, 6])
        #expect(await source.delta(for: source.digest(), budget: 10_000).isEmpty)
    }

    @Test("one envelope larger than the budget still moves")
    func oversizedEnvelope() async {
        let source = SimulatedRepository()
        await source.publish(as: testID(1), graph: 0, issued: 1, size: 5_000)
        await source.publish(as: testID(1), graph: 1, issued: 2, size: 100)
        let delta = await source.delta(for: Digest(), budget: 1_000)
        #expect(delta.map(\.bytes.count) == [5_000])
    }

    @Test("arrivals are checked, deduplicated while staged, and visible only at the end of the round")
    func staging() async {
        let repository = SimulatedRepository()
        let first = [envelope(1, 1, graph: 0, issued: 1), envelope(1, 2, graph: 1, issued: 2)].map { $0.encoded() }
        var damaged = envelope(1, 3, graph: 2, issued: 3).encoded()
        damaged.bytes[50] ^= 1
        let report = await repository.accept(first + [damaged], from: testID(9))
        #expect(report.accepted == 2)
        #expect(report.invalid.count == 1)
        #expect(await repository.accept(first, from: testID(8)) == AcceptReport(ignored: 2))
        #expect(await repository.digest() == Digest())
        await repository.endRound()
        #expect(await repository.digest() == Digest([testID(1): 2]))
        #expect(await repository.envelopeCount == 2)
    }

    @Test("a newer version of a graph replaces the older one; the digest keeps the highest version")
    func replacement() async {
        let repository = SimulatedRepository()
        await repository.publish(as: testID(1), graph: 5, issued: 1)
        await repository.publish(as: testID(1), graph: 6, issued: 2)
        await repository.publish(as: testID(1), graph: 5, issued: 3)
        #expect(await repository.liveVersion(of: 5, by: testID(1)) == 3)
        #expect(await repository.envelopeCount == 2)
        #expect(await repository.digest() == Digest([testID(1): 3]))
        // A partner at version 1 needs only versions 2 and 3; version 1 is gone for good.
        let delta = await repository.delta(for: Digest([testID(1): 0]), budget: 10_000).compactMap(SimulatedEnvelope.init)
        #expect(delta.map(\.version) == [2, 3])
    }
}
