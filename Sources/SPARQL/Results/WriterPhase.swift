/// Where a writer is in its document, so that misuse is an error rather than a broken document.
struct WriterPhase {
    enum Phase: Equatable {
        case start
        case solutions
        case boolean
        case graph
        case finished
    }

    private(set) var phase = Phase.start
    let format: ResultFormat

    init(_ format: ResultFormat) { self.format = format }

    /// Moves to `next`: solutions and booleans only from the start, more triples after triples,
    /// rows only after `begin`, and nothing after `finish`.
    mutating func enter(_ next: Phase) throws {
        let allowed = switch (phase, next) {
        case (.finished, _): false
        case (_, .finished), (.start, _), (.graph, .graph): true
        default: false
        }
        guard allowed else {
            throw ResultFormatError(.misuse, "\(format.rawValue) writer: cannot write \(next) after \(phase)")
        }
        phase = next
    }

    /// Checks that rows may be written now.
    func expectSolutions() throws {
        guard phase == .solutions else {
            throw ResultFormatError(.misuse, "\(format.rawValue) writer: a solution must follow begin(variables:)")
        }
    }
}
