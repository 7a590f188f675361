import GRDB

/// The store's tables, as GRDB migrations so that later versions can evolve them in place.
///
/// Terms are interned once and everything else joins by integer id: a query never touches term
/// text until it produces output. `quads` has no rowid and four orderings (s p o g, p o s g,
/// o s p g, g s p o) so every triple pattern finds an index whose prefix it binds.
enum StoreSchema {
    /// Secondary quad indexes; dropped and rebuilt around a bulk load into an empty store, which is
    /// about twice as fast as maintaining them row by row.
    static let secondaryIndexes: [(name: String, columns: String)] = [
        ("quads_posg", "p, o, s, g"),
        ("quads_ospg", "o, s, p, g"),
        ("quads_gspo", "g, s, p, o"),
    ]

    /// The lookup of terms by hash; dropped and rebuilt around a load into an empty dictionary.
    static let termHashIndex = (name: "terms_by_hash", columns: "hash")

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: terms, quads, descriptions") { db in
            try db.execute(sql: """
                CREATE TABLE datatypes(
                    id INTEGER PRIMARY KEY,
                    iri TEXT NOT NULL UNIQUE
                );
                -- kind: 1 IRI, 2 blank node (label scoped to its description), 3 literal.
                -- hash: FNV-1a of the natural key; collisions are resolved by comparing the row.
                CREATE TABLE terms(
                    id INTEGER PRIMARY KEY,
                    hash INTEGER NOT NULL,
                    kind INTEGER NOT NULL,
                    lexical TEXT NOT NULL,
                    datatype INTEGER NOT NULL DEFAULT 0,
                    language TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX terms_by_hash ON terms(hash);
                CREATE TABLE quads(
                    s INTEGER NOT NULL,
                    p INTEGER NOT NULL,
                    o INTEGER NOT NULL,
                    g INTEGER NOT NULL,
                    PRIMARY KEY (s, p, o, g)
                ) WITHOUT ROWID;
                -- One row per published description: the verbatim document and what it is.
                CREATE TABLE descriptions(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    graph TEXT NOT NULL UNIQUE,
                    source TEXT NOT NULL,
                    syntax TEXT NOT NULL,
                    publisher TEXT,
                    version INTEGER NOT NULL,
                    issued TEXT NOT NULL,
                    expires TEXT,
                    signature BLOB,
                    digest TEXT NOT NULL DEFAULT '',
                    byte_count INTEGER NOT NULL DEFAULT 0,
                    quad_count INTEGER NOT NULL DEFAULT 0
                );
                -- The verbatim document in the chunks it was read in. Chunks (not one blob) let a
                -- large document stream in without knowing its size, and keep the description row
                -- small, so updating it never rewrites the body.
                CREATE TABLE description_chunks(
                    description INTEGER NOT NULL,
                    sequence INTEGER NOT NULL,
                    bytes BLOB NOT NULL,
                    PRIMARY KEY (description, sequence)
                );
                -- Every named graph in the store and the description that owns it.
                CREATE TABLE description_graphs(
                    graph INTEGER PRIMARY KEY,
                    description INTEGER NOT NULL
                );
                CREATE INDEX description_graphs_by_description ON description_graphs(description);
                """)
            for index in secondaryIndexes {
                try db.execute(sql: "CREATE INDEX \(index.name) ON quads(\(index.columns))")
            }
        }
        // Keyword search over text literals (FTS5), kept in step with `terms` by triggers.
        migrator.registerMigration("v2: text search") { db in
            try TextSearch.createIndex(db)
        }
        // Signed envelopes: the verbatim head of each signed description, retractions that keep
        // travelling after their description is gone, and each publisher's high-water mark.
        migrator.registerMigration("v3: envelopes") { db in
            try db.execute(sql: """
                -- The envelope's head (every byte before the body); the body is description_chunks.
                -- NULL for a description published here without a signature.
                ALTER TABLE descriptions ADD COLUMN envelope BLOB;
                -- The signature is inside the envelope now.
                ALTER TABLE descriptions DROP COLUMN signature;
                CREATE INDEX descriptions_by_publisher ON descriptions(publisher, version) WHERE publisher IS NOT NULL;
                CREATE INDEX descriptions_by_expiry ON descriptions(expires) WHERE expires IS NOT NULL;
                -- A retraction: the whole signed envelope (it has no body), kept so it reaches
                -- every peer and so an older version arriving late cannot bring the graph back.
                CREATE TABLE tombstones(
                    graph TEXT PRIMARY KEY,
                    publisher TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    issued TEXT NOT NULL,
                    expires TEXT,
                    envelope BLOB NOT NULL
                );
                CREATE INDEX tombstones_by_publisher ON tombstones(publisher, version);
                CREATE INDEX tombstones_by_expiry ON tombstones(expires) WHERE expires IS NOT NULL;
                -- The highest version seen of each publisher (the gossip digest). It outlives
                -- replaced and purged descriptions, so a partner never resends what is gone.
                CREATE TABLE publisher_versions(
                    publisher TEXT PRIMARY KEY,
                    version INTEGER NOT NULL
                );
                """)
        }
        // Red Rover: the hub's subscribers, who was told which location (the exposure log), the
        // locations reported blocked, the outgoing mail queue, mail requests already handled; and
        // on the subscriber's side the hints received. Locations are keyed by their URL, which
        // outlives the blank node a republished description gives them.
        migrator.registerMigration("v4: red rover") { db in
            try db.execute(sql: """
                CREATE TABLE subscribers(
                    id INTEGER PRIMARY KEY,
                    address TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    interest TEXT NOT NULL,
                    interest_kind TEXT NOT NULL CHECK (interest_kind IN ('sparql', 'keywords')),
                    every_seconds INTEGER NOT NULL CHECK (every_seconds > 0),
                    max_hints INTEGER NOT NULL CHECK (max_hints > 0),
                    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'unsubscribed')),
                    token TEXT NOT NULL UNIQUE,
                    created TEXT NOT NULL,
                    last_sent TEXT
                );
                CREATE TABLE exposures(
                    subscriber INTEGER NOT NULL,
                    location TEXT NOT NULL,
                    resource TEXT NOT NULL,
                    sent TEXT NOT NULL,
                    message_id TEXT NOT NULL,
                    PRIMARY KEY (subscriber, location)
                );
                CREATE INDEX exposures_by_location ON exposures(location);
                CREATE TABLE blocked_locations(
                    location TEXT PRIMARY KEY,
                    reported TEXT NOT NULL
                );
                CREATE TABLE outbox(
                    id INTEGER PRIMARY KEY,
                    subscriber INTEGER,
                    period TEXT NOT NULL,
                    message_id TEXT NOT NULL UNIQUE,
                    sender TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    bytes BLOB NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt TEXT NOT NULL,
                    last_error TEXT,
                    created TEXT NOT NULL,
                    sent_at TEXT,
                    UNIQUE (subscriber, period)
                );
                CREATE INDEX outbox_due ON outbox(state, next_attempt);
                -- Requests mailed to the hub (subscribe, confirm, unsubscribe) already acted on, by
                -- Message-ID (or the SHA-256 of a message without one): reading the same mailbox
                -- twice sends no second confirmation.
                CREATE TABLE handled_requests(
                    message_key TEXT PRIMARY KEY,
                    handled TEXT NOT NULL
                );
                CREATE TABLE received_hints(
                    hub TEXT NOT NULL,
                    resource TEXT NOT NULL,
                    title TEXT NOT NULL,
                    location TEXT NOT NULL,
                    url TEXT NOT NULL,
                    valid_until TEXT NOT NULL,
                    received TEXT NOT NULL,
                    message_id TEXT,
                    PRIMARY KEY (hub, url)
                );
                """)
        }
        return migrator
    }
}
