/// IRIs of the vocabularies Grapevine speaks. Kept as strings: they are compared, not resolved.
public enum RDFVocabulary {
    public static let namespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let type = namespace + "type"
    public static let langString = namespace + "langString"
    public static let first = namespace + "first"
    public static let rest = namespace + "rest"
    public static let `nil` = namespace + "nil"
}

public enum RDFS {
    public static let namespace = "http://www.w3.org/2000/01/rdf-schema#"
    public static let label = namespace + "label"
    public static let comment = namespace + "comment"
}

public enum XSD {
    public static let namespace = "http://www.w3.org/2001/XMLSchema#"
    public static let string = namespace + "string"
    public static let boolean = namespace + "boolean"
    public static let integer = namespace + "integer"
    public static let decimal = namespace + "decimal"
    public static let double = namespace + "double"
    public static let date = namespace + "date"
    public static let dateTime = namespace + "dateTime"
    public static let nonNegativeInteger = namespace + "nonNegativeInteger"
    public static let anyURI = namespace + "anyURI"
}

/// Dublin Core terms: Grapevine reuses them for title, creator, subject, date, description, format.
public enum DCTerms {
    public static let namespace = "http://purl.org/dc/terms/"
    public static let title = namespace + "title"
    public static let creator = namespace + "creator"
    public static let subject = namespace + "subject"
    public static let date = namespace + "date"
    public static let description = namespace + "description"
    public static let format = namespace + "format"
}

/// The Grapevine vocabulary (`Schemas/grapevine.ttl`).
public enum GV {
    public static let namespace = "https://w3id.org/grapevine/ns#"
    public static let Resource = namespace + "Resource"
    public static let Location = namespace + "Location"
    public static let Publisher = namespace + "Publisher"
    public static let Peer = namespace + "Peer"
    public static let location = namespace + "location"
    public static let url = namespace + "url"
    public static let validUntil = namespace + "validUntil"
    public static let size = namespace + "size"
    public static let checksum = namespace + "checksum"
    public static let publisher = namespace + "publisher"
    public static let peer = namespace + "peer"
}

/// SHACL Core terms that Grapevine's shape checker understands.
public enum SH {
    public static let namespace = "http://www.w3.org/ns/shacl#"
}

/// Prefixes offered to serializers so exported Turtle and RDF/XML read well.
public enum WellKnownPrefixes {
    public static let all: [(prefix: String, namespace: String)] = [
        ("rdf", RDFVocabulary.namespace),
        ("rdfs", RDFS.namespace),
        ("xsd", XSD.namespace),
        ("dcterms", DCTerms.namespace),
        ("gv", GV.namespace),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("sh", SH.namespace),
    ]
}
