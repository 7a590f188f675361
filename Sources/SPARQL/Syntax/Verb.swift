/// The predicate position of a triple as written: a variable, or a property path (a plain IRI
/// and `a` are one-link paths).
enum Verb {
    case variable(Variable)
    case path(PropertyPath)
}
