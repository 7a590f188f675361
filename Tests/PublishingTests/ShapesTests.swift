import Foundation
import Publishing
import RDF
import RDFSyntax
import Store
import Testing

@Suite("Publishing rules from Schemas/")
struct ShapesTests {
    @Test func bundledRulesAreTheOnesInSchemas() throws {
        let bundled = try ShapesGraph.bundled()
        let fromRepository = try ShapesGraph.load(.file(packageRoot + "/Schemas/grapevine-shapes.ttl"))
        #expect(bundled.shapes.count == fromRepository.shapes.count)
        let resource = try #require(bundled.shapes.first { $0.name == .iri(GV.namespace + "ResourceShape") })
        #expect(resource.targets == [.classInstances(GV.Resource)])
        let title = try #require(resource.properties.first { $0.path == DCTerms.title })
        #expect(title.minCount == 1)
        let location = try #require(bundled.shapes.first { $0.name == .iri(GV.namespace + "LocationShape") })
        #expect(location.targets.contains(.objectsOf(GV.location)))
    }

    @Test func unsupportedSHACLIsRefusedNotIgnored() throws {
        let shapes = """
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            <http://example.org/S> a sh:NodeShape ; sh:targetClass <http://example.org/C> ;
                sh:property [ sh:path <http://example.org/p> ; sh:qualifiedMinCount 1 ] .
            """
        #expect(throws: ShapesError.self) { try ShapesGraph.load(.bytes(Array(shapes.utf8), name: "shapes.ttl")) }
    }

    @Test func aValidResourcePublishes() throws {
        let fixture = try PublishingFixture()
        let outcome = try fixture.publish(try fixture.write("ok.ttl", validResource))
        #expect(outcome.quadCount == 6)
    }

    @Test func eachRuleIsEnforcedAndNamesTheSubject() throws {
        let cases: [(String, String)] = [
            ("missing title", validResource.replacingOccurrences(of: "dcterms:title \"A resource\" ;", with: "")),
            ("no location", """
                @prefix gv: <https://w3id.org/grapevine/ns#> .
                <https://example.org/r1> a gv:Resource ; <http://purl.org/dc/terms/title> "x" .
                """),
            ("two sizes", validResource.replacingOccurrences(of: "gv:size \"1024\"^^xsd:nonNegativeInteger ;",
                                                           with: "gv:size \"1\"^^xsd:nonNegativeInteger, \"2\"^^xsd:nonNegativeInteger ;")),
            ("size not a number", validResource.replacingOccurrences(of: "\"1024\"^^xsd:nonNegativeInteger", with: "\"big\"^^xsd:nonNegativeInteger")),
            ("size untyped", validResource.replacingOccurrences(of: "\"1024\"^^xsd:nonNegativeInteger", with: "\"1024\"")),
            ("relative-looking url", validResource.replacingOccurrences(of: "<https://mirror.example.org/r1.tar.gz>", with: "<urn:x:r1>")),
            ("url as a string", validResource.replacingOccurrences(of: "<https://mirror.example.org/r1.tar.gz>", with: "\"https://mirror.example.org/r1\"")),
            ("bad checksum", validResource.replacingOccurrences(of: "dcterms:title \"A resource\" ;",
                                                             with: "dcterms:title \"A resource\" ; gv:checksum \"md5:abc\" ;")),
        ]
        for (name, text) in cases {
            let fixture = try PublishingFixture()
            let path = try fixture.write("case.ttl", text)
            do {
                try fixture.publish(path)
                Issue.record("\(name): published although it breaks a rule")
            } catch let error as RulesViolated {
                #expect(error.total >= 1, "\(name)")
                #expect(error.description.contains(path), "\(name): \(error)")
                let focus = error.violations.first?.focus
                #expect(focus == .iri("https://example.org/r1") || focus?.isBlank == true, "\(name): \(error)")
            }
            #expect(try fixture.store.statistics().quads == 0, "\(name)")
        }
    }
}
