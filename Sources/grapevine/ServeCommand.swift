import ArgumentParser
import Foundation
import Logging
import Node
import Store

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a node: SPARQL endpoint, Graph Store publishing API, status, metrics and a web page.",
        discussion: """
            Listens on loopback (127.0.0.1:8470) unless told otherwise, logs one line per request, \
            and shuts down cleanly on SIGINT or SIGTERM: requests in flight finish first.

            Endpoints:
              /sparql    SPARQL 1.1 Protocol (GET ?query=, POST form or application/sparql-query)
              /store     Graph Store HTTP Protocol (?graph=IRI); writes need the bearer token
              /status    JSON: version, uptime, descriptions, quads
              /metrics   Prometheus text
              /          the web page: search, facets, resources, a SPARQL editor

            Settings come from --config FILE (YAML: host, port, db, token, query_timeout, \
            max_results, max_body, load); options given here win.
            """
    )

    @Option(name: .long, help: "The store's SQLite file (default: $GRAPEVINE_DB or the per-user data folder).")
    var db: String?

    @Option(help: "Address to listen on.")
    var host: String?

    @Option(help: "Port to listen on.")
    var port: Int?

    @Option(help: "YAML configuration file.", completion: .file())
    var config: String?

    @Option(help: "Bearer token that write requests must carry (or GRAPEVINE_TOKEN).")
    var token: String?

    @Option(name: .customLong("load"), help: "Publish these files or folders before serving (repeatable).", completion: .file())
    var load: [String] = []

    func run() async throws {
        var configuration: NodeConfiguration
        do {
            configuration = try config.map(NodeConfiguration.load(from:)) ?? NodeConfiguration()
        } catch {
            throw fail(error)
        }
        if let db { configuration.databasePath = db }
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if let token = token ?? ProcessInfo.processInfo.environment["GRAPEVINE_TOKEN"] { configuration.token = token }
        configuration.load += load

        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "grapevine")
        let node: GrapevineNode
        do {
            node = try GrapevineNode(configuration: configuration, logger: logger)
            if !configuration.load.isEmpty {
                let outcomes = try node.load(configuration.load)
                logger.info("loaded \(outcomes.count) descriptions, \(outcomes.reduce(0) { $0 + $1.quadCount }) quads")
            }
        } catch {
            throw fail(error)
        }
        logger.info("serving \(configuration.databasePath) on http://\(configuration.host):\(configuration.port)/")
        try await NodeServer.run(node: node)
    }
}
