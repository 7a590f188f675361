/// The facets beside the results: for subject, format and publisher, the values the results
/// have and how many have each. A value links to the search narrowed by it; a chosen value links
/// to the search without it.
enum FacetList {
    static func render(_ results: SearchResults) -> HTML {
        let parameters = results.parameters
        var sections: [HTML] = []
        for facet in SearchParameters.Facet.allCases {
            let values = results.facets[facet] ?? []
            guard !values.isEmpty else { continue }
            let items = values.map { value -> HTML in
                let chosen = parameters.isSelected(facet, value.value)
                let link = chosen ? parameters.removing(facet, value.value).url : parameters.adding(facet, value.value).url
                let hint = chosen ? "Remove this filter: \(value.label)" : value.label
                let itemClass: HTML = chosen ? " class=\"chosen\"" : ""
                return """
                    <li\(itemClass)><a href="\(link)" title="\(hint)">\
                    <span class="label">\(chosen ? "✓ " : "")\(value.label)</span><span class="count">\(DisplayFormat.count(value.count))</span></a></li>
                    """
            }
            sections.append("""
                <section class="facet" data-facet="\(facet.rawValue)">
                <h2>\(facet.label)</h2>
                <ul>\(items)</ul>
                </section>
                """)
        }
        if sections.isEmpty { return "<aside class=\"facets\" aria-label=\"Filters\"><p class=\"empty\">No filters for these results.</p></aside>" }
        return "<aside class=\"facets\" aria-label=\"Filters\">\(sections)</aside>"
    }
}
