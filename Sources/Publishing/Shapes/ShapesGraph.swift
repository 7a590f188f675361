import Foundation
import RDF
import RDFSyntax

/// The publishing rules, read from SHACL shapes written as data (`Schemas/grapevine-shapes.ttl`).
///
/// Grapevine understands a small subset of SHACL Core. A shapes file that uses anything beyond it
/// is refused when it is loaded, rather than silently checking less than it says.
public struct ShapesGraph: Sendable {
    public var shapes: [NodeShape]
    /// Where the rules came from, for messages.
    public var source: String

    static let supportedNodeShapeKeys: Set<String> = ["targetClass", "targetSubjectsOf", "targetObjectsOf", "property"]
    static let supportedPropertyKeys: Set<String> = [
        "path", "name", "description", "message", "minCount", "maxCount", "datatype", "nodeKind",
        "pattern", "flags", "class", "order",
    ]

    /// The rules shipped with Grapevine.
    public static func bundled() throws -> ShapesGraph {
        guard let url = Bundle.module.url(forResource: "grapevine-shapes", withExtension: "ttl") else {
            throw ShapesError("the bundled Schemas/grapevine-shapes.ttl is missing from this build")
        }
        var graph = try load(.file(url.path))
        graph.source = "Schemas/grapevine-shapes.ttl"
        return graph
    }

    public static func load(_ source: DocumentSource) throws -> ShapesGraph {
        let quads = try RDFParser.parseAll(source, options: ParseOptions(syntax: .turtle))
        var index: [Term: [String: [Term]]] = [:]
        for quad in quads {
            guard case .iri(let predicate) = quad.predicate else { continue }
            index[quad.subject, default: [:]][predicate, default: []].append(quad.object)
        }
        func shValues(_ node: Term, _ key: String) -> [Term] { index[node]?[SH.namespace + key] ?? [] }
        func shKeys(_ node: Term) -> [String] {
            (index[node] ?? [:]).keys.filter { $0.hasPrefix(SH.namespace) }.map { String($0.dropFirst(SH.namespace.count)) }
        }
        let nodeShapeType = Term.iri(SH.namespace + "NodeShape")
        let shapeNodes = index.filter { $0.value[RDFVocabulary.type]?.contains(nodeShapeType) == true }.keys.sorted()
        var shapes: [NodeShape] = []
        for node in shapeNodes {
            for key in shKeys(node) where !supportedNodeShapeKeys.contains(key) {
                throw ShapesError("\(source.name): shape \(node) uses sh:\(key), which Grapevine does not check")
            }
            var targets: [NodeShape.Target] = []
            targets += shValues(node, "targetClass").compactMap(\.iriValue).map { .classInstances($0) }
            targets += shValues(node, "targetSubjectsOf").compactMap(\.iriValue).map { .subjectsOf($0) }
            targets += shValues(node, "targetObjectsOf").compactMap(\.iriValue).map { .objectsOf($0) }
            var properties: [PropertyShape] = []
            for propertyNode in shValues(node, "property") {
                for key in shKeys(propertyNode) where !supportedPropertyKeys.contains(key) {
                    throw ShapesError("\(source.name): a property of \(node) uses sh:\(key), which Grapevine does not check")
                }
                guard let path = shValues(propertyNode, "path").first?.iriValue else {
                    throw ShapesError("\(source.name): a property of \(node) needs an sh:path that is a single predicate IRI")
                }
                func integer(_ key: String) -> Int? { shValues(propertyNode, key).first?.literalValue.flatMap { Int($0.lexical) } }
                func text(_ key: String) -> String? { shValues(propertyNode, key).first?.literalValue?.lexical }
                var nodeKind: NodeKind?
                if let kind = shValues(propertyNode, "nodeKind").first?.iriValue {
                    guard let parsed = NodeKind(rawValue: String(kind.dropFirst(SH.namespace.count))) else {
                        throw ShapesError("\(source.name): unknown sh:nodeKind <\(kind)>")
                    }
                    nodeKind = parsed
                }
                let pattern = text("pattern")
                if let pattern, (try? NSRegularExpression(pattern: pattern)) == nil {
                    throw ShapesError("\(source.name): sh:pattern \"\(pattern)\" is not a valid regular expression")
                }
                properties.append(PropertyShape(
                    path: path, name: text("name"), message: text("message"),
                    minCount: integer("minCount"), maxCount: integer("maxCount"),
                    datatype: shValues(propertyNode, "datatype").first?.iriValue, nodeKind: nodeKind,
                    pattern: pattern, flags: text("flags"),
                    requiredClass: shValues(propertyNode, "class").first?.iriValue))
            }
            shapes.append(NodeShape(name: node, targets: targets, properties: properties))
        }
        return ShapesGraph(shapes: shapes, source: source.name)
    }
}

public struct ShapesError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
