import RDF

/// How RDF terms appear on the page: IRIs as links to their own resource page (written with a
/// well-known prefix where one fits), literals as text with their language or datatype.
enum TermView {
    /// Prefixes used to shorten IRIs for reading; the full IRI is always in the link's title.
    static let prefixes: [(prefix: String, namespace: String)] = WellKnownPrefixes.all + [
        ("owl", "http://www.w3.org/2002/07/owl#"),
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("schema", "https://schema.org/"),
        ("dcat", "http://www.w3.org/ns/dcat#"),
        ("rss", "http://purl.org/rss/1.0/"),
    ]

    /// `dcterms:title` for `http://purl.org/dc/terms/title`, when a prefix fits and the rest is a
    /// plain local name.
    static func compact(_ iri: String) -> String? {
        for (prefix, namespace) in prefixes where iri.hasPrefix(namespace) {
            let local = iri.dropFirst(namespace.count)
            if !local.isEmpty, local.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
                return prefix + ":" + local
            }
        }
        return nil
    }

    /// The page about a node.
    static func resourceURL(_ iri: String) -> String { "/resource?iri=" + FormFields.encode(iri) }

    /// A link to the page about `iri`, showing `label` (else the compact or full IRI).
    static func link(_ iri: String, label: String? = nil) -> HTML {
        "<a class=\"iri\" href=\"\(resourceURL(iri))\" title=\"\(iri)\">\(label ?? compact(iri) ?? iri)</a>"
    }

    /// Whether a browser can follow the IRI itself (to show an outgoing link beside it).
    static func isWebAddress(_ iri: String) -> Bool {
        let lower = iri.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    /// An outgoing link (to a copy of a resource, a homepage).
    static func externalLink(_ url: String, text: String? = nil) -> HTML {
        guard isWebAddress(url) else { return "<span class=\"url\">\(text ?? url)</span>" }
        return "<a class=\"url\" href=\"\(url)\" rel=\"nofollow noopener\">\(text ?? url)</a>"
    }

    static func render(_ term: Term) -> HTML {
        switch term {
        case .iri(let iri):
            return link(iri)
        case .blank(let label):
            return "<span class=\"bnode\" title=\"blank node\">_:\(label)</span>"
        case .literal(let literal):
            var html: HTML = "<span class=\"literal\">\(literal.lexical)</span>"
            if let language = literal.language {
                html += "<span class=\"annotation\">@\(language)</span>"
            } else if literal.datatype != XSD.string {
                html += "<span class=\"annotation\">^^\(compact(literal.datatype) ?? "<" + literal.datatype + ">")</span>"
            }
            return html
        }
    }
}
