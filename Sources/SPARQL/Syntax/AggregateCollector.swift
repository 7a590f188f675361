/// The aggregates of one query level (§18.2.4.1): each distinct aggregate written in its SELECT,
/// HAVING or ORDER BY gets one hidden variable, which replaces the aggregate where it was written.
final class AggregateCollector {
    private(set) var bindings: [AggregateBinding] = []
    private var variables: [Aggregate: Variable] = [:]

    var isEmpty: Bool { bindings.isEmpty }

    /// The variable standing for `aggregate`, made with `fresh` the first time it is seen.
    func variable(for aggregate: Aggregate, fresh: () -> Variable) -> Variable {
        if let variable = variables[aggregate] { return variable }
        let variable = fresh()
        variables[aggregate] = variable
        bindings.append(AggregateBinding(variable: variable, aggregate: aggregate))
        return variable
    }
}
