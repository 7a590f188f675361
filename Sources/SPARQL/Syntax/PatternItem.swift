/// What a triples block is made of once its property paths are translated (§18.2.2.4): triple
/// patterns, which gather into basic graph patterns, and the paths that are not simple links.
enum PatternItem {
    case triple(TriplePattern)
    case path(TermPattern, PropertyPath, TermPattern)
}
