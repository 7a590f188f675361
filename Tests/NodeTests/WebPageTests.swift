import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The web pages of a real `grapevine serve` with SampleData: fetched over HTTP, asserted on as
/// HTML text.
@Suite("Web pages")
struct WebPageTests {
    static func startNode(_ extra: [String] = []) throws -> NodeProcess {
        try NodeProcess.start(arguments: ["--load", NodeProcess.sampleData] + extra)
    }

    /// Fetches a page and checks it is a complete HTML page.
    static func page(_ node: NodeProcess, _ pathAndQuery: String, status: Int = 200,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let response = try await node.get(pathAndQuery)
        #expect(response.status == status, "\(pathAndQuery)", sourceLocation: sourceLocation)
        #expect(response.mediaType == "text/html", sourceLocation: sourceLocation)
        #expect(response.header("content-type")?.contains("charset=utf-8") == true, sourceLocation: sourceLocation)
        let html = response.text
        #expect(html.hasPrefix("<!DOCTYPE html>"), sourceLocation: sourceLocation)
        #expect(html.contains("</html>"), sourceLocation: sourceLocation)
        return html
    }

    @Test("Browsing: every resource, newest first, twenty a page, with facets and paging")
    func browse() async throws {
        let node = try Self.startNode()
        defer { node.stop() }
        let html = try await Self.page(node, "/")
        #expect(html.contains("<form class=\"search-form\" action=\"/\" method=\"get\""))
        #expect(html.contains("name=\"q\""))
        #expect(html.contains("<strong>480</strong> resources, most recent first"))
        #expect(html.occurrences(of: "<article class=\"card\">") == 20)
        // Facets over the whole catalogue, each value a link that narrows the search.
        for facet in ["subject", "format", "publisher"] {
            #expect(html.contains("data-facet=\"\(facet)\""))
        }
        #expect(html.contains("href=\"/?subject=podcast\""))
        #expect(html.contains("href=\"/?format=application%2Fpdf\""))
        #expect(html.contains(">Tarn Software Foundation<"))
        // Paging: 480 / 20 = 24 pages.
        #expect(html.contains("href=\"/?page=2\" rel=\"next\""))
        #expect(html.contains("href=\"/?page=24\""))
        let last = try await Self.page(node, "/?page=24")
        #expect(last.occurrences(of: "<article class=\"card\">") == 20)
        #expect(last.contains("showing 461–480"))
        #expect(last.contains("rel=\"prev\""))
        #expect(!last.contains("rel=\"next\""))
        let beyond = try await Self.page(node, "/?page=25")
        #expect(beyond.contains("There is no page 25"))
        // The newest resource (dates go up to 2026-11-25) comes first.
        let firstDate = html.firstMatch(between: "<time datetime=\"", and: "\"")
        #expect(firstDate?.hasPrefix("2026-11") == true)
        // Nonsense page numbers fall back to the first page.
        let odd = try await Self.page(node, "/?page=-3")
        #expect(odd.contains("showing 1–20"))
    }

