/// An HTTP Accept header (RFC 9110 §12.5.1): media ranges with their quality values.
///
/// Parsing is forgiving: malformed ranges are skipped, a malformed or out-of-range `q` counts
/// as 1 (clamped to 0…1), and parameters other than `q` are kept but do not affect matching.
public struct AcceptHeader: Sendable, Equatable {
    public struct MediaRange: Sendable, Equatable {
        /// Lower-cased type, or `*`.
        public var type: String
        /// Lower-cased subtype, or `*`.
        public var subtype: String
        /// The quality value, 0…1 (0 means "not acceptable").
        public var quality: Double
        /// Other parameters, names lower-cased.
        public var parameters: [String: String]

        public init(type: String, subtype: String, quality: Double = 1, parameters: [String: String] = [:]) {
            self.type = type.lowercased()
            self.subtype = subtype.lowercased()
            self.quality = quality
            self.parameters = parameters
        }

        /// How specifically this range matches `mediaType` (`type/subtype`): 3 exactly, 2 by
        /// `type/*`, 1 by `*/*`; nil when it does not match.
        public func specificity(for mediaType: String) -> Int? {
            let parts = mediaType.lowercased().split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            if type == "*" && subtype == "*" { return 1 }
            guard type == parts[0] else { return nil }
            if subtype == "*" { return 2 }
            return subtype == parts[1] ? 3 : nil
        }
    }

    public var ranges: [MediaRange]

    public init(ranges: [MediaRange]) { self.ranges = ranges }

    public init(_ header: String) {
        var ranges: [MediaRange] = []
        for item in header.split(separator: ",") {
            let pieces = item.split(separator: ";").map { $0.trimmingWhitespace() }
            guard let range = pieces.first, !range.isEmpty else { continue }
            let names = range.split(separator: "/", omittingEmptySubsequences: false)
            guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty,
                  names[0] != "*" || names[1] == "*" else { continue }
            var quality = 1.0
            var parameters: [String: String] = [:]
            for parameter in pieces.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
                guard pair.count == 2 else { continue }
                let name = pair[0].lowercased()
                var value = pair[1]
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                if name == "q" {
                    quality = Double(value).map { min(1, max(0, $0)) } ?? 1
                } else {
                    parameters[name] = value
                }
            }
            ranges.append(MediaRange(type: String(names[0]), subtype: String(names[1]), quality: quality, parameters: parameters))
        }
        self.ranges = ranges
    }

    /// The quality the header gives `mediaType`: that of the most specific range matching it
    /// (the first such range on a tie), or 0 when none does.
    public func quality(of mediaType: String) -> Double {
        match(for: mediaType)?.quality ?? 0
    }

    /// The most specific range matching `mediaType` (the first such range on a tie): its
    /// specificity (see `MediaRange.specificity(for:)`) and quality; nil when none matches.
    public func match(for mediaType: String) -> (specificity: Int, quality: Double)? {
        var best: (specificity: Int, quality: Double)?
        for range in ranges {
            guard let specificity = range.specificity(for: mediaType) else { continue }
            if best == nil || specificity > best!.specificity { best = (specificity, range.quality) }
        }
        return best
    }
}

private extension Substring {
    func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
