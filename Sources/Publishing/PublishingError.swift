import RDF

/// A description that parsed but breaks the publishing rules.
public struct RulesViolated: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var rules: String
    public var violations: [ShapeViolation]
    public var total: Int

    public var description: String {
        var lines = ["\(source): breaks the publishing rules (\(rules)): \(total) problem\(total == 1 ? "" : "s")"]
        for violation in violations { lines.append("  \(violation)") }
        if total > violations.count { lines.append("  … and \(total - violations.count) more") }
        return lines.joined(separator: "\n")
    }
}

/// A publication refused before any work because of what was asked, not what the document says.
public struct PublishRefused: Error, Sendable, CustomStringConvertible, Equatable {
    public var source: String
    public var reason: String

    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): \(reason)" }
}
