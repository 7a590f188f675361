/// Convergence over many seeds, against the ideal model and the push-only bound.
public struct ConvergenceSummary: Sendable {
    public var scenario: SimulationScenario
    public var runs: [ConvergenceRun]

    public init(scenario: SimulationScenario, runs: [ConvergenceRun]) {
        self.scenario = scenario
        self.runs = runs
    }

    /// How far the protocol's median may trail the ideal model's.
    public static let allowedRatio = 1.25

    public var protocolMedian: Double { Self.median(runs.map(\.protocolRounds)) }
    public var protocolWorst: Int { runs.map(\.protocolRounds).max() ?? 0 }
    public var idealMedian: Double { Self.median(runs.map(\.idealRounds)) }
    public var idealWorst: Int { runs.map(\.idealRounds).max() ?? 0 }
    public var ratio: Double { idealMedian > 0 ? protocolMedian / idealMedian : 0 }
    public var allConverged: Bool { runs.allSatisfy(\.protocolConverged) }
    public var meanBytesPerNodePerRound: Double { Self.mean(runs.map(\.bytesPerNodePerRound)) }
    public var meanDigestBytesPerNodePerRound: Double { Self.mean(runs.map(\.digestBytesPerNodePerRound)) }

    /// Median within `allowedRatio` of the ideal model, worst within log₂N + ln N, all converged.
    public var meetsTargets: Bool {
        allConverged && ratio <= Self.allowedRatio && Double(protocolWorst) <= scenario.pushOnlyBound
    }

    public static func median(_ values: [Int]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
