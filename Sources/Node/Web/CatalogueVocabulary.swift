import RDF
import Store

/// The store's ids for the terms the web page reads, looked up once per request. A term the store
/// has never seen has no id (nil): nothing can match it.
struct CatalogueVocabulary {
    static let foafName = "http://xmlns.com/foaf/0.1/name"

    let type: Int64?
    let resourceClass: Int64?
    let title: Int64?
    let creator: Int64?
    let subject: Int64?
    let date: Int64?
    let description: Int64?
    let format: Int64?
    let size: Int64?
    let publisher: Int64?
    let location: Int64?
    let url: Int64?
    let validUntil: Int64?
    /// Predicates whose literal values name a thing, best first (for publishers and creators).
    let labels: [Int64]
    /// Predicates keyword search looks in, with how much a match in each counts.
    let textPredicates: [(id: Int64, weight: Double)]

    init(_ snapshot: StoreSnapshot) throws {
        func id(_ iri: String) throws -> Int64? { try snapshot.id(of: .iri(iri)) }
        type = try id(RDFVocabulary.type)
        resourceClass = try id(GV.Resource)
        title = try id(DCTerms.title)
        creator = try id(DCTerms.creator)
        subject = try id(DCTerms.subject)
        date = try id(DCTerms.date)
        description = try id(DCTerms.description)
        format = try id(DCTerms.format)
        size = try id(GV.size)
        publisher = try id(GV.publisher)
        location = try id(GV.location)
        url = try id(GV.url)
        validUntil = try id(GV.validUntil)
        labels = try [RDFS.label, Self.foafName, DCTerms.title].compactMap(id)
        textPredicates = [(title, 3.0), (subject, 2.0), (description, 1.0), (creator, 1.5)].compactMap { id, weight in
            id.map { ($0, weight) }
        }
    }

    /// The predicate a facet groups by.
    func predicate(for facet: SearchParameters.Facet) -> Int64? {
        switch facet {
        case .subject: subject
        case .format: format
        case .publisher: publisher
        }
    }

    /// The term a facet value in a URL stands for: a plain string, or the publisher's IRI.
    static func term(for facet: SearchParameters.Facet, value: String) -> Term {
        switch facet {
        case .subject, .format: .literal(value)
        case .publisher: .iri(value)
        }
    }
}
