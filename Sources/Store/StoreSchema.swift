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
        return migrator
    }
}
