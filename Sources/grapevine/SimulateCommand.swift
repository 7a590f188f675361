import ArgumentParser
import Foundation
import Gossip

/// `grapevine simulate`: the real gossip protocol on a simulated network, against the ideal model.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Measure how fast gossip spreads a publication over a simulated network.",
        discussion: """
            Runs the node's own anti-entropy code (partner choice, digests, deltas, membership, \
            failure detection) over an in-memory transport that encodes every message as on the \
            wire. Each live node starts knowing a few random nodes; warm-up rounds let membership \
            spread through the protocol's peer samples. Then one node publishes one description \
            and rounds run until every live node holds it.

            For each seed the same network is also run through an ideal random push-pull model \
            (every live node exchanges with one random node per round, messages lost at the same \
            rate), and the report compares the two: the protocol's median should be within 1.25× \
            of the ideal one, and its worst run within log₂N + ln N rounds.

            It also measures the traffic of a network with N (and 10×N) descriptions already in \
            sync: digests name publishers, not descriptions, so it should not grow.

            Examples:
              grapevine simulate
              grapevine simulate --nodes 10000 --dead 0.1 --loss 0.05
              grapevine simulate --seeds 5 --descriptions-in-sync 0 --markdown results.md
            """
    )

    @Option(help: "Nodes in the network.")
    var nodes = 1_000

    @Option(help: "Seeds to run; the report gives the median and the worst.")
    var seeds = 20

    @Option(help: "The first seed (seeds run from it upwards), to reproduce a run.")
    var firstSeed: UInt64 = 1

    @Option(help: "Fraction of nodes dead from the start, 0 to 1.")
    var dead = 0.0

    @Option(help: "Probability that a message is lost, 0 to 1.")
    var loss = 0.0

    @Option(help: "Descriptions already in sync for the steady-state traffic measurement (also run with 10×); 0 skips it.")
    var descriptionsInSync = 1_000

    @Option(help: "Rounds run before the publication, for membership to spread.")
    var warmUp = 10

    @Option(help: "Random nodes each node is given as seeds.")
    var bootstrapPeers = 3

    @Option(help: "Most peers a node keeps in its view.")
    var view = GossipConfiguration().maxKnownPeers

    @Option(help: "Peers named in each gossip message.")
    var sample = GossipConfiguration().peerSampleSize

    @Option(help: "Append the results as a Markdown table row to FILE (with a header if it is new).")
    var markdown: String?

    @Flag(help: "Exit with status 1 when the targets are missed.")
    var check = false

    func validate() throws {
        guard nodes >= 2 else { throw ValidationError("--nodes must be at least 2") }
        guard seeds >= 1 else { throw ValidationError("--seeds must be at least 1") }
        guard (0..<1).contains(dead) else { throw ValidationError("--dead must be at least 0 and below 1") }
        guard (0..<1).contains(loss) else { throw ValidationError("--loss must be at least 0 and below 1") }
        guard descriptionsInSync >= 0, warmUp >= 0, bootstrapPeers >= 1, view >= 1, sample >= 0 else {
            throw ValidationError("--descriptions-in-sync and --warm-up must not be negative; --bootstrap-peers and --view must be positive")
        }
    }

    func run() async throws {
        var scenario = SimulationScenario(nodes: nodes, deadFraction: dead, loss: loss)
        scenario.warmUpRounds = warmUp
        scenario.bootstrapPeers = bootstrapPeers
        scenario.configuration.maxKnownPeers = view
        scenario.configuration.peerSampleSize = sample
        let seedList = (0..<UInt64(seeds)).map { firstSeed &+ $0 }
        let started = Date()
        let summary = await GossipSimulation.convergence(scenario, seeds: seedList) { run in
            Self.note("seed \(run.seed): protocol \(run.protocolRounds)\(run.protocolConverged ? "" : " (not converged)") rounds, "
                      + "ideal \(run.idealRounds), \(Int(run.bytesPerNodePerRound)) bytes per node per round")
        }
        var steady: [SteadyTraffic] = []
        if descriptionsInSync > 0 {
            for descriptions in [descriptionsInSync, descriptionsInSync * 10] {
                steady.append(await GossipSimulation.steadyTraffic(scenario, descriptionsInSync: descriptions, seed: firstSeed))
            }
        }
        let report = SimulationReport(convergence: summary, steady: steady)
        print(report.text)
        Self.note(String(format: "took %.1f s", Date().timeIntervalSince(started)))
        if let markdown { try append(report, to: markdown) }
        if check && !summary.meetsTargets { throw ExitCode.failure }
    }

    private func append(_ report: SimulationReport, to path: String) throws {
        let isNew = !FileManager.default.fileExists(atPath: path)
        let text = (isNew ? SimulationReport.markdownHeader + "\n" : "") + report.markdownRow + "\n"
        if isNew {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        }
    }

    private static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
