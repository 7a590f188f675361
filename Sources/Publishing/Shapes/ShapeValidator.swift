import Foundation
import RDF
import Store

/// Checks a description against the shapes, inside its publishing transaction.
///
/// Works over the store's indexes through `DescriptionReader`: focus nodes and values are fetched
/// per shape and predicate, so a million-triple description is checked without loading it.
public struct ShapeValidator: Sendable {
    public let shapes: ShapesGraph
    /// Stop collecting after this many violations; the first ones say enough.
    public var limit: Int

    public init(shapes: ShapesGraph, limit: Int = 20) {
        self.shapes = shapes
        self.limit = limit
    }

    /// Returns the violations found (at most `limit`) and how many there were in all.
    public func validate(_ reader: DescriptionReader) throws -> (violations: [ShapeViolation], total: Int) {
        var violations: [ShapeViolation] = []
        var total = 0
        let typeID = try reader.id(of: .iri(RDFVocabulary.type))
        for shape in shapes.shapes {
            var focus = Set<Int64>()
            for target in shape.targets {
                switch target {
                case .classInstances(let type):
                    if let typeID, let classID = try reader.id(of: .iri(type)) {
                        focus.formUnion(try reader.subjects(predicate: typeID, object: classID))
                    }
                case .subjectsOf(let predicate):
                    if let id = try reader.id(of: .iri(predicate)) { focus.formUnion(try reader.pairs(predicate: id).map(\.subject)) }
                case .objectsOf(let predicate):
                    if let id = try reader.id(of: .iri(predicate)) {
                        focus.formUnion(try reader.pairs(predicate: id).map(\.object))
                    }
                }
            }
            guard !focus.isEmpty else { continue }
            for property in shape.properties {
                // Each value as the document wrote it, read along with the pairs when it is checked.
                var values: [Int64: [(id: Int64, term: Term?)]] = [:]
                if let predicate = try reader.id(of: .iri(property.path)) {
                    if property.checksValues {
                        for value in try reader.values(predicate: predicate) where focus.contains(value.subject) {
                            values[value.subject, default: []].append((value.object, value.value))
                        }
                    } else {
                        for pair in try reader.pairs(predicate: predicate) where focus.contains(pair.subject) {
                            values[pair.subject, default: []].append((pair.object, nil))
                        }
                    }
                }
                let regex = try property.pattern.map { try NSRegularExpression(pattern: $0, options: regexOptions(property.flags)) }
                let classID = try property.requiredClass.flatMap { try reader.id(of: .iri($0)) }
                for node in focus.sorted() {
                    let nodeValues = values[node] ?? []
                    var problems: [String] = []
                    if let minimum = property.minCount, nodeValues.count < minimum {
                        problems.append("found \(nodeValues.count) value\(nodeValues.count == 1 ? "" : "s"), needs at least \(minimum)")
                    }
                    if let maximum = property.maxCount, nodeValues.count > maximum {
                        problems.append("found \(nodeValues.count) values, allows at most \(maximum)")
                    }
                    for (valueID, term) in nodeValues {
                        guard let value = term else { continue }
                        problems += try check(value, id: valueID, against: property, regex: regex, classID: classID,
                                              typeID: typeID, reader: reader)
                    }
                    for problem in problems {
                        total += 1
                        guard violations.count < limit else { continue }
                        violations.append(ShapeViolation(
                            focus: try reader.displayTerm(node), context: try context(of: node, reader: reader),
                            shape: shape.name, path: property.path,
                            message: property.message ?? "\(property.label) (<\(property.path)>) breaks \(shape.name)",
                            detail: problem))
                    }
                }
            }
        }
        return (violations, total)
    }

    private func check(_ value: Term, id: Int64, against property: PropertyShape, regex: NSRegularExpression?,
                       classID: Int64?, typeID: Int64?, reader: DescriptionReader) throws -> [String] {
        var problems: [String] = []
        if let kind = property.nodeKind, !kind.admits(value) {
            problems.append("\(value) is not of kind sh:\(kind.rawValue)")
        }
        if let datatype = property.datatype {
            if case .literal(let literal) = value, literal.datatype == datatype {
                if !LexicalForms.isValid(literal.lexical, datatype: datatype) {
                    problems.append("\(value) is not a valid <\(datatype)>")
                }
            } else {
                problems.append("\(value) is not a literal of datatype <\(datatype)>")
            }
        }
        if let regex {
            // SHACL matches patterns against the string form of IRIs and literals, never blank nodes.
            let text: String
            switch value {
            case .iri(let iri): text = iri
            case .literal(let literal): text = literal.lexical
            case .blank: text = ""
            }
            if value.isBlank || regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                problems.append("\(value) does not match \"\(regex.pattern)\"")
            }
        }
        if let requiredClass = property.requiredClass {
            let types = try typeID.map { try reader.objects(subject: id, predicate: $0) } ?? []
            if classID == nil || !types.contains(classID!) {
                problems.append("\(value) is not a <\(requiredClass)>")
            }
        }
        return problems
    }

    /// For a blank node, what refers to it: "gv:location of <https://…>".
    private func context(of node: Int64, reader: DescriptionReader) throws -> String? {
        guard try reader.term(node).isBlank, let referrer = try reader.referrer(of: node) else { return nil }
        let predicate = try reader.term(referrer.predicate)
        let name = predicate.iriValue.map { iri in
            WellKnownPrefixes.all.first { iri.hasPrefix($0.namespace) }.map { "\($0.prefix):\(iri.dropFirst($0.namespace.count))" } ?? "<\(iri)>"
        } ?? predicate.description
        return "\(name) of \(try reader.displayTerm(referrer.subject))"
    }

    private func regexOptions(_ flags: String?) -> NSRegularExpression.Options {
        var options: NSRegularExpression.Options = []
        if flags?.contains("i") == true { options.insert(.caseInsensitive) }
        if flags?.contains("m") == true { options.insert(.anchorsMatchLines) }
        if flags?.contains("s") == true { options.insert(.dotMatchesLineSeparators) }
        if flags?.contains("x") == true { options.insert(.allowCommentsAndWhitespace) }
        return options
    }
}
