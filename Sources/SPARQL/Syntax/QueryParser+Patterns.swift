import RDF

/// Group graph patterns and what they hold (§19.8 rules 53–68), translated by `GroupBuilder`.
extension QueryParser {
    /// GroupGraphPattern, translated (§18.2.2.6), its filters applied.
    func parseGroupGraphPattern() throws -> Algebra {
        let (pattern, filters) = try parseGroupGraphPatternParts()
        guard let condition = GroupBuilder.conjunction(filters) else { return pattern }
        return .filter(condition, pattern)
    }

    /// GroupGraphPattern: `{ SubSelect }` or `{ GroupGraphPatternSub }`, translated, with the
    /// group's own filters apart (OPTIONAL takes them as its LeftJoin condition).
    func parseGroupGraphPatternParts() throws -> (pattern: Algebra, filters: [Expression]) {
        try nested {
            guard current.isSymbol("{") else { throw unexpected("'{'") }
            advance()
            // Aggregates of an enclosing SELECT, HAVING or ORDER BY do not reach into patterns.
            let savedAggregates = aggregates, savedInside = insideAggregate
            aggregates = nil
            insideAggregate = false
            defer { aggregates = savedAggregates; insideAggregate = savedInside }

            if current.isKeyword("SELECT") {
                let algebra = try parseSubSelect()
                try expectSymbol("}")
                return (algebra, [])
            }
            // Nested groups (EXISTS in a FILTER too) have basic graph patterns of their own.
            let outerBlock = blankNodes.currentBlock
            defer { blankNodes.currentBlock = outerBlock }
            var group = GroupBuilder()
            // Whether triples here would continue the basic graph pattern before (FILTERs apart).
            var continuesBlock = try parseTriplesBlock(into: &group, continuing: false)
            while let element = try parseGraphPatternNotTriples(into: &group) {
                _ = acceptSymbol(".")
                let continuing = continuesBlock && element == .filter
                continuesBlock = try parseTriplesBlock(into: &group, continuing: continuing) || continuing
            }
            guard acceptSymbol("}") else {
                if current.isKeyword("SELECT") { throw error("a sub-SELECT must be alone in its own { }") }
                throw unexpected("'}', '.' or a graph pattern")
            }
            return (group.unfiltered, group.filters)
        }
    }

    /// TriplesBlock, if one starts here: a new basic graph pattern, or (`continuing`) more of the
    /// one before a FILTER. Returns whether there was one.
    private func parseTriplesBlock(into group: inout GroupBuilder, continuing: Bool) throws -> Bool {
        guard startsTriples() else { return false }
        if !continuing { blankNodes.startBlock() }
        var items: [PatternItem] = []
        try parseTriplesList(into: &items, allowPaths: true)
        group.addTriples(items)
        return true
    }

    /// The kinds of GraphPatternNotTriples, as far as basic graph patterns care.
    private enum GroupElement { case filter, other }

    /// GraphPatternNotTriples, if one starts here; nil otherwise.
    private func parseGraphPatternNotTriples(into group: inout GroupBuilder) throws -> GroupElement? {
        if current.isSymbol("{") {
            // GroupOrUnionGraphPattern.
            var pattern = try parseGroupGraphPattern()
            while acceptKeyword("UNION") {
                pattern = .union(pattern, try parseGroupGraphPattern())
            }
            group.addJoined(pattern)
        } else if acceptKeyword("OPTIONAL") {
            let (pattern, filters) = try parseGroupGraphPatternParts()
            group.addOptional(pattern, condition: GroupBuilder.conjunction(filters))
        } else if acceptKeyword("MINUS") {
            group.addMinus(try parseGroupGraphPattern())
        } else if acceptKeyword("GRAPH") {
            let name = try parseVarOrIRI()
            group.addJoined(.graph(name, try parseGroupGraphPattern()))
        } else if acceptKeyword("SERVICE") {
            let silent = acceptKeyword("SILENT")
            let name = try parseVarOrIRI()
            group.addJoined(.service(name, try parseGroupGraphPattern(), silent: silent))
        } else if acceptKeyword("FILTER") {
            group.addFilter(try parseConstraint())
            return .filter
        } else if acceptKeyword("BIND") {
            try expectSymbol("(")
            let expression = try nested { try parseExpression() }
            try expectKeyword("AS")
            let variableToken = current
            let variable = try expectVariable()
            try expectSymbol(")")
            // §18.2.1: BIND must introduce a variable the group has not bound before it.
            if VariableScope.inScope(group.unfiltered).contains(variable) {
                throw error("BIND assigns \(variable), which is already in scope in the group before it", at: variableToken)
            }
            group.addBind(variable, expression)
        } else if acceptKeyword("VALUES") {
            group.addJoined(try parseDataBlock())
        } else {
            return nil
        }
        return .other
    }

    /// VarOrIri, for GRAPH and SERVICE.
    private func parseVarOrIRI() throws -> TermPattern {
        if case .variable(let name) = current.kind {
            advance()
            return .variable(Variable(name))
        }
        guard let iri = try acceptIRI() else { throw unexpected("a variable or an IRI") }
        return .term(.iri(iri))
    }
}
