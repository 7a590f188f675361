/// Links to the other pages of a result list: previous, a few numbers around the current page
/// with the first and last, next.
enum Pager {
    static func render(_ results: SearchResults) -> HTML {
        let current = results.parameters.page
        let last = results.pageCount
        guard last > 1 else { return .empty }
        func link(_ page: Int, _ label: String, rel: String? = nil) -> HTML {
            let relation: HTML = rel.map { " rel=\"\($0)\"" } ?? .empty
            return "<li><a href=\"\(results.parameters.onPage(page).url)\"\(relation)>\(label)</a></li>"
        }
        var items: [HTML] = []
        if current > 1 { items.append(link(current - 1, "← Previous", rel: "prev")) }
        var shown = Set([1, last])
        for page in (current - 2)...(current + 2) where page >= 1 && page <= last { shown.insert(page) }
        var previous = 0
        for page in shown.sorted() {
            if page > previous + 1 { items.append("<li><span class=\"gap\">…</span></li>") }
            items.append(page == current ? "<li><span aria-current=\"page\">\(page)</span></li>" : link(page, String(page)))
            previous = page
        }
        if current < last { items.append(link(current + 1, "Next →", rel: "next")) }
        return "<nav aria-label=\"Pages\"><ul class=\"pager\">\(items)</ul></nav>"
    }
}
