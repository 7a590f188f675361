import Foundation
import Hummingbird

/// `/`: the search box, results with facets, and paging; with no keywords and no filter, every
/// resource, most recent first.
enum SearchPage {
    static let pageSize = 20

    static func respond(to request: Request, node: GrapevineNode) async throws -> Response {
        let parameters = SearchParameters(FormFields(encoded: request.uri.query))
        let catalogue = Catalogue(store: node.store)
        let results = try await BlockingWork.run { try catalogue.search(parameters, pageSize: pageSize) }
        let title = parameters.trimmedQuery.isEmpty ? "Search" : "“\(parameters.trimmedQuery)”"
        return PageLayout.response(PageLayout.page(title: title, section: .search, body: render(results)))
    }

    static func render(_ results: SearchResults) -> HTML {
        let parameters = results.parameters
        return """
            \(form(parameters))
            <div class="search-layout">
            \(FacetList.render(results))
            <section class="results-column" aria-label="Results">
            \(summaryLine(results))
            \(chosenFilters(results))
            \(list(results))
            \(Pager.render(results))
            </section>
            </div>
            """
    }

    /// The search box. Chosen facet values ride along as hidden fields, so new keywords search
    /// within them (each can be removed above the results).
    static func form(_ parameters: SearchParameters) -> HTML {
        var hidden: [HTML] = []
        for facet in SearchParameters.Facet.allCases {
            for value in parameters.values(facet) {
                hidden.append("<input type=\"hidden\" name=\"\(facet.rawValue)\" value=\"\(value)\">")
            }
        }
        return """
            <form class="search-form" action="/" method="get" role="search">
            <label class="visually-hidden" for="q">Keywords</label>
            <input type="search" id="q" name="q" value="\(parameters.query)" placeholder="Search titles, subjects, descriptions, creators…" autocomplete="off"\(parameters.isBrowsing ? " autofocus" as HTML : .empty)>
            \(hidden)
            <button type="submit">Search</button>
            </form>
            """
    }

    private static func summaryLine(_ results: SearchResults) -> HTML {
        let parameters = results.parameters
        let count = DisplayFormat.count(results.total)
        let noun = results.total == 1 ? "resource" : "resources"
        let timing = HTML(text: " · " + DisplayFormat.milliseconds(results.elapsed))
        var range: HTML = .empty
        if results.pageCount > 1 {
            let first = (parameters.page - 1) * results.pageSize + 1
            let last = min(parameters.page * results.pageSize, results.total)
            if first <= last { range = " · showing \(DisplayFormat.count(first))–\(DisplayFormat.count(last))" }
        }
        if parameters.isBrowsing {
            return "<p class=\"result-summary\"><strong>\(count)</strong> \(noun), most recent first\(range)\(timing)</p>"
        }
        if parameters.trimmedQuery.isEmpty {
            return "<p class=\"result-summary\"><strong>\(count)</strong> \(noun)\(range)\(timing)</p>"
        }
        return "<p class=\"result-summary\"><strong>\(count)</strong> \(noun) matching <strong>“\(parameters.trimmedQuery)”</strong>\(range)\(timing)</p>"
    }

    /// The chosen facet values, each a link that removes it.
    private static func chosenFilters(_ results: SearchResults) -> HTML {
        let parameters = results.parameters
        var items: [HTML] = []
        for facet in SearchParameters.Facet.allCases {
            for value in parameters.values(facet) {
                let label = results.facets[facet]?.first { $0.value == value }?.label ?? value
                items.append("""
                    <li><a href="\(parameters.removing(facet, value).url)" title="Remove this filter">\
                    <span class="facet-name">\(facet.label):</span> \(label)<span class="x" aria-hidden="true">×</span></a></li>
                    """)
            }
        }
        guard !items.isEmpty else { return .empty }
        return "<ul class=\"chosen-filters\" aria-label=\"Filters\">\(items)</ul>"
    }

    private static func list(_ results: SearchResults) -> HTML {
        guard !results.resources.isEmpty else {
            let parameters = results.parameters
            let message: HTML
            if results.total > 0 {
                message = "There is no page \(parameters.page) of these results. <a href=\"\(parameters.onPage(1).url)\">Go to the first page</a>."
            } else if parameters.isBrowsing {
                message = "This node has no resources yet. Publish descriptions with <code>grapevine publish</code>, or start it with <code>--load</code>."
            } else {
                message = "Nothing matches. Try fewer or shorter words, or remove a filter."
            }
            return "<div class=\"no-results\"><p>\(message)</p></div>"
        }
        let items = results.resources.map { "<li>\(ResourceCard.render($0, parameters: results.parameters))</li>" as HTML }
        return "<ol class=\"results\">\(items)</ol>"
    }
}
