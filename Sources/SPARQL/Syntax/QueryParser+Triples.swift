import RDF

/// Triples (§19.8 rules 52, 55, 74–87, 98–109): subjects with property lists, object lists,
/// blank node property lists `[ … ]` and collections `( … )`, and the terms they are made of.
///
/// In a WHERE pattern, blank nodes become hidden variables (§18.1.3): `_:x` is `?.bnode.x`, and
/// `[]` or a collection node a fresh `?.anonN`. In a CONSTRUCT template they stay blank nodes.
extension QueryParser {
    /// Whether a TriplesSameSubject starts at the current token.
    func startsTriples() -> Bool {
        switch current.kind {
        case .variable, .iri, .prefixedName, .blankNode, .anon, .nilList, .string, .integer, .decimal, .double:
            return true
        case .word:
            return current.isKeyword("TRUE") || current.isKeyword("FALSE")
        case .symbol(let s):
            return s == "(" || s == "["
        default:
            return false
        }
    }

    /// TriplesBlock, TriplesTemplate or ConstructTriples: triples-same-subject separated by '.',
    /// a trailing '.' allowed.
    func parseTriplesList(into items: inout [PatternItem], allowPaths: Bool) throws {
        guard startsTriples() else { return }
        while true {
            try parseTriplesSameSubject(into: &items, allowPaths: allowPaths)
            guard acceptSymbol(".") else { return }
            guard startsTriples() else { return }
        }
    }

    private func parseTriplesSameSubject(into items: inout [PatternItem], allowPaths: Bool) throws {
        if current.isSymbol("(") || current.isSymbol("[") {
            // TriplesNode PropertyList: the property list may be empty.
            let subject = try parseTriplesNode(into: &items, allowPaths: allowPaths)
            if startsVerb(allowPaths: allowPaths) {
                try parsePropertyListNotEmpty(subject, into: &items, allowPaths: allowPaths)
            }
        } else {
            let subject = try parseVarOrTerm()
            guard startsVerb(allowPaths: allowPaths) else {
                throw unexpected(allowPaths ? "a predicate or property path" : "a predicate")
            }
            try parsePropertyListNotEmpty(subject, into: &items, allowPaths: allowPaths)
        }
    }

    private func startsVerb(allowPaths: Bool) -> Bool {
        switch current.kind {
        case .variable, .iri, .prefixedName: return true
        case .word(let w): return w == "a"
        case .symbol(let s): return allowPaths && (s == "^" || s == "!" || s == "(")
        default: return false
        }
    }

    /// PropertyListNotEmpty / PropertyListPathNotEmpty: `Verb ObjectList ( ';' ( Verb ObjectList )? )*`.
    private func parsePropertyListNotEmpty(_ subject: TermPattern, into items: inout [PatternItem], allowPaths: Bool) throws {
        while true {
            let verb = try parseVerb(allowPaths: allowPaths)
            try parseObjectList(subject, verb, into: &items, allowPaths: allowPaths)
            var more = false
            while acceptSymbol(";") {
                if startsVerb(allowPaths: allowPaths) { more = true; break }
            }
            if !more { return }
        }
    }

    /// Verb: a variable, `a`, an IRI, or (in patterns) a property path.
    private func parseVerb(allowPaths: Bool) throws -> Verb {
        if case .variable(let name) = current.kind {
            advance()
            return .variable(Variable(name))
        }
        if allowPaths { return .path(try parsePath()) }
        if case .word("a") = current.kind {
            advance()
            return .path(.link(RDFVocabulary.type))
        }
        guard let iri = try acceptIRI() else { throw unexpected("a predicate") }
        return .path(.link(iri))
    }

    /// ObjectList: objects separated by ','. Each object's own triples follow the triple that
    /// links it to the subject.
    private func parseObjectList(_ subject: TermPattern, _ verb: Verb, into items: inout [PatternItem], allowPaths: Bool) throws {
        repeat {
            var nestedItems: [PatternItem] = []
            let object = try parseGraphNode(into: &nestedItems, allowPaths: allowPaths)
            add(subject, verb, object, into: &items)
            items.append(contentsOf: nestedItems)
        } while acceptSymbol(",")
    }

    /// GraphNode: a term, or a blank node property list or collection.
    private func parseGraphNode(into items: inout [PatternItem], allowPaths: Bool) throws -> TermPattern {
        if current.isSymbol("(") || current.isSymbol("[") {
            return try parseTriplesNode(into: &items, allowPaths: allowPaths)
        }
        return try parseVarOrTerm()
    }

