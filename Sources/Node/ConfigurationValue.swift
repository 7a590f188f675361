import Yams

/// One value of a configuration file, read with Yams' node API rather than as `Any`, so that
/// every complaint can say which file, which line and which key (`rover.scatter`) it is about.
struct ConfigurationValue {
    let node: Yams.Node
    /// The key's full name: `port`, `rover.from`.
    let key: String
    /// The configuration file.
    let path: String
    /// Where errors point: the line of the key (of the item, in a list).
    let line: Int?

    init(node: Yams.Node, key: String, path: String, line: Int? = nil) {
        self.node = node
        self.key = key
        self.path = path
        self.line = line ?? node.mark?.line
    }

    /// An error about this value: `node.yaml line 7: 'rover.scatter' must be …`.
    func error(_ problem: String) -> ConfigurationError {
        ConfigurationError(path: path, line: line, message: "'\(key)' \(problem)")
    }

    /// The text of a single value (a number is taken as its digits).
    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("must be a single value, not a \(kind)") }
        guard node.null == nil || scalar.style != .plain else { throw error("has no value") }
        return scalar.string
    }

    func int() throws -> Int {
        guard let value = node.int else { throw error("must be a whole number, not \(shown)") }
        return value
    }

    /// A number of seconds or the like: whole or with a fraction.
    func number() throws -> Double {
        guard let value = node.int.map(Double.init) ?? node.float, value.isFinite else {
            throw error("must be a number, not \(shown)")
        }
        return value
    }

    /// A list of single values; one value alone is a list of one, and no value an empty list.
    func strings() throws -> [String] {
        switch node {
        case .sequence(let sequence):
            return try sequence.enumerated().map { index, item in
                try ConfigurationValue(node: item, key: "\(key)[\(index + 1)]", path: path).string()
            }
        case .scalar where node.null != nil:
            return []
        default:
            return [try string()]
        }
    }

    /// The entries of a mapping, in file order, each named `key.entry`. Keys must be plain
    /// words (Yams has already refused a key given twice).
    func entries(prefix: String? = nil) throws -> [(name: String, value: ConfigurationValue)] {
        guard case .mapping(let mapping) = node else {
            if case .scalar = node, node.null != nil { return [] }
            throw error("must be a mapping of keys to values, not \(shown)")
        }
        return try mapping.map { keyNode, valueNode in
            let name = keyNode.string ?? ""
            guard case .scalar = keyNode, !name.isEmpty else {
                throw ConfigurationError(path: path, line: keyNode.mark?.line, message: "a key\(key.isEmpty ? "" : " of '\(key)'") is not a plain word")
            }
            return (name, ConfigurationValue(node: valueNode, key: (prefix.map { $0 + "." } ?? "") + name, path: path,
                                             line: keyNode.mark?.line))
        }
    }

    private var kind: String {
        switch node {
        case .mapping: "mapping"
        case .sequence: "list"
        default: "value"
        }
    }

    /// The value as the message quotes it.
    private var shown: String {
        if case .scalar(let scalar) = node { return node.null != nil ? "nothing" : "'\(scalar.string)'" }
        return "a \(kind)"
    }
}
