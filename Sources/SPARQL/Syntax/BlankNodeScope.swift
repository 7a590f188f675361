/// Enforces that a blank node label names one node of one basic graph pattern: the same label in
/// two different basic graph patterns of a query is an error (SPARQL 1.1 grammar, note 10).
///
/// A FILTER does not end a basic graph pattern (W3C test syn-blabel-cross-filter): triples on both
/// sides of it share their labels. Any other element of a group does.
struct BlankNodeScope {
    private var blockOfLabel: [String: Int] = [:]
    private var blockCount = 0
    /// The basic graph pattern being read.
    var currentBlock = 0

    /// Starts a new basic graph pattern (a TriplesBlock, or a CONSTRUCT WHERE template).
    mutating func startBlock() {
        blockCount += 1
        currentBlock = blockCount
    }

    /// Records a use of `label` in the current block; false if another block used it.
    mutating func use(_ label: String) -> Bool {
        if let block = blockOfLabel[label] { return block == currentBlock }
        blockOfLabel[label] = currentBlock
        return true
    }
}
