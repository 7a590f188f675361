/// What `purgeExpired(now:)` removed, by graph IRI.
public struct PurgeReport: Sendable, Equatable {
    public var descriptions: [String]
    public var retractions: [String]

    public init(descriptions: [String] = [], retractions: [String] = []) {
        self.descriptions = descriptions
        self.retractions = retractions
    }

    public var isEmpty: Bool { descriptions.isEmpty && retractions.isEmpty }

    /// How many descriptions and retractions went.
    public var count: Int { descriptions.count + retractions.count }
}
