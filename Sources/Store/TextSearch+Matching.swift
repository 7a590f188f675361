import Foundation
import GRDB

/// The keywords of a `gv:matches` search, as the SPARQL engine reads them: whitespace-separated
/// words that must all occur as whole words of a text literal (case and diacritics folded by the
/// FTS5 tokenizer); a word written with a trailing `*` matches any word it begins.
///
/// Unlike the search box (`TextSearch.matchExpression`), no word is a prefix unless it says so: a
/// query is not typed as it runs, and exact words keep `gv:matches` close to a word-bounded REGEX.
public struct TextKeywords: Hashable, Sendable {
    public struct Word: Hashable, Sendable {
        public var text: String
        public var isPrefix: Bool
    }

    public var words: [Word]

    /// The keywords of `text`, or nil when it has no word (only spaces, `*` or punctuation).
    public init?(_ text: String) {
        words = TextSearch.words(in: text).compactMap { word in
            var text = Substring(word)
            var isPrefix = false
            while text.last == "*" {
                text.removeLast()
                isPrefix = true
            }
            guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
                return nil
            }
            return Word(text: String(text), isPrefix: isPrefix)
        }
        if words.isEmpty { return nil }
    }

    /// The FTS5 query: each word an FTS5 string (so no user text is FTS5 syntax), prefixes starred.
    var matchExpression: String {
        words.map { "\"" + $0.text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + ($0.isPrefix ? "*" : "") }
            .joined(separator: " ")
    }
}

extension StoreSnapshot {
    /// The ids of every text literal that contains all of `keywords`, in increasing order.
    public func textLiterals(matching keywords: TextKeywords) throws -> [Int64] {
        try Int64.fetchAll(database.cachedStatement(sql: "SELECT rowid FROM \(TextSearch.table) WHERE \(TextSearch.table) MATCH ? ORDER BY rowid"),
                           arguments: [keywords.matchExpression])
    }
}
