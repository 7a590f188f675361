import Foundation
import GRDB
import GRDBSQLite
import RDF

/// Keyword search over the store's literals: an SQLite FTS5 index of the lexical forms of text
/// literals (plain `xsd:string` and language-tagged strings), keyed by term id.
///
/// The index is *external content*: it stores only the inverted index, and reads the text itself
/// from the `text_terms` view over `terms`, so the words of a title are not kept twice. Typed
/// literals (dates, sizes, timestamps) are left out: their digits would only bloat the index.
///
/// The index changes with `terms`, in the same transaction, at the only two places terms come and
/// go: `TermDictionary.add` indexes a text literal as it adds it (`index(_:_:datatypeIRI:in:)`),
/// and `QuadStore.collectUnusedTerms` takes the unused ones out before deleting them
/// (`unindexTerms(listedIn:_:)`). Terms are never updated in place. Triggers would be simpler but
/// cost more than the rest of a bulk load: FTS5 writes its pending index out as a new segment at
/// every statement savepoint, and a trigger (like any `INSERT … SELECT` into FTS5) opens one per
/// row, so loading 1M triples took 60 % longer; a plain one-row `INSERT … VALUES` opens none.
///
/// The tokenizer is `unicode61` with diacritics folded (`resume` finds "résumé"), without
/// stemming: stemming and the prefix match on the word being typed do not mix ("runn*" would not
/// find "running", stemmed to "run").
public enum TextSearch {
    /// The FTS5 table; its rowid is the term id.
    static let table = "term_text"

    /// Creates the index and indexes every text literal already in the store.
    ///
    /// `text_terms` says in SQL which terms are indexed, and `isIndexed` says it in Swift; they
    /// must agree, or FTS5's external-content delete (which subtracts the given text's tokens)
    /// would corrupt the index. FTS5's `integrity-check` compares the index with the view.
    static func createIndex(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIEW text_terms AS
                SELECT id, lexical FROM terms
                WHERE kind = \(StoredTerm.literal)
                  AND (language <> '' OR datatype IN (SELECT id FROM datatypes WHERE iri = '\(XSD.string)'));
            CREATE VIRTUAL TABLE \(table) USING fts5(
                lexical, content = 'text_terms', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO \(table)(\(table)) VALUES ('rebuild');
            """)
    }

    /// Whether a term is a text literal, as `text_terms` decides it.
    static func isIndexed(_ term: StoredTerm, datatypeIRI: String?) -> Bool {
        term.kind == StoredTerm.literal && (!term.language.isEmpty || datatypeIRI == XSD.string)
    }

    /// Indexes a term the dictionary has just added as `id`, if it is a text literal.
    static func index(_ id: Int64, _ term: StoredTerm, datatypeIRI: String?, in db: Database) throws {
        guard isIndexed(term, datatypeIRI: datatypeIRI) else { return }
        let handle = try db.cachedStatement(sql: "INSERT INTO \(table)(rowid, lexical) VALUES (?, ?)").sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, id)
        // Bound without a copy (SQLITE_STATIC): the text lives until the step is done, and the
        // binding is cleared before it goes.
        let code = term.lexical.withCString { text in
            sqlite3_bind_text(handle, 2, text, Int32(term.lexical.utf8.count), nil)
            defer {
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
            }
            return sqlite3_step(handle)
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Takes the terms whose ids `candidates` (a table with an `id` column) lists out of the
    /// index, before they are deleted from `terms`. One statement, whatever their number.
    static func unindexTerms(listedIn candidates: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO \(table)(\(table), rowid, lexical)
            SELECT 'delete', id, lexical FROM text_terms WHERE id IN (SELECT id FROM \(candidates))
            """)
    }

    /// At most this many words of a query are searched for; the rest are ignored.
    public static let maximumWords = 16

    /// The words of a user's query: whitespace-separated, keeping only those with a letter or a
    /// digit in them (a lone `-` or `*` is not a word).
    public static func words(in query: String) -> [String] {
        Array(allWords(in: query).prefix(maximumWords))
    }

    private static func allWords(in query: String) -> [String] {
        separated(query).split(whereSeparator: \.isWhitespace)
            .filter { $0.unicodeScalars.contains(where: CharacterSet.alphanumerics.contains) }
            .map(String.init)
    }

    /// The query with control characters (NUL among them, which FTS5 takes as the end of the
    /// query) turned into spaces: they separate words.
    private static func separated(_ query: String) -> String {
        guard query.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return query }
        return String(String.UnicodeScalarView(query.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// An FTS5 query that finds text containing every word of `query`, or nil when it has none.
    ///
    /// User syntax is never passed through: each word becomes an FTS5 string (in double quotes,
    /// quotes doubled), so `AND`, `NEAR(`, `*`, `-`, `^` and column filters are only text. A word
    /// with punctuation inside (`peer-to-peer`) is a phrase of its parts. The last word also
    /// matches as a prefix when `prefixLastWord` is set and the query does not end in whitespace
    /// (the user is still typing it).
    public static func matchExpression(_ query: String, prefixLastWord: Bool = true) -> String? {
        let all = allWords(in: query)
        var phrases = all.prefix(maximumWords).map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        guard !phrases.isEmpty else { return nil }
        // Only when the word being typed is the last one searched for (not dropped, not cut off).
        if prefixLastWord, all.count <= maximumWords,
           let lastWord = separated(query).split(whereSeparator: \.isWhitespace).last, lastWord == all.last?[...],
           let last = separated(query).last, !last.isWhitespace {
            phrases[phrases.count - 1] += "*"
        }
        return phrases.joined(separator: " ")
    }
}

extension StoreSnapshot {
    /// Text literals containing every word of `query`, best match first, at most `limit` of them.
    ///
    /// `rank` is FTS5's BM25 score negated, so larger is better; it compares matches of one query
    /// only. The last word matches as a prefix unless the query ends in whitespace or
    /// `prefixLastWord` is false. A query without words finds nothing.
    public func searchText(_ query: String, limit: Int, prefixLastWord: Bool = true) throws -> [(termID: Int64, rank: Double)] {
        guard limit > 0, let expression = TextSearch.matchExpression(query, prefixLastWord: prefixLastWord) else { return [] }
        return try Row.fetchAll(database, sql: """
            SELECT rowid, rank FROM \(TextSearch.table) WHERE \(TextSearch.table) MATCH ? ORDER BY rank LIMIT ?
            """, arguments: [expression, limit]).map { row in
            (termID: row[0], rank: -(row[1] as Double))
        }
    }

    /// The ids of text literals containing every word of `query`, in no particular order, at
    /// most `limit` of them: for a caller that wants every match rather than the best ones, and
    /// need not pay for ranking them (BM25 and the sort cost ten times the lookup).
    public func textMatches(_ query: String, limit: Int, prefixLastWord: Bool = true) throws -> [Int64] {
        guard limit > 0, let expression = TextSearch.matchExpression(query, prefixLastWord: prefixLastWord) else { return [] }
        return try Int64.fetchAll(database, sql: "SELECT rowid FROM \(TextSearch.table) WHERE \(TextSearch.table) MATCH ? LIMIT ?",
                                  arguments: [expression, limit])
    }
}
