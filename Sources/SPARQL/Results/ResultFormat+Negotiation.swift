extension ResultFormat {
    /// Picks the format to answer with from an HTTP Accept header, for results of `kind`.
    ///
    /// Each offered format (see `offered(for:)`) is rated by the most specific range of the
    /// header that matches one of its `acceptedMediaTypes`, so `application/sparql-results+json;q=0`
    /// rules JSON out even under `*/*`. The highest quality wins; among equals, a more specific
    /// match, then a match of the format's own media type rather than an alias (`text/*` picks
    /// CSV over XML-as-`text/xml`), then the server's order of preference. A missing or blank
    /// header means `*/*`. Returns nil when nothing offered is acceptable: an HTTP server
    /// answers 406.
    ///
    ///     ResultFormat.negotiate(accept: "text/csv;q=0.5, application/sparql-results+xml", for: .solutions) // .xml
    public static func negotiate(accept: String?, for kind: ResultKind, offering: [ResultFormat]? = nil) -> ResultFormat? {
        let candidates = (offering ?? offered(for: kind)).filter { $0.supports(kind) }
        guard let accept, accept.contains(where: { !$0.isWhitespace }) else { return candidates.first }
        let header = AcceptHeader(accept)
        var best: (format: ResultFormat, rank: (Double, Int, Int))?
        for format in candidates {
            var rating: (quality: Double, specificity: Int, own: Int)?
            for (index, mediaType) in format.acceptedMediaTypes.enumerated() {
                guard let match = header.match(for: mediaType) else { continue }
                let candidate = (match.quality, match.specificity, index == 0 ? 1 : 0)
                if rating == nil || (candidate.1, candidate.0, candidate.2) > (rating!.specificity, rating!.quality, rating!.own) {
                    rating = candidate
                }
            }
            guard let rating, rating.quality > 0 else { continue }
            let rank = (rating.quality, rating.specificity, rating.own)
            if best == nil || rank > best!.rank { best = (format, rank) }
        }
        return best?.format
    }
}