    /// TriplesNode: `[ PropertyListNotEmpty ]` or `( GraphNode+ )`; returns the node.
    private func parseTriplesNode(into items: inout [PatternItem], allowPaths: Bool) throws -> TermPattern {
        try nested {
            if acceptSymbol("[") {
                let node = freshNode()
                try parsePropertyListNotEmpty(node, into: &items, allowPaths: allowPaths)
                try expectSymbol("]")
                return node
            }
            try expectSymbol("(")
            // A collection: node_i rdf:first member_i; rdf:rest node_i+1 (or rdf:nil).
            var members: [TermPattern] = []
            var memberItems: [PatternItem] = []
            while !acceptSymbol(")") {
                members.append(try parseGraphNode(into: &memberItems, allowPaths: allowPaths))
            }
            if members.isEmpty { return .term(.iri(RDFVocabulary.nil)) }   // `( # comment )`
            let nodes = members.map { _ in freshNode() }
            let first = TermPattern.term(.iri(RDFVocabulary.first))
            let rest = TermPattern.term(.iri(RDFVocabulary.rest))
            for (k, member) in members.enumerated() {
                items.append(.triple(TriplePattern(nodes[k], first, member)))
                let next = k + 1 < nodes.count ? nodes[k + 1] : .term(.iri(RDFVocabulary.nil))
                items.append(.triple(TriplePattern(nodes[k], rest, next)))
            }
            items.append(contentsOf: memberItems)
            return nodes[0]
        }
    }

    /// A new blank node: a hidden variable in a pattern, a blank node in a template.
    private func freshNode() -> TermPattern {
        inTemplate ? .term(.blank(freshTemplateLabel())) : .variable(freshVariable("anon"))
    }

    /// The triple(s) of `subject verb object`, with the property path translated (§18.2.2.4):
    /// a link is a triple pattern, `^link` a triple pattern the other way round, a sequence a
    /// chain through fresh variables; any other path stays a path.
    private func add(_ subject: TermPattern, _ verb: Verb, _ object: TermPattern, into items: inout [PatternItem]) {
        guard case .path(let path) = verb else {
            if case .variable(let v) = verb { items.append(.triple(TriplePattern(subject, .variable(v), object))) }
            return
        }
        // Flatten sequences without recursion (a long a/b/c/… chain must not use the stack).
        var steps: [PropertyPath] = []
        var stack = [path]
        while let p = stack.popLast() {
            if case .sequence(let a, let b) = p {
                stack.append(b)
                stack.append(a)
            } else {
                steps.append(p)
            }
        }
        var from = subject
        for (k, step) in steps.enumerated() {
            let to = k == steps.count - 1 ? object : .variable(freshVariable("path"))
            switch step {
            case .link(let iri):
                items.append(.triple(TriplePattern(from, .term(.iri(iri)), to)))
            case .inverse(.link(let iri)):
                items.append(.triple(TriplePattern(to, .term(.iri(iri)), from)))
            default:
                items.append(.path(from, step, to))
            }
            from = to
        }
    }

    /// VarOrTerm: a variable, IRI, literal, blank node or NIL.
    func parseVarOrTerm() throws -> TermPattern {
        let token = current
        switch token.kind {
        case .variable(let name):
            advance()
            return .variable(Variable(name))
        case .blankNode(let label):
            advance()
            if inTemplate { return .term(.blank(label)) }
            guard blankNodes.use(label) else {
                throw error("blank node label _:\(label) is used in two different basic graph patterns", at: token)
            }
            return .variable(Variable(".bnode." + label))
        case .anon:
            advance()
            return freshNode()
        case .nilList:
            advance()
            return .term(.iri(RDFVocabulary.nil))
        default:
            if let iri = try acceptIRI() { return .term(.iri(iri)) }
            if let literal = try acceptLiteral() { return .term(literal) }
            throw unexpected("a variable, an IRI, a literal or a blank node")
        }
    }

    /// RDFLiteral, NumericLiteral or BooleanLiteral, if one is here.
    func acceptLiteral() throws -> Term? {
        switch current.kind {
        case .string(let lexical):
            advance()
            if case .languageTag(let tag) = current.kind {
                advance()
                return .literal(lexical, language: tag)
            }
            if acceptSymbol("^^") {
                return .literal(lexical, datatype: try expectIRI())
            }
            return .literal(lexical)
        case .integer(let text):
            advance()
            return .literal(text, datatype: XSD.integer)
        case .decimal(let text):
            advance()
            return .literal(text, datatype: XSD.decimal)
        case .double(let text):
            advance()
            return .literal(text, datatype: XSD.double)
        case .word:
            if acceptKeyword("TRUE") { return .literal("true", datatype: XSD.boolean) }
            if acceptKeyword("FALSE") { return .literal("false", datatype: XSD.boolean) }
            return nil
        default:
            return nil
        }
    }
}
