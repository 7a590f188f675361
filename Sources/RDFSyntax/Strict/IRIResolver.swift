/// Resolves IRI references against a base IRI by RFC 3986 §5.2 (as RDF 1.1 Turtle and TriG require).
///
/// Raptor 2.0.15 does this itself but gets it wrong when the base path holds empty segments:
/// `../xyz` against `http://ab//de//ghi` gives `http://ab//xyz` instead of `http://ab//de/xyz`
/// (W3C test IRI-resolution-08). The strict layer resolves every reference here and hands Raptor
/// absolute IRIs only. It works on UTF-8 bytes: every delimiter is ASCII, so a multi-byte
/// character is never split, and large documents full of relative IRIs stay fast.
public struct IRIResolver {
    /// Where the components of an IRI reference are (RFC 3986 §3); nil means "not present",
    /// which differs from present-but-empty (`http://a?` has an empty query).
    struct Components {
        var scheme: Range<Int>?
        var authority: Range<Int>?
        var path: Range<Int>
        var query: Range<Int>?
        var fragment: Range<Int>?

        init(_ b: some RandomAccessCollection<UInt8>) {
            let start = b.startIndex
            let count = b.count
            func at(_ k: Int) -> UInt8 { b[b.index(start, offsetBy: k)] }
            var end = count
            var hash: Int?
            var question: Int?
            for k in 0..<count {
                let c = at(k)
                if c == UInt8(ascii: "#") { hash = k; break }
                if c == UInt8(ascii: "?") && question == nil { question = k }
            }
            if let hash {
                fragment = (hash + 1)..<count
                end = hash
            }
            if let question, question < end {
                query = (question + 1)..<end
                end = question
            }
            var k = 0
            // A scheme: a letter, then letters, digits, '+', '-', '.', up to the first ':'.
            if end > 0 && CharacterClasses.isLetter(at(0)) {
                var j = 1
                while j < end {
                    let c = at(j)
                    if c == UInt8(ascii: ":") { scheme = 0..<j; k = j + 1; break }
                    guard CharacterClasses.isLetter(c) || CharacterClasses.isDigit(c)
                            || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { break }
                    j += 1
                }
            }
            if k + 1 < end && at(k) == UInt8(ascii: "/") && at(k + 1) == UInt8(ascii: "/") {
                var j = k + 2
                while j < end && at(j) != UInt8(ascii: "/") { j += 1 }
                authority = (k + 2)..<j
                k = j
            }
            path = k..<end
        }
    }

    private let baseBytes: [UInt8]
    private let base: Components
    /// Whether the base is absolute; a relative base cannot resolve anything.
    var isAbsolute: Bool { base.scheme != nil }

    /// The base path up to and including its last '/' (what a relative path is merged onto),
    /// and whether it holds dot segments.
    private let baseDirectory: Range<Int>
    private let baseDirectoryHasDots: Bool

    public init(base: String) {
        baseBytes = Array(base.utf8)
        self.base = Components(baseBytes)
        let path = self.base.path
        let slash = baseBytes[path].lastIndex(of: UInt8(ascii: "/"))
        baseDirectory = path.lowerBound..<(slash.map { $0 + 1 } ?? path.lowerBound)
        baseDirectoryHasDots = Self.hasDotSegment(baseBytes[baseDirectory])
    }