    @Test("Keyword search over titles, subjects, descriptions and creators")
    func keywordSearch() async throws {
        let node = try Self.startNode()
        defer { node.stop() }
        let river = try await Self.page(node, "/?q=river")
        #expect(river.contains("<strong>2</strong> resources matching <strong>“river”</strong>"))
        #expect(river.occurrences(of: "Heart of Darkness</a></h2>") == 2)
        #expect(river.contains("value=\"river\""))
        // A result shows who, when, format, size in human units, locations with expiry, publisher.
        #expect(river.contains("by <"))
        #expect(river.contains("Joseph Conrad"))
        #expect(river.contains("application/epub+zip"))
        #expect(river.contains(" kB</span>"))
        #expect(river.contains("valid until 20"))
        #expect(river.contains("Published by <a href=\"/?q=river&amp;publisher="))
        // Every word must match; the last one also as a prefix (it may still be being typed).
        let conrad = try await Self.page(node, "/?q=conrad+darkn")
        #expect(conrad.contains("<strong>2</strong> resources matching"))
        let none = try await Self.page(node, "/?q=conrad+zzzyzx")
        #expect(none.contains("<strong>0</strong> resources matching"))
        #expect(none.contains("Nothing matches"))
        // Subjects count: "podcast" is a subject of 60 resources; "episode" words in titles.
        let podcast = try await Self.page(node, "/?q=podcast")
        #expect(podcast.contains("resources matching"))
        #expect(podcast.occurrences(of: "<article class=\"card\">") == 20)
        // Japanese text, found by its words.
        let japanese = try await Self.page(node, "/?q=%E7%BE%85%E7%94%9F%E9%96%80")
        #expect(japanese.contains("羅生門"))
        // FTS5 syntax is only text: no error page, whatever is typed.
        for hostile in ["%22", "NEAR(", "*", "-", "river%20OR", "title%3Ariver", "%5E", "(((", "%00"] {
            let html = try await Self.page(node, "/?q=" + hostile)
            #expect(html.contains("class=\"result-summary\""), "\(hostile)")
        }
    }

    @Test("Facets narrow the results, combine, and can be removed")
    func facets() async throws {
        let node = try Self.startNode()
        defer { node.stop() }
        let browse = try await Self.page(node, "/")
        let podcastCount = try #require(browse.facetCount(link: "/?subject=podcast"))
        let podcast = try await Self.page(node, "/?subject=podcast")
        #expect(podcast.contains("<strong>\(podcastCount)</strong> resources"))
        #expect(podcast.contains("<li class=\"chosen\"><a href=\"/\""))
        #expect(podcast.contains("Subject:</span> podcast"))
        // Every result on the page has the subject.
        #expect(podcast.occurrences(of: "<article class=\"card\">") == 20)
        #expect(podcast.occurrences(of: ">podcast</a></li>") >= 20)
        // Two facets together: only podcasts in Ogg.
        let oggCount = try #require(podcast.facetCount(link: "/?subject=podcast&amp;format=audio%2Fogg"))
        let ogg = try await Self.page(node, "/?subject=podcast&format=audio%2Fogg")
        #expect(ogg.contains("<strong>\(oggCount)</strong> resources"))
        #expect(oggCount < podcastCount)
        #expect(ogg.contains("<span class=\"format\"><a href"))
        #expect(!ogg.contains(">audio/mpeg</a></span>"))
        // Keywords within a facet, and the facet kept by the search form.
        let withinFacet = try await Self.page(node, "/?q=episode&subject=podcast")
        #expect(withinFacet.contains("<input type=\"hidden\" name=\"subject\" value=\"podcast\">"))
        #expect(withinFacet.contains("resources matching <strong>“episode”</strong>"))
        // Publisher by IRI: every result names that publisher.
        let publisherLink = try #require(browse.firstMatch(between: "<li><a href=\"/?publisher=", and: "\""))
        let publisherCount = try #require(browse.facetCount(link: "/?publisher=" + publisherLink))
        let publisher = try await Self.page(node, "/?publisher=" + publisherLink)
        #expect(publisher.contains("<strong>\(publisherCount)</strong> resources"))
        // The counts of a facet every resource has once add up to the number of results.
        let formats = publisher.facetCounts(facet: "format")
        #expect(formats.reduce(0, +) == publisherCount)
        // An unknown value finds nothing, and is shown so it can be removed.
        let unknown = try await Self.page(node, "/?subject=no-such-subject")
        #expect(unknown.contains("<strong>0</strong> resources"))
        #expect(unknown.contains("Subject:</span> no-such-subject"))
    }

