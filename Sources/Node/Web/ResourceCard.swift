import Foundation
import RDF

/// One resource as a search result (and at the top of its own page): title, who and when,
/// format and size, description, subjects, every location with its expiry, the publisher.
/// Subjects, format and publisher link to the search narrowed by them.
enum ResourceCard {
    /// Descriptions longer than this are cut (at a word) in result lists.
    static let descriptionLimit = 320

    /// - Parameters:
    ///   - full: the whole description, not the first few lines of it.
    ///   - showTitle: false on the resource's own page, whose heading is the title already.
    static func render(_ summary: ResourceSummary, parameters: SearchParameters, full: Bool = false, showTitle: Bool = true) -> HTML {
        let title: HTML = summary.subject.iriValue.map { TermView.link($0, label: summary.displayTitle) }
            ?? HTML(text: summary.displayTitle)
        var meta: [HTML] = []
        if !summary.creators.isEmpty {
            meta.append("<span class=\"creator\">by \(summary.creators.map(agent).joined(separator: ", "))</span>")
        }
        if let date = summary.date { meta.append("<span class=\"date\"><time datetime=\"\(date)\">\(date)</time></span>") }
        for format in summary.formats {
            let link = parameters.adding(.format, format).url
            meta.append("<span class=\"format\"><a href=\"\(link)\" title=\"Only this format\">\(format)</a></span>")
        }
        if let size = summary.size {
            meta.append("<span class=\"size\" title=\"\(DisplayFormat.count(Int(clamping: size))) bytes\">\(DisplayFormat.size(size))</span>")
        }
        var html: HTML = "<article class=\"card\">"
        if showTitle { html += "<h2>\(title)</h2>" }
        if !meta.isEmpty { html += "<p class=\"meta\">\(meta.joined())</p>" }
        if let description = summary.description {
            html += "<p class=\"description\">\(full ? description : shortened(description))</p>"
        }
        if !summary.subjects.isEmpty {
            let tags = summary.subjects.map { subject -> HTML in
                "<li><a href=\"\(parameters.adding(.subject, subject).url)\">\(subject)</a></li>"
            }
            html += "<ul class=\"tags\" aria-label=\"Subjects\">\(tags)</ul>"
        }
        if !summary.locations.isEmpty {
            let items = summary.locations.map { location -> HTML in
                let validity: HTML
                switch (location.validUntil, location.isExpired) {
                case (let until?, true):
                    validity = "<span class=\"validity\">expired \(DisplayFormat.readableDateTime(until))</span>"
                case (let until?, false):
                    validity = "<span class=\"validity\">valid until \(DisplayFormat.readableDateTime(until))</span>"
                case (nil, _):
                    validity = .empty
                }
                let itemClass: HTML = location.isExpired ? " class=\"expired\"" : ""
                return "<li\(itemClass)>\(TermView.externalLink(location.url)) \(validity)</li>"
            }
            html += "<ul class=\"locations\" aria-label=\"Locations\">\(items)</ul>"
        }
        if !summary.publishers.isEmpty {
            let publishers = summary.publishers.map { publisher -> HTML in
                guard let iri = publisher.iri else { return HTML(text: publisher.name) }
                return "<a href=\"\(parameters.adding(.publisher, iri).url)\" title=\"\(iri)\">\(publisher.name)</a>"
            }
            html += "<p class=\"publisher\">Published by \(publishers.joined(separator: ", "))</p>"
        }
        html += "</article>"
        return html
    }

    private static func agent(_ agent: ResourceSummary.Agent) -> HTML {
        agent.iri.map { TermView.link($0, label: agent.name) } ?? HTML(text: agent.name)
    }

    /// The text cut at a word boundary near `descriptionLimit` characters, with an ellipsis.
    static func shortened(_ text: String) -> String {
        guard text.count > descriptionLimit else { return text }
        let cut = text.prefix(descriptionLimit)
        let atWord = cut.lastIndex(where: \.isWhitespace).map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
