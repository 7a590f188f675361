import Foundation
import RDF

/// Keeps blank nodes whole across the graph blocks of assembled TriG output.
///
/// RDFSerializer writes TriG as one Raptor Turtle serialization per graph, and Raptor's Turtle
/// serializer writes a blank node it sees once as `[]` or `[ … ]`, dropping its label. A blank node
/// that appears in two graphs (or names one graph and appears in another) would then come back as
/// two nodes. So blank nodes go to Raptor as stand-in IRIs (with a random key no literal can
/// guess) and are written back as `_:label` in the captured text of each block.
struct TriGBlankNodes {
    private let prefix = "urn:x-grapevine-blank:\(String(UInt64.random(in: .min ... .max), radix: 36)):"
    private var numbers: [String: Int] = [:]
    private var labels: [String] = []

    /// The term as Raptor should get it.
    mutating func standIn(_ term: Term) -> Term {
        guard case .blank(let label) = term else { return term }
        if let number = numbers[label] { return .iri(prefix + String(number)) }
        numbers[label] = labels.count
        labels.append(label)
        return .iri(prefix + String(labels.count - 1))
    }

    mutating func standIn(_ quad: Quad) -> Quad {
        Quad(standIn(quad.subject), quad.predicate, standIn(quad.object), graph: quad.graph)
    }

    /// The Turtle text with each stand-in `<…>` written back as its blank node.
    func restore(_ text: String) -> String {
        let marker = "<" + prefix
        guard text.contains(marker) else { return text }
        var pieces = text.components(separatedBy: marker)
        for index in pieces.indices.dropFirst() {
            let piece = pieces[index]
            guard let close = piece.firstIndex(of: ">"), let number = Int(piece[..<close]), labels.indices.contains(number) else { continue }
            pieces[index] = Self.spell(labels[number]) + piece[piece.index(after: close)...]
        }
        return pieces.joined()
    }

    /// `_:label`, with labels the grammar would not take (BLANK_NODE_LABEL) hex-encoded. Kept labels
    /// never start with `x_` and encoded ones always do, so distinct labels stay distinct.
    static func spell(_ label: String) -> String {
        if isPlainLabel(label) && !label.hasPrefix("x_") { return "_:" + label }
        return "_:x_" + label.utf8.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// ASCII labels that every Turtle reader takes: `[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?`.
    private static func isPlainLabel(_ label: String) -> Bool {
        guard let first = label.unicodeScalars.first, let last = label.unicodeScalars.last else { return false }
        func body(_ c: Unicode.Scalar) -> Bool {
            c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" || c == ".")
        }
        return label.unicodeScalars.allSatisfy(body) && first != "-" && first != "." && last != "."
    }
}
