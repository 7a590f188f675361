import RDFSyntax

/// The RDF syntax a request body declares with Content-Type.
enum RDFContentType {
    /// What a body's Content-Type says about its syntax.
    enum Declared: Equatable {
        case syntax(Syntax)
        /// No type, or one that names no syntax (`application/octet-stream`, curl's default
        /// form type): the syntax is recognised from the content.
        case unspecified
        case unsupported(String)
    }

    static let syntaxes: [String: Syntax] = [
        "text/turtle": .turtle,
        "application/x-turtle": .turtle,
        "application/turtle": .turtle,
        "application/n-triples": .ntriples,
        "text/plain": .ntriples,
        "application/rdf+xml": .rdfxml,
        "application/xml": .rdfxml,
        "text/xml": .rdfxml,
        "application/rss+xml": .rdfxml,
        "application/n-quads": .nquads,
        "text/x-nquads": .nquads,
        "application/trig": .trig,
        "application/x-trig": .trig,
    ]

    static let unspecifiedTypes: Set<String> = ["application/octet-stream", "application/x-www-form-urlencoded"]

    /// The media types accepted, for messages.
    static let accepted = "text/turtle, application/n-triples, application/rdf+xml, application/n-quads, application/trig"

    static func declared(_ mediaType: String?) -> Declared {
        guard let mediaType, !unspecifiedTypes.contains(mediaType) else { return .unspecified }
        if let syntax = syntaxes[mediaType] { return .syntax(syntax) }
        return .unsupported(mediaType)
    }
}
