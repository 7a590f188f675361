/// One page of search results, the total behind it, and facet counts over all of the results.
struct SearchResults: Sendable {
    /// One value of a facet: what it is (as it goes into a URL), what to call it, how many
    /// results have it.
    struct FacetValue: Sendable, Equatable {
        var value: String
        var label: String
        var count: Int
    }

    var parameters: SearchParameters
    var pageSize: Int
    var total = 0
    var resources: [ResourceSummary] = []
    var facets: [SearchParameters.Facet: [FacetValue]] = [:]
    /// Seconds the search took, for the page's footer line.
    var elapsed: Double = 0

    init(parameters: SearchParameters, pageSize: Int) {
        self.parameters = parameters
        self.pageSize = pageSize
    }

    var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}