    /// Whether a path has a "." or ".." segment (only then does removing them change anything).
    static func hasDotSegment(_ path: some Collection<UInt8>) -> Bool {
        var length = 0
        var dots = 0
        for byte in path {
            if byte == UInt8(ascii: "/") {
                if length > 0 && dots == length && length <= 2 { return true }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length > 0 && dots == length && length <= 2
    }

    private static func appendPath(_ path: some Collection<UInt8>, into out: inout [UInt8]) {
        if hasDotSegment(path) { removeDotSegments(Array(path), into: &out) } else { out.append(contentsOf: path) }
    }

    /// RFC 3986 §5.2.2 on strings; see `resolve(_:into:)`.
    public func resolve(_ reference: String) -> String {
        var out: [UInt8] = []
        resolve(Array(reference.utf8), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 3986 §5.2.2, strict (a reference with a scheme is never treated as relative): appends
    /// the target IRI of `reference` to `out`.
    func resolve<R: RandomAccessCollection<UInt8>>(_ reference: R, into out: inout [UInt8]) where R.Index == Int {
        let r = Components(reference)
        func part(_ range: Range<Int>) -> R.SubSequence {
            reference[(reference.startIndex + range.lowerBound)..<(reference.startIndex + range.upperBound)]
        }
        func basePart(_ range: Range<Int>) -> ArraySlice<UInt8> { baseBytes[range] }

        if r.scheme == nil && !isAbsolute {
            out.append(contentsOf: reference)
            return
        }
        // Scheme.
        if let scheme = r.scheme {
            out.append(contentsOf: part(scheme))
        } else if let scheme = base.scheme {
            out.append(contentsOf: basePart(scheme))
        }
        out.append(UInt8(ascii: ":"))
        // Authority, path and query.
        if r.scheme != nil || r.authority != nil {
            if let authority = r.authority {
                out.append(contentsOf: "//".utf8)
                out.append(contentsOf: part(authority))
            }
            Self.appendPath(part(r.path), into: &out)
            if let query = r.query { out.append(UInt8(ascii: "?")); out.append(contentsOf: part(query)) }
        } else {
            if let authority = base.authority {
                out.append(contentsOf: "//".utf8)
                out.append(contentsOf: basePart(authority))
            }
            if r.path.isEmpty {
                out.append(contentsOf: basePart(base.path))
                if let query = r.query {
                    out.append(UInt8(ascii: "?")); out.append(contentsOf: part(query))
                } else if let query = base.query {
                    out.append(UInt8(ascii: "?")); out.append(contentsOf: basePart(query))
                }
            } else {
                if reference[reference.startIndex + r.path.lowerBound] == UInt8(ascii: "/") {
                    Self.appendPath(part(r.path), into: &out)
                } else if !baseDirectoryHasDots && !(base.authority != nil && base.path.isEmpty) && !Self.hasDotSegment(part(r.path)) {
                    // The merge of the common case: nothing to remove.
                    out.append(contentsOf: baseBytes[baseDirectory])
                    out.append(contentsOf: part(r.path))
                } else {
                    // RFC 3986 §5.2.3 merge: the base path up to its last '/', then the reference's.
                    var merged: [UInt8] = []
                    if base.authority != nil && base.path.isEmpty {
                        merged.append(UInt8(ascii: "/"))
                    } else if let slash = basePart(base.path).lastIndex(of: UInt8(ascii: "/")) {
                        merged.append(contentsOf: baseBytes[base.path.lowerBound...slash])
                    }
                    merged.append(contentsOf: part(r.path))
                    Self.removeDotSegments(merged, into: &out)
                }
                if let query = r.query { out.append(UInt8(ascii: "?")); out.append(contentsOf: part(query)) }
            }
        }
        if let fragment = r.fragment {
            out.append(UInt8(ascii: "#"))
            out.append(contentsOf: part(fragment))
        }
    }

    /// RFC 3986 §5.2.4, appending the result to `out`.
    static func removeDotSegments(_ path: [UInt8], into out: inout [UInt8]) {
        var input = path
        let origin = out.count
        var segmentStarts: [Int] = []
        var i = 0
        let n = input.count
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        func at(_ k: Int) -> UInt8? { k < n ? input[k] : nil }
        func pop() {
            if let start = segmentStarts.popLast() { out.removeSubrange(start...) } else { out.removeSubrange(origin...) }
        }
        while i < n {
            let c0 = input[i], c1 = at(i + 1), c2 = at(i + 2), c3 = at(i + 3)
            if c0 == dot && c1 == dot && c2 == slash {                          // A: "../"
                i += 3
            } else if c0 == dot && c1 == slash {                                // A: "./"
                i += 2
            } else if c0 == slash && c1 == dot && c2 == slash {                 // B: "/./"
                i += 2
            } else if c0 == slash && c1 == dot && c2 == nil {                   // B: "/." at the end
                i += 1
                input[i] = slash
            } else if c0 == slash && c1 == dot && c2 == dot && c3 == slash {    // C: "/../"
                i += 3
                pop()
            } else if c0 == slash && c1 == dot && c2 == dot && c3 == nil {      // C: "/.." at the end
                i += 2
                input[i] = slash
                pop()
            } else if (c0 == dot && c1 == nil) || (c0 == dot && c1 == dot && c2 == nil) { // D
                i = n
            } else {                                                            // E: move a segment
                segmentStarts.append(out.count)
                var j = c0 == slash ? i + 1 : i
                while j < n && input[j] != slash { j += 1 }
                out.append(contentsOf: input[i..<j])
                i = j
            }
        }
    }
}
