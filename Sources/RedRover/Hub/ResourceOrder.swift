/// The catalogue's resources in one run's order, numbered: each interest's matches become a
/// sorted list of positions, which is the run's order without sorting strings per interest.
///
/// The order is by the seed's rank of each resource (then its IRI), so that each subscriber's
/// walk (see `HintPicker`) starts among resources in a random order that changes every run, and
/// nobody is always served from the same end of the catalogue.
struct ResourceOrder {
    /// Resource IRIs by position.
    let resources: [String]
    private let positions: [String: Int32]
    /// The same by the store's term id, when the catalogue knows them (see `HintCatalogue.termIDs`).
    private let termPositions: [Int64: Int32]

    init(_ catalogue: HintCatalogue, seed: RunSeed) {
        resources = catalogue.hintsByResource.keys.map { ($0, seed.rank($0)) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        var positions: [String: Int32] = [:]
        var termPositions: [Int64: Int32] = [:]
        positions.reserveCapacity(resources.count)
        for (index, resource) in resources.enumerated() {
            positions[resource] = Int32(index)
            if let id = catalogue.termIDs[resource] { termPositions[id] = Int32(index) }
        }
        self.positions = positions
        self.termPositions = termPositions
    }

    /// The position of a resource the catalogue offers, or nil.
    func position(of resource: String) -> Int32? { positions[resource] }

    /// Whether resources can be looked up by term id (else they must be decoded first).
    var knowsTermIDs: Bool { !termPositions.isEmpty || resources.isEmpty }

    /// The position of the offered resource with this term id, or nil.
    func position(ofTerm id: Int64) -> Int32? { termPositions[id] }

    /// The offerable ones among `resources`, as ascending positions (the run's order).
    func positions(of resources: some Sequence<String>) -> [Int32] {
        resources.compactMap { positions[$0] }.sorted()
    }

    /// The resources at `positions`, for the picker to walk.
    func resources(at positions: [Int32]) -> LazyMapSequence<[Int32], String> {
        positions.lazy.map { resources[Int($0)] }
    }
}