    @Test("A resource page lists every statement, its locations and what refers to it")
    func resourcePage() async throws {
        let node = try Self.startNode()
        defer { node.stop() }
        let iri = "https://catalogue.example.net/software/tarn-db/1.8.4/tarn-db-1.8.4.tar.xz"
        let html = try await Self.page(node, "/resource?iri=" + HTTP.encode(iri))
        #expect(html.contains("<h1>Tarn DB 1.8.4 — source (tar.xz)</h1>"))
        #expect(html.contains("<code>\(iri)</code>"))
        for text in ["Ingrid Solberg", "Kwame Mensah", ">embedded<", ">source code<", "application/x-xz",
                     "sha256:c683590d56438ec524b6de27062a6de184e9d98972ba965a44f47859b85d487a", "owl:versionInfo"] {
            #expect(html.contains(text), "\(text)")
        }
        // Three blank-node locations, each expanded with its URL and expiry.
        #expect(html.occurrences(of: "<table class=\"nested\">") == 3)
        #expect(html.occurrences(of: "gv:validUntil</a>") == 3)
        #expect(html.contains("https://mirror.example.org/tarn/tarn-db/1.8.4/tarn-db-1.8.4.tar.xz"))
        // IRIs link to their own page.
        let publisher = "https://tarn.example.org/#foundation"
        #expect(html.contains("href=\"/resource?iri=\(HTTP.encode(publisher))\""))
        #expect(html.contains("href=\"/resource?iri=\(HTTP.encode("https://w3id.org/grapevine/ns#Resource"))\""))
        // The publisher's page: its own statements, and the 87 resources that name it.
        let publisherPage = try await Self.page(node, "/resource?iri=" + HTTP.encode(publisher))
        #expect(publisherPage.contains("<h1>Tarn Software Foundation</h1>"))
        #expect(publisherPage.contains("Referred to by"))
        #expect(publisherPage.contains("Tarn DB 1.8.4 — source (tar.xz)"))
        #expect(publisherPage.occurrences(of: "<span class=\"via\">gv:publisher</span>") == 87)
        // Unknown or missing IRIs.
        let unknown = try await Self.page(node, "/resource?iri=" + HTTP.encode("https://example.org/nothing"), status: 404)
        #expect(unknown.contains("Nothing is known about this IRI"))
        _ = try await Self.page(node, "/resource", status: 400)
    }

    @Test("The SPARQL editor runs SELECT, ASK and CONSTRUCT and shows syntax errors in place")
    func queryPage() async throws {
        let node = try Self.startNode()
        defer { node.stop() }
        let editor = try await Self.page(node, "/query")
        #expect(editor.contains("<textarea id=\"sparql\" name=\"query\""))
        #expect(editor.contains("PREFIX dcterms: &lt;http://purl.org/dc/terms/&gt;"))
        #expect(!editor.contains("class=\"solutions\""))

        let select = """
            PREFIX gv: <https://w3id.org/grapevine/ns#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?r ?title WHERE { ?r a gv:Resource ; dcterms:title ?title ; dcterms:subject "database" }
            ORDER BY ?title
            """
        let html = try await Self.page(node, "/query?query=" + HTTP.encode(select))
        #expect(html.contains("<th scope=\"col\">?r</th><th scope=\"col\">?title</th>"))
        let rows = html.occurrences(of: "<td class=\"row-number\">")
        #expect(rows > 0)
        #expect(html.contains("<strong>\(rows)</strong> solution"))
        #expect(html.contains("Tarn DB"))
        #expect(html.contains("href=\"/resource?iri=https%3A%2F%2Fcatalogue.example.net%2Fsoftware%2F"))
        // The query stays in the editor, escaped.
        #expect(html.contains("dcterms:subject &quot;database&quot;"))

        // The same query posted as a form.
        let posted = try await node.send("POST", "/query", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                         body: Data(HTTP.form([("query", select)]).utf8))
        #expect(posted.status == 200)
        #expect(posted.text.occurrences(of: "<td class=\"row-number\">") == rows)

        let ask = try await Self.page(node, "/query?query=" + HTTP.encode("ASK { ?s ?p ?o }"))
        #expect(ask.contains("<p class=\"boolean\">true</p>"))

        let construct = """
            PREFIX dcterms: <http://purl.org/dc/terms/>
            CONSTRUCT { ?r dcterms:title ?t } WHERE { ?r dcterms:title ?t ; dcterms:subject "novella" }
            """
        let graph = try await Self.page(node, "/query?query=" + HTTP.encode(construct))
        #expect(graph.contains("<th scope=\"col\">Subject</th><th scope=\"col\">Predicate</th><th scope=\"col\">Object</th>"))
        #expect(graph.contains("dcterms:title</a>"))
        #expect(graph.contains("triples"))

        let broken = "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }"
        let error = try await Self.page(node, "/query?query=" + HTTP.encode(broken), status: 400)
        #expect(error.contains("Syntax error at line 3, column 15"))
        #expect(error.contains("expected an expression, found &#39;)&#39;"))
        #expect(error.contains("data-error-line=\"3\" data-error-column=\"15\""))
        // The lines up to the error, and a caret under its column.
        #expect(error.contains("3 │   FILTER(?o = ) }\n  │ " + String(repeating: " ", count: 14) + "<span class=\"caret\">^</span>"))

        let unsupported = try await Self.page(node, "/query?query=" + HTTP.encode("SELECT * WHERE { SERVICE <http://x.example/> { ?s ?p ?o } }"), status: 422)
        #expect(unsupported.contains("could not be answered"))
        #expect(unsupported.contains("not supported"))

        // A big result shows its first rows and says how many there were.
        let everything = try await Self.page(node, "/query?query=" + HTTP.encode("SELECT * WHERE { ?s ?p ?o }"))
        #expect(everything.occurrences(of: "<td class=\"row-number\">") == 1000)
        #expect(everything.contains("Showing the first 1,000 of"))
    }

