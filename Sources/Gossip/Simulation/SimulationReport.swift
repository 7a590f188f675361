import Foundation

/// A simulation's results as text for the terminal and as Markdown for Benchmarks/RESULTS-gossip.md.
public struct SimulationReport: Sendable {
    public var convergence: ConvergenceSummary
    /// Steady-state traffic, typically at N and 10×N descriptions in sync; may be empty.
    public var steady: [SteadyTraffic]

    public init(convergence: ConvergenceSummary, steady: [SteadyTraffic] = []) {
        self.convergence = convergence
        self.steady = steady
    }

    public var title: String {
        let scenario = convergence.scenario
        return "\(scenario.nodes.formatted()) nodes, \(Self.percent(scenario.deadFraction)) dead, "
            + "\(Self.percent(scenario.loss)) message loss, \(convergence.runs.count) seeds"
    }

    public var setup: String {
        let scenario = convergence.scenario
        let settings = scenario.configuration
        return "warm-up \(scenario.warmUpRounds) rounds, \(scenario.bootstrapPeers) bootstrap peers per node, "
            + "view \(settings.maxKnownPeers) peers, sample \(settings.peerSampleSize) peers per message, "
            + "\(scenario.envelopeBytes)-byte envelopes"
    }

    public var text: String {
        let summary = convergence
        var lines = [title, "(\(setup))", ""]
        lines.append("rounds to full convergence      median   worst")
        lines.append(row("protocol", summary.protocolMedian, summary.protocolWorst))
        lines.append(row("ideal push-pull", summary.idealMedian, summary.idealWorst))
        lines.append("ratio of medians                \(Self.fixed(summary.ratio, 2))    (target ≤ \(Self.fixed(ConvergenceSummary.allowedRatio, 2)))")
        lines.append("log₂N + ln N                    \(Self.fixed(summary.scenario.pushOnlyBound, 1))    (the worst run must not exceed it)")
        if !summary.allConverged {
            lines.append("NOT CONVERGED in \(summary.runs.filter { !$0.protocolConverged }.count) runs "
                         + "(after \(summary.scenario.maxRounds) rounds)")
        }
        lines.append("")
        lines.append("bytes sent per node per round   \(Self.fixed(summary.meanBytesPerNodePerRound, 0)) "
                     + "(digests \(Self.fixed(summary.meanDigestBytesPerNodePerRound, 0)))")
        for traffic in steady {
            lines.append("in sync, \(traffic.descriptionsInSync.formatted()) descriptions of \(traffic.publishers) publishers: "
                         + "\(Self.fixed(traffic.bytesPerNodePerRound, 0)) bytes per node per round "
                         + "(digests \(Self.fixed(traffic.digestBytesPerNodePerRound, 0)), "
                         + "envelopes \(Self.fixed(traffic.envelopeBytesPerNodePerRound, 0)))")
        }
        lines.append("")
        lines.append("targets: " + (summary.meetsTargets ? "met" : "MISSED"))
        return lines.joined(separator: "\n")
    }

    /// One table row per scenario; `markdownHeader` goes above the first.
    public static let markdownHeader = """
        | nodes | dead | loss | protocol median | protocol worst | ideal median | ideal worst | ratio | log₂N + ln N | bytes/node/round | digest bytes/node/round | targets |
        | ----: | ---: | ---: | --------------: | -------------: | -----------: | ----------: | ----: | -----------: | ---------------: | ----------------------: | :------ |
        """

    public var markdownRow: String {
        let summary = convergence
        let scenario = summary.scenario
        let cells = [
            scenario.nodes.formatted(), Self.percent(scenario.deadFraction), Self.percent(scenario.loss),
            Self.fixed(summary.protocolMedian, 1), "\(summary.protocolWorst)",
            Self.fixed(summary.idealMedian, 1), "\(summary.idealWorst)",
            Self.fixed(summary.ratio, 2), Self.fixed(scenario.pushOnlyBound, 1),
            Self.fixed(summary.meanBytesPerNodePerRound, 0), Self.fixed(summary.meanDigestBytesPerNodePerRound, 0),
            summary.meetsTargets ? "met" : "missed",
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    private func row(_ label: String, _ median: Double, _ worst: Int) -> String {
        label.padding(toLength: 32, withPad: " ", startingAt: 0) + Self.fixed(median, 1).padding(toLength: 9, withPad: " ", startingAt: 0) + "\(worst)"
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// 0.1 → "10%", 0.125 → "12.5%": no decimals unless they carry something.
    static func percent(_ fraction: Double) -> String {
        String(format: "%g%%", (fraction * 1_000).rounded() / 10)
    }
}
