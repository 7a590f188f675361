import CRaptor
import RDF

/// Copies a Raptor term into a Swift `Term`. Raptor's terms die with the callback that lends them.
func makeTerm(_ pointer: UnsafeMutablePointer<raptor_term>) -> Term {
    let term = pointer.pointee
    switch term.type {
    case RAPTOR_TERM_TYPE_URI:
        return .iri(uriString(term.value.uri))
    case RAPTOR_TERM_TYPE_BLANK:
        let blank = term.value.blank
        return .blank(string(blank.string, count: Int(blank.string_len)))
    case RAPTOR_TERM_TYPE_LITERAL:
        let literal = term.value.literal
        let lexical = string(literal.string, count: Int(literal.string_len))
        if let language = literal.language, literal.language_len > 0 {
            return .literal(Literal(lexical, language: string(language, count: Int(literal.language_len))))
        }
        if let datatype = literal.datatype {
            return .literal(Literal(lexical, datatype: uriString(datatype)))
        }
        return .literal(Literal(lexical))
    default:
        return .blank("unknown")
    }
}

func uriString(_ uri: OpaquePointer?) -> String {
    guard let uri else { return "" }
    var length = 0
    guard let bytes = raptor_uri_as_counted_string(uri, &length) else { return "" }
    return string(bytes, count: length)
}

private func string(_ bytes: UnsafeMutablePointer<UInt8>?, count: Int) -> String {
    guard let bytes else { return "" }
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
}

/// Builds a Raptor term for serializing. The caller owns the result (statements take ownership).
func makeRaptorTerm(_ term: Term, world: RaptorWorld) -> UnsafeMutablePointer<raptor_term>? {
    switch term {
    case .iri(let iri):
        return raptor_new_term_from_uri_string(world.pointer, iri)
    case .blank(let label):
        return raptor_new_term_from_blank(world.pointer, label)
    case .literal(let literal):
        var datatype: OpaquePointer?
        // Simple and language-tagged literals are written without a datatype, as RDF 1.1 does.
        if literal.language == nil && literal.datatype != XSD.string {
            datatype = world.uri(literal.datatype)
        }
        defer { if let datatype { raptor_free_uri(datatype) } }
        var lexical = literal.lexical
        return lexical.withUTF8 { lexicalBytes in
            if let language = literal.language {
                var language = language
                return language.withUTF8 { languageBytes in
                    raptor_new_term_from_counted_literal(
                        world.pointer, lexicalBytes.baseAddress ?? emptyBytes, lexicalBytes.count, nil,
                        languageBytes.baseAddress, UInt8(truncatingIfNeeded: languageBytes.count))
                }
            }
            return raptor_new_term_from_counted_literal(
                world.pointer, lexicalBytes.baseAddress ?? emptyBytes, lexicalBytes.count, datatype, nil, 0)
        }
    }
}

nonisolated(unsafe) private let emptyBytes: UnsafePointer<UInt8> = {
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    pointer.initialize(to: 0)
    return UnsafePointer(pointer)
}()
