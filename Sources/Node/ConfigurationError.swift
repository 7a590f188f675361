import Yams

/// A configuration file (or a path it names) that cannot be used: the file, the line when the
/// fault has one, and what is wrong, naming the key (`rover.scatter`).
public struct ConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path)\(line.map { " line \($0)" } ?? ""): \(message)" }

    /// What Yams said about a file that is not YAML (or has a key twice), on one line with its line number.
    init(path: String, yaml error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            self.init(path: path, line: mark.line, message: "not YAML: \(problem)\(context.map { " (\($0.text))" } ?? "")")
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(path: path, line: context.mark.line,
                      message: "a mapping gives \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) twice")
        default:
            self.init(path: path, message: "not YAML: \(error)")
        }
    }
}
