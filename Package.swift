// swift-tools-version:6.2
// Grapevine: peer-to-peer resource discovery on RDF metadata.
//
// Modules follow the data (see DESIGN.md): syntax → store → query → peers → mail → node → CLI.
// A module only imports what sits above it in that chain.
import PackageDescription

/// Upcoming-language features on for every target, so the code is ready for the next language mode.
let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InferIsolatedConformances"),
]

let package = Package(
    name: "Grapevine",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "grapevine", targets: ["grapevine"]),
        .library(name: "RDF", targets: ["RDF"]),
        .library(name: "RDFSyntax", targets: ["RDFSyntax"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Publishing", targets: ["Publishing"]),
        .library(name: "SPARQL", targets: ["SPARQL"]),
        .library(name: "Gossip", targets: ["Gossip"]),
        .library(name: "Mail", targets: ["Mail"]),
        .library(name: "RedRover", targets: ["RedRover"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // libraptor2 from Debian's libraptor2-dev, found through pkg-config.
        .systemLibrary(
            name: "CRaptor",
            pkgConfig: "raptor2",
            providers: [.apt(["libraptor2-dev"])]
        ),
        // GMime 3 (MIME messages) and libcurl (SMTP) from Debian, found through pkg-config.
        .systemLibrary(
            name: "CGMime",
            pkgConfig: "gmime-3.0",
            providers: [.apt(["libgmime-3.0-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-gnutls-dev"])]
        ),
        .target(name: "RDF", swiftSettings: upcoming),
        .target(
            name: "RDFSyntax",
            dependencies: ["RDF", "CRaptor"],
            swiftSettings: upcoming
        ),
        .target(
            name: "Store",
            dependencies: [
                "RDF",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw C API, for the bulk-load path where GRDB's conveniences cost too much.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: upcoming
        ),
        // The publishing pipeline: parse → store → check against Schemas/ shapes, in one transaction.
        .target(
            name: "Publishing",
            dependencies: [
                "RDF", "RDFSyntax", "Store",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.process("Schemas")],
            swiftSettings: upcoming
        ),
        // SPARQL 1.1: parser → algebra → evaluator over the store, and the result formats.
        .target(
            name: "SPARQL",
            dependencies: [
                "RDF", "RDFSyntax", "Store",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming
        ),
        // Peers: signed envelopes gossiped by push-pull anti-entropy. A transport-agnostic core
        // (Protocol/), the store-backed repository, an HTTP transport, and an in-memory simulation.
        .target(
            name: "Gossip",
            dependencies: [
                "RDF", "RDFSyntax", "Store", "Publishing",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        // Mail plumbing under the Red Rover distributor: build and parse messages (GMime), deliver them
        // (SMTP through libcurl, or a sendmail-compatible program), read Maildir and mbox. No RDF here.
        .target(name: "Mail", dependencies: ["CGMime", "CCurl"], swiftSettings: upcoming),
        // Red Rover: hints for subscribers' interests with scattering and leak tracing, mails with
        // a signed block, a persistent outbox; receiving and importing hints from mail.
        .target(
            name: "RedRover",
            dependencies: [
                "RDF", "RDFSyntax", "Store", "Publishing", "SPARQL", "Mail",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming
        ),
        // The running peer: HTTP (SPARQL protocol, Graph Store protocol, web page), configuration
        // (which also holds the Red Rover commands' settings, checked with RedRover's own rules).
        .target(
            name: "Node",
            dependencies: [
                "RDF", "RDFSyntax", "Store", "Publishing", "SPARQL", "Gossip", "Mail", "RedRover",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "grapevine",
            dependencies: [
                "RDF", "RDFSyntax", "Store", "Publishing", "SPARQL", "Gossip", "Mail", "RedRover", "Node",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(name: "RDFTests", dependencies: ["RDF"], swiftSettings: upcoming),
        .testTarget(name: "RDFSyntaxTests", dependencies: ["RDF", "RDFSyntax"], swiftSettings: upcoming),
        .testTarget(name: "StoreTests", dependencies: ["RDF", "Store", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: upcoming),
        .testTarget(name: "PublishingTests", dependencies: ["RDF", "RDFSyntax", "Store", "Publishing"], swiftSettings: upcoming),
        .testTarget(
            name: "ConformanceTests",
            dependencies: ["RDF", "RDFSyntax"],
            exclude: ["known-failures.txt"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "SPARQLTests",
            dependencies: ["RDF", "RDFSyntax", "Store", "SPARQL"],
            exclude: ["known-syntax-failures.txt", "known-evaluation-failures.txt"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "NodeTests",
            dependencies: ["RDF", "RDFSyntax", "Store", "Publishing", "SPARQL", "Gossip", "Mail", "RedRover", "Node"],
            exclude: ["clients"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "GossipTests",
            dependencies: ["RDF", "RDFSyntax", "Store", "Publishing", "Gossip"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "MailTests",
            dependencies: ["Mail"],
            exclude: ["smtp_server.py", "check_mail.py", "forward_mail.py"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "RedRoverTests",
            dependencies: ["RDF", "RDFSyntax", "Store", "Publishing", "SPARQL", "Mail", "RedRover",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: upcoming
        ),
        .testTarget(name: "GrapevineCLITests", dependencies: ["RDF", "RDFSyntax", "Store", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: upcoming),
    ]
)
