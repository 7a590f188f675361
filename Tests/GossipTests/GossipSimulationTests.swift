import Gossip
import Testing

/// The targets at 1,000 nodes, on a few seeds (the full 20 run in `grapevine simulate`).
@Suite("Gossip simulation")
struct GossipSimulationTests {
    @Test("at 1,000 nodes the protocol stays within 1.25× of the ideal model and never beyond log₂N + ln N",
          arguments: [(0.0, 0.0), (0.1, 0.05)])
    func convergenceTargets(dead: Double, loss: Double) async {
        let scenario = SimulationScenario(nodes: 1_000, deadFraction: dead, loss: loss)
        let summary = await GossipSimulation.convergence(scenario, seeds: [1, 2])
        #expect(summary.allConverged)
        #expect(summary.ratio <= ConvergenceSummary.allowedRatio, "protocol \(summary.protocolMedian), ideal \(summary.idealMedian)")
        #expect(Double(summary.protocolWorst) <= scenario.pushOnlyBound)
        #expect(summary.meetsTargets)
        // One 512-byte envelope per node over ~10 rounds, plus digests and samples: well under 2 KB.
        #expect(summary.meanBytesPerNodePerRound > 100 && summary.meanBytesPerNodePerRound < 2_000)
    }

    @Test("digest traffic per round does not grow when 10× more descriptions are in sync")
    func steadyTraffic() async {
        var scenario = SimulationScenario(nodes: 200)
        scenario.steadyRounds = 3
        let few = await GossipSimulation.steadyTraffic(scenario, descriptionsInSync: 500, seed: 1)
        let many = await GossipSimulation.steadyTraffic(scenario, descriptionsInSync: 5_000, seed: 1)
        #expect(few.envelopeBytesPerNodePerRound == 0)
        #expect(many.envelopeBytesPerNodePerRound == 0)
        #expect(few.digestBytesPerNodePerRound > 0)
        // Versions grow from 50 to 500 per publisher: one more varint byte per digest entry, no more.
        #expect(many.digestBytesPerNodePerRound <= few.digestBytesPerNodePerRound * 1.05)
        #expect(many.bytesPerNodePerRound <= few.bytesPerNodePerRound * 1.05)
    }

    @Test("a run repeats exactly from its seed")
    func reproducible() async {
        let scenario = SimulationScenario(nodes: 200, deadFraction: 0.3, loss: 0.05)
        let first = await GossipSimulation.convergence(scenario, seed: 3)
        let second = await GossipSimulation.convergence(scenario, seed: 3)
        #expect(first == second)
        #expect(first.protocolConverged)
    }

    @Test("the ideal model reproduces the reference medians: 9 rounds at 1,000 nodes, 11 with 10% dead and 5% loss")
    func idealModel() {
        func median(dead: Double, loss: Double) -> Double {
            let scenario = SimulationScenario(nodes: 1_000, deadFraction: dead, loss: loss)
            let rounds = (UInt64(1)...20).map { seed in
                let (deadNodes, origin) = GossipSimulation.layout(scenario, seed: seed)
                return IdealPushPull.rounds(nodes: 1_000, dead: deadNodes, origin: origin, loss: loss, maxRounds: 100, seed: seed) ?? 100
            }
            return ConvergenceSummary.median(rounds)
        }
        #expect(median(dead: 0, loss: 0) == 9)
        #expect(median(dead: 0.1, loss: 0.05) == 11)
    }
}
