import Foundation
import Hummingbird
import RDF

/// `/resource?iri=…`: every statement about one node (its blank-node locations expanded in
/// place), the graphs they come from, and the statements that refer to it. Every IRI links to
/// its own page.
enum ResourcePage {
    static func respond(to request: Request, node: GrapevineNode) async throws -> Response {
        let form = FormFields(encoded: request.uri.query)
        guard let iri = form["iri"]?.trimmingCharacters(in: .whitespacesAndNewlines), !iri.isEmpty else {
            return PageLayout.message(title: "No IRI", heading: "Which resource?",
                                      text: "Give the IRI of a resource, as in <code>/resource?iri=https://…</code>.",
                                      section: .resource, status: .badRequest)
        }
        let catalogue = Catalogue(store: node.store)
        guard let description = try await BlockingWork.run({ try catalogue.describe(iri) }) else {
            return PageLayout.message(title: "Not found", heading: "Nothing is known about this IRI",
                                      text: "No statement in this node’s store mentions <code>\(iri)</code>.",
                                      section: .resource, status: .notFound)
        }
        let title = description.summary?.title ?? description.label ?? TermView.compact(iri) ?? iri
        return PageLayout.response(PageLayout.page(title: title, section: .resource, body: render(description)))
    }

    static func render(_ description: ResourceDescription) -> HTML {
        let iri = description.node.iriValue ?? description.node.description
        let heading = description.summary?.title ?? description.label ?? TermView.compact(iri) ?? iri
        var html: HTML = """
            <header class="resource-head">
            <h1>\(heading)</h1>
            <p class="iri-line"><code>\(iri)</code>\(TermView.isWebAddress(iri) ? " · " + TermView.externalLink(iri, text: "open ↗") : .empty)</p>
            </header>
            """
        if let summary = description.summary {
            html += ResourceCard.render(summary, parameters: SearchParameters(), full: true, showTitle: false)
        }
        let graphs = description.graphs
        if !description.statements.isEmpty {
            let from: HTML = graphs.isEmpty ? .empty
                : "<p class=\"graphs\">From \(graphs.count == 1 ? "the description" : "the descriptions") \(graphs.map(TermView.render).joined(separator: ", "))</p>"
            html += """
                <h2 class="section-title">Statements</h2>
                \(from)
                \(table(description.statements, showGraphs: graphs.count > 1, nested: false))
                """
        }
        if !description.references.isEmpty {
            let items = description.references.map { reference -> HTML in
                let subject: HTML = reference.subject.iriValue.map { TermView.link($0, label: reference.label) }
                    ?? TermView.render(reference.subject)
                return "<li>\(subject) <span class=\"via\">\(TermView.compact(reference.predicate.iriValue ?? "") ?? reference.predicate.description)</span></li>"
            }
            let more: HTML = description.moreReferences ? "<p class=\"truncated\">Only the first \(Catalogue.referenceLimit) are listed.</p>" : .empty
            html += """
                <h2 class="section-title">Referred to by</h2>
                <ul class="references">\(items)</ul>
                \(more)
                """
        }
        let query = "SELECT ?predicate ?object WHERE {\n  <\(NTriples.escapeIRI(iri))> ?predicate ?object\n}"
        html += "<p class=\"truncated\"><a href=\"/query?query=\(FormFields.encode(query))\">Query this resource in SPARQL</a></p>"
        return html
    }

    /// One row per property, its values one under another; a blank-node value (a location) is
    /// expanded into a table of its own.
    private static func table(_ statements: [ResourceDescription.Statement], showGraphs: Bool, nested: Bool) -> HTML {
        var groups: [(predicate: Term, statements: [ResourceDescription.Statement])] = []
        for statement in statements {
            if groups.last?.predicate == statement.predicate {
                groups[groups.count - 1].statements.append(statement)
            } else {
                groups.append((statement.predicate, [statement]))
            }
        }
        let rows = groups.map { group -> HTML in
            let values = group.statements.map { statement -> HTML in
                // A blank node's label means nothing to a reader: its statements stand in for it.
                var value = statement.nested.isEmpty ? TermView.render(statement.object)
                    : table(statement.nested, showGraphs: false, nested: true)
                if showGraphs {
                    value += "<span class=\"graph\"> in \(statement.graphs.map(TermView.render).joined(separator: ", "))</span>"
                }
                return "<div class=\"value\">\(value)</div>"
            }
            return "<tr><td class=\"predicate\">\(TermView.render(group.predicate))</td><td>\(values)</td></tr>"
        }
        if nested { return "<table class=\"nested\">\(rows)</table>" }
        return """
            <table class="statements">
            <thead><tr><th scope="col">Property</th><th scope="col">Value</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }
}
