import Foundation
import RDF

/// A SHACL node shape: which nodes it targets and what it requires of them.
public struct NodeShape: Sendable {
    public enum Target: Sendable, Equatable {
        case classInstances(String)
        case subjectsOf(String)
        case objectsOf(String)
    }

    public var name: Term
    public var targets: [Target]
    public var properties: [PropertyShape]
}

/// A SHACL property shape whose path is a single predicate.
public struct PropertyShape: Sendable {
    public var path: String
    public var name: String?
    public var message: String?
    public var minCount: Int?
    public var maxCount: Int?
    public var datatype: String?
    public var nodeKind: NodeKind?
    public var pattern: String?
    public var flags: String?
    public var requiredClass: String?

    /// Whether the shape looks at each value (not only at how many there are).
    var checksValues: Bool {
        nodeKind != nil || datatype != nil || pattern != nil || requiredClass != nil
    }

    /// How the shape is named in messages: its `sh:name`, else the predicate's local name.
    public var label: String {
        name ?? String(path.split(whereSeparator: { $0 == "#" || $0 == "/" }).last ?? Substring(path))
    }
}

/// The SHACL node kinds (SHACL §4.1.2).
public enum NodeKind: String, Sendable, CaseIterable {
    case iri = "IRI"
    case literal = "Literal"
    case blankNode = "BlankNode"
    case blankNodeOrIRI = "BlankNodeOrIRI"
    case blankNodeOrLiteral = "BlankNodeOrLiteral"
    case iriOrLiteral = "IRIOrLiteral"

    public func admits(_ term: Term) -> Bool {
        switch (self, term) {
        case (.iri, .iri), (.literal, .literal), (.blankNode, .blank),
             (.blankNodeOrIRI, .blank), (.blankNodeOrIRI, .iri),
             (.blankNodeOrLiteral, .blank), (.blankNodeOrLiteral, .literal),
             (.iriOrLiteral, .iri), (.iriOrLiteral, .literal):
            true
        default:
            false
        }
    }
}

/// One way a description breaks a shape.
public struct ShapeViolation: Sendable, CustomStringConvertible, Equatable {
    /// The offending node, as the document wrote it.
    public var focus: Term
    /// For a blank node, what refers to it, so a reader can find it in the document.
    public var context: String?
    public var shape: Term
    public var path: String
    /// The shape's own message (`sh:message`), or a generated one.
    public var message: String
    /// What was found, e.g. "found 0 values, needs at least 1".
    public var detail: String

    public var description: String {
        let where_ = context.map { "\(focus) (\($0))" } ?? "\(focus)"
        return "\(where_): \(message) — \(detail)"
    }
}