    @Test("Everything from the store and the request is escaped")
    func escaping() async throws {
        let directory = NSTemporaryDirectory() + "grapevine-web-escaping-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("""
            @prefix gv: <https://w3id.org/grapevine/ns#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            <https://example.org/it's> a gv:Resource ;
                dcterms:title "Hostile <script>alert('t')</script> & \\"quoted\\" title" ;
                dcterms:creator "<b>Mallory</b>" ;
                dcterms:subject "<img src=x onerror=alert(1)>" , "a&b" ;
                dcterms:date "2020-01-01"^^xsd:date ;
                dcterms:description "Ends the attribute: \\" onmouseover=\\"alert(1)" ;
                dcterms:format "text/html\\"><script>" ;
                gv:size "1234567"^^xsd:nonNegativeInteger ;
                gv:checksum "sha256:0000000000000000000000000000000000000000000000000000000000000000" ;
                gv:publisher <https://example.org/pub?a=1&b=<2>> ;
                gv:location [ gv:url <https://example.org/file?x='1'&y=2> ; gv:validUntil "2001-01-01T00:00:00Z"^^xsd:dateTime ] .
            <https://example.org/pub?a=1&b=<2>> a gv:Publisher ; rdfs:label "Pub </a><script>" .
            """.replacingOccurrences(of: "b=<2>", with: "b=%3C2%3E").utf8).write(to: URL(fileURLWithPath: directory + "/hostile.ttl"))
        let node = try NodeProcess.start(arguments: ["--load", directory])
        defer { node.stop() }

        let search = try await Self.page(node, "/?q=hostile")
        #expect(search.contains("<strong>1</strong> resource matching"))
        #expect(search.contains("Hostile &lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; title"))
        #expect(search.contains("&lt;b&gt;Mallory&lt;/b&gt;"))
        #expect(search.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(search.contains("Pub &lt;/a&gt;&lt;script&gt;"))
        #expect(search.contains("href=\"https://example.org/file?x=&#39;1&#39;&amp;y=2\""))
        // The location's expiry has passed.
        #expect(search.contains("<li class=\"expired\">"))
        #expect(search.contains("expired 2001-01-01"))
        #expect(search.contains("1.23 MB"))
        for page in [search] {
            #expect(!page.contains("<script>"))
            #expect(!page.contains("<b>"))
            #expect(!page.contains("<img"))
            #expect(!page.contains("\" onmouseover"))
        }
        // Facet links carry the values percent-encoded.
        #expect(search.contains("href=\"/?q=hostile&amp;subject=a%26b\""))
        let facet = try await Self.page(node, "/?subject=a%26b")
        #expect(facet.contains("<strong>1</strong> resource"))

        let resource = try await Self.page(node, "/resource?iri=" + HTTP.encode("https://example.org/it's"))
        #expect(resource.contains("<code>https://example.org/it&#39;s</code>"))
        #expect(!resource.contains("<script>"))
        #expect(!resource.contains("<img"))

        // What the request carries comes back escaped too.
        let reflected = try await Self.page(node, "/?q=" + HTTP.encode("\"><script>alert(1)</script>"))
        #expect(reflected.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(!reflected.contains("<script>alert"))
        let query = try await Self.page(node, "/query?query=" + HTTP.encode("</textarea><script>alert(1)</script>"), status: 400)
        #expect(!query.contains("<script>alert"))
        #expect(query.contains("&lt;/textarea&gt;&lt;script&gt;"))
        let missing = try await Self.page(node, "/resource?iri=" + HTTP.encode("<script>x</script>"), status: 404)
        #expect(!missing.contains("<script>x"))
    }

    @Test("Styles and script come from the node itself, cacheable, and pages allow nothing else")
    func assets() async throws {
        let node = try NodeProcess.start()
        defer { node.stop() }
        let html = try await Self.page(node, "/")
        #expect(html.contains("<strong>0</strong> resources"))
        #expect(html.contains("This node has no resources yet"))
        let page = try await node.get("/")
        #expect(page.header("content-security-policy")?.contains("default-src 'none'") == true)
        #expect(page.header("x-content-type-options") == "nosniff")
        // Nothing is loaded from elsewhere.
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link rel=\"stylesheet\" href=\"http"))
        let cssPath = try #require(html.firstMatch(between: "<link rel=\"stylesheet\" href=\"", and: "\""))
        let jsPath = try #require(html.firstMatch(between: "<script src=\"", and: "\""))
        #expect(cssPath.hasPrefix("/assets/grapevine.css?v="))
        let css = try await node.get(cssPath)
        #expect(css.status == 200)
        #expect(css.mediaType == "text/css")
        #expect(css.text.contains("font-family") || css.text.contains("font:"))
        #expect(css.header("cache-control")?.contains("max-age") == true)
        let tag = try #require(css.header("etag"))
        let again = try await node.get(cssPath, headers: ["If-None-Match": tag])
        #expect(again.status == 304)
        let js = try await node.get(jsPath)
        #expect(js.status == 200)
        #expect(js.mediaType == "text/javascript")
        let icon = try await node.get("/assets/grapevine.svg")
        #expect(icon.mediaType == "image/svg+xml")
    }
}

extension String {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }

    /// The text between the first `start` and the next `end` after it.
    func firstMatch(between start: String, and end: String) -> String? {
        guard let open = range(of: start), let close = self[open.upperBound...].range(of: end) else { return nil }
        return String(self[open.upperBound..<close.lowerBound])
    }

    /// The count a facet link shows (`<a href="LINK" …>…<span class="count">N</span>`).
    func facetCount(link: String) -> Int? {
        guard let open = range(of: "<a href=\"\(link)\"") else { return nil }
        return self[open.upperBound...].firstMatchCount()
    }

    /// Every count listed under one facet.
    func facetCounts(facet: String) -> [Int] {
        guard let open = range(of: "data-facet=\"\(facet)\""),
              let close = self[open.upperBound...].range(of: "</section>") else { return [] }
        return self[open.upperBound..<close.lowerBound].components(separatedBy: "<span class=\"count\">").dropFirst()
            .compactMap { Int($0.prefix { $0 != "<" }.replacingOccurrences(of: ",", with: "")) }
    }
}

extension Substring {
    fileprivate func firstMatchCount() -> Int? {
        guard let open = range(of: "<span class=\"count\">"), let close = self[open.upperBound...].range(of: "<") else { return nil }
        return Int(self[open.upperBound..<close.lowerBound].replacingOccurrences(of: ",", with: ""))
    }
}
