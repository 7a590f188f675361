import ArgumentParser
import Foundation
import Publishing
import RDFSyntax
import Store

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish RDF descriptions into the store, one named graph per file.",
        discussion: """
            Each file becomes one description, stored as a named graph (by default its file: URL; \
            --graph names it). Publishing the same graph again replaces it. Named graphs inside \
            TriG or N-Quads files are kept and belong to the description.

            Every description is checked against the publishing rules (Schemas/grapevine-shapes.ttl): \
            each gv:Resource needs a title and a location with an absolute URL, and so on. \
            All the files of one command are published in one transaction: if any file is \
            malformed or breaks a rule, nothing is published and the store is left as it was.

            Use - to read one document from standard input (name its syntax with --syntax).

            Every description is signed with the store's identity (<db>.key, created on first \
            use; see `grapevine init`), so peers can tell it is yours: only that key can replace \
            or retract it. Versions count per publisher.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var parsing: ParseArguments

    @Option(help: "The graph IRI to publish to (only with a single file).")
    var graph: String?

    @Flag(name: .customLong("no-validate"), help: "Skip the publishing rules (for loading arbitrary RDF).")
    var noValidate = false

    @Option(help: ArgumentHelp("When the descriptions expire: peers drop them then.",
                               discussion: "A duration from now (90s, 30m, 12h, 7d, 2w) or an ISO 8601 date-time (2026-12-24T18:00:00Z)."))
    var expires: String?

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    @Argument(help: "RDF files to publish, or - for standard input.", completion: .file())
    var files: [String]

    func validate() throws {
        if graph != nil && files.count > 1 {
            throw ValidationError("--graph names one description; give a single file with it")
        }
        if let expires, ExpiryTime.parse(expires) == nil {
            throw ValidationError("--expires '\(expires)' is not \(ExpiryTime.forms)")
        }
    }

    func run() throws {
        try reportingErrors {
            let expiry = expires.flatMap { ExpiryTime.parse($0) }
            let database = try store.open()
            let publisher = DescriptionPublisher(store: database, shapes: noValidate ? nil : try ShapesGraph.bundled(),
                                                 identity: try store.identity())
            let requests = files.map { file in
                PublishRequest(source: file == "-" ? .standardInput : .file(file), graph: graph,
                               parse: parsing.options, validate: !noValidate, expires: expiry)
            }
            let progress = ProgressLine()
            let started = Date()
            let outcomes = try publisher.publish(requests) { source, state in
                progress.update(source, bytes: state.bytesRead, total: state.totalBytes, quads: state.quads)
            }
            progress.finish()
            guard !quiet else { return }
            let seconds = Date().timeIntervalSince(started)
            for (file, outcome) in zip(files, outcomes) {
                let verb = outcome.replaced ? "replaced" : "published"
                print("\(verb) <\(outcome.graph)> v\(outcome.version): \(outcome.quadCount.formatted()) quads from \(file)")
            }
            let total = outcomes.reduce(0) { $0 + $1.quadCount }
            if outcomes.count > 1 || seconds > 1 {
                print(String(format: "%@ quads in %.2f s (%@ quads/s)", total.formatted(), seconds,
                             Int(Double(total) / max(seconds, 0.001)).formatted()))
            }
        }
    }
}
