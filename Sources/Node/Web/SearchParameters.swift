import Foundation

/// What the search page was asked for: keywords, facet values that narrow the results, and a
/// page number. Read from the query string and written back into every link the page makes, so
/// each view (a search, a facet, a page) has its own URL and works without JavaScript.
struct SearchParameters: Sendable, Equatable {
    /// A facet the results can be narrowed by, and the query-string name it travels under.
    enum Facet: String, CaseIterable, Sendable {
        case subject, format, publisher

        var label: String {
            switch self {
            case .subject: "Subject"
            case .format: "Format"
            case .publisher: "Publisher"
            }
        }
    }

    var query = ""
    /// Values each result must have, per facet (all of them, when several are chosen).
    var filters: [Facet: [String]] = [:]
    /// One-based.
    var page = 1

    static let maximumPage = 100_000

    init(query: String = "", filters: [Facet: [String]] = [:], page: Int = 1) {
        self.query = query
        self.filters = filters
        self.page = page
    }

    init(_ form: FormFields) {
        query = String((form["q"] ?? "").prefix(500))
        for facet in Facet.allCases {
            var seen = Set<String>()
            let values = form.all(facet.rawValue).filter { !$0.isEmpty && seen.insert($0).inserted }
            if !values.isEmpty { filters[facet] = Array(values.prefix(10)) }
        }
        page = min(max(Int(form["page"] ?? "") ?? 1, 1), Self.maximumPage)
    }

    var trimmedQuery: String { query.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// True when nothing narrows the view: the browse page.
    var isBrowsing: Bool { trimmedQuery.isEmpty && filters.values.allSatisfy(\.isEmpty) }

    func values(_ facet: Facet) -> [String] { filters[facet] ?? [] }

    func isSelected(_ facet: Facet, _ value: String) -> Bool { values(facet).contains(value) }

    // MARK: Links

    /// The URL of this view (path `/` and a query string in a stable order).
    var url: String {
        var form = FormFields()
        if !query.isEmpty { form.append("q", query) }
        for facet in Facet.allCases {
            for value in values(facet) { form.append(facet.rawValue, value) }
        }
        if page > 1 { form.append("page", String(page)) }
        return form.encoded.isEmpty ? "/" : "/?" + form.encoded
    }

    /// This view narrowed by one more facet value, from its first page.
    func adding(_ facet: Facet, _ value: String) -> SearchParameters {
        var next = self
        if !next.isSelected(facet, value) { next.filters[facet, default: []].append(value) }
        next.page = 1
        return next
    }

    /// This view without a facet value, from its first page.
    func removing(_ facet: Facet, _ value: String) -> SearchParameters {
        var next = self
        next.filters[facet] = values(facet).filter { $0 != value }
        if next.filters[facet]?.isEmpty == true { next.filters[facet] = nil }
        next.page = 1
        return next
    }

    func onPage(_ page: Int) -> SearchParameters {
        var next = self
        next.page = page
        return next
    }
}
