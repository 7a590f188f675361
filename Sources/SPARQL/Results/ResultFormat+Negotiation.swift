extension ResultFormat {
    /// Picks the format to answer with from an HTTP Accept header, for results of `kind`.
    ///
    /// Each offered format (see `offered(for:)`) gets the best quality the header gives any of
    /// its `acceptedMediaTypes`; the highest quality wins, ties going to the server's order of
    /// preference. A missing or blank header means `*/*`. Returns nil when nothing offered is
    /// acceptable, which an HTTP server answers with 406.
    ///
    ///     ResultFormat.negotiate(accept: "text/csv;q=0.5, application/sparql-results+xml", for: .solutions) // .xml
    public static func negotiate(accept: String?, for kind: ResultKind, offering: [ResultFormat]? = nil) -> ResultFormat? {
        let candidates = (offering ?? offered(for: kind)).filter { $0.supports(kind) }
        guard let accept, accept.contains(where: { !$0.isWhitespace }) else { return candidates.first }
        let header = AcceptHeader(accept)
        var best: (format: ResultFormat, quality: Double)?
        for format in candidates {
            let quality = format.acceptedMediaTypes.map(header.quality(of:)).max() ?? 0
            if quality > 0, quality > (best?.quality ?? 0) { best = (format, quality) }
        }
        return best?.format
    }
}
