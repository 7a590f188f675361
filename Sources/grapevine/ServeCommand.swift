import ArgumentParser
import Foundation
import Logging
import Node
import Publishing
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
              /gossip/*  anti-entropy with other nodes (binary; see `grapevine peers`)
              /          the web page: search, facets, resources, a SPARQL editor

            The node signs what it publishes with the identity beside its database (created on \
            first use; see `grapevine init`) and gossips every description to its peers: give one \
            or more with --peer and the rest are learned. Publishing into the node's database with \
            `grapevine publish` while it runs is gossiped too.

            Settings come from --config FILE (YAML: host, port, db, token, query_timeout, \
            max_results, max_body, load, peers, advertise, trust, network_key, gossip_interval, \
            gossip_budget, max_envelope); options given here win. GRAPEVINE_NETWORK_KEY sets the \
            network key without writing it in a file.

            Example, three nodes on one machine:
              grapevine serve --db a.sqlite --port 8471 &
              grapevine serve --db b.sqlite --port 8472 --peer http://127.0.0.1:8471 &
              grapevine serve --db c.sqlite --port 8473 --peer http://127.0.0.1:8472 &
              grapevine publish --db a.sqlite catalogue.ttl   # reaches b and c within seconds
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

    @Option(name: .customLong("peer"), help: "A node to join the network through, as http://HOST:PORT (repeatable).")
    var peers: [String] = []

    @Option(help: "Where peers reach this node (default: http://HOST:PORT as it listens).")
    var advertise: String?

    @Option(name: .customLong("gossip-interval"), help: "Seconds between gossip rounds (default 1).")
    var gossipInterval: Double?

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
        configuration.peers += peers
        if let advertise { configuration.advertise = advertise }
        if let gossipInterval { configuration.gossipInterval = gossipInterval }
        if let key = ProcessInfo.processInfo.environment["GRAPEVINE_NETWORK_KEY"] { configuration.networkKey = key }

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
        logger.info("serving \(configuration.databasePath) on http://\(configuration.host):\(configuration.port)/ as peer \(node.gossip.identity.id)")
        try await NodeServer.run(node: node)
    }
}
