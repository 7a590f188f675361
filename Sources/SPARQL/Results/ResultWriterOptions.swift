import RDF

/// Settings shared by the result writers; each uses what applies to it.
public struct ResultWriterOptions: Sendable {
    public enum TableStyle: Sendable {
        /// Box-drawing characters.
        case unicode
        /// `+`, `-` and `|` only.
        case ascii
    }

    /// Namespace prefixes: `table` abbreviates IRIs with them (nothing else does, so that the
    /// interchange formats stay self-contained); Turtle, TriG and RDF/XML declare them.
    public var prefixes: [(prefix: String, namespace: String)]
    public var tableStyle: TableStyle
    /// `table` only: cut longer cell values to this many columns, ending them with `…`.
    public var maxCellWidth: Int?

    public init(prefixes: [(prefix: String, namespace: String)] = WellKnownPrefixes.all,
                tableStyle: TableStyle = .unicode,
                maxCellWidth: Int? = nil) {
        self.prefixes = prefixes
        self.tableStyle = tableStyle
        self.maxCellWidth = maxCellWidth
    }
}
