import Foundation
import Testing

/// The web pages as a browser renders them: headless Chromium loads the search page the form
/// leads to, and the tests read the DOM it built and keep screenshots in
/// `.build/artifacts/grapevine-web/` for people to look at.
/// Chromium is installed by `scripts/setup --tests`; without it these tests fail rather than skip.
@Suite("Web pages in a browser")
struct WebBrowserTests {
    @Test("Searching from the box shows the matching resources")
    func search() async throws {
        let browser = try #require(HeadlessChromium.installed)
        let node = try NodeProcess.start(arguments: ["--load", NodeProcess.sampleData])
        defer { node.stop() }

        // The box is a GET form on / with a field named q: typing "river" and pressing Enter
        // loads /?q=river.
        let start = try browser.dumpDOM(node.url("/"))
        #expect(start.contains("<form class=\"search-form\" action=\"/\" method=\"get\" role=\"search\">"))
        #expect(start.contains("<input type=\"search\" id=\"q\" name=\"q\" value=\"\""))
        #expect(start.contains("<strong>480</strong> resources"))

        let url = node.url("/?q=river")
        let dom = try browser.dumpDOM(url)
        #expect(dom.contains("value=\"river\""))
        #expect(dom.contains("<strong>2</strong> resources matching <strong>“river”</strong>"))
        #expect(dom.components(separatedBy: "<article class=\"card\">").count - 1 == 2)
        #expect(dom.contains("Heart of Darkness"))
        #expect(dom.contains("Joseph Conrad"))
        #expect(dom.contains("Conrad's novella of Marlow's journey up the Congo River"))
        #expect(dom.contains("valid until"))
        // The facets the results have.
        #expect(dom.contains("data-facet=\"subject\""))
        #expect(dom.contains("<span class=\"label\">novella</span><span class=\"count\">2</span>"))

        let path = HeadlessChromium.artifacts + "/search-river.png"
        try browser.screenshot(url, to: path)
        let png = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000)
    }

    @Test("Browse, resource and SPARQL pages render, with screenshots kept")
    func otherPages() async throws {
        let browser = try #require(HeadlessChromium.installed)
        let node = try NodeProcess.start(arguments: ["--load", NodeProcess.sampleData])
        defer { node.stop() }

        try browser.screenshot(node.url("/"), to: HeadlessChromium.artifacts + "/browse.png", windowSize: "1280,1400")
        try browser.screenshot(node.url("/?subject=podcast&format=audio%2Fogg"), to: HeadlessChromium.artifacts + "/facets.png")

        let resource = node.url("/resource?iri=" + HTTP.encode("https://catalogue.example.net/software/tarn-db/1.8.4/tarn-db-1.8.4.tar.xz"))
        let resourceDOM = try browser.dumpDOM(resource)
        #expect(resourceDOM.contains("<h1>Tarn DB 1.8.4 — source (tar.xz)</h1>"))
        #expect(resourceDOM.contains("<table class=\"statements\">"))
        try browser.screenshot(resource, to: HeadlessChromium.artifacts + "/resource.png", windowSize: "1280,1400")

        let query = """
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX gv: <https://w3id.org/grapevine/ns#>
            SELECT ?resource ?title ?format WHERE {
              ?resource a gv:Resource ; dcterms:title ?title ; dcterms:format ?format .
            }
            ORDER BY ?title
            LIMIT 10
            """
        let queryURL = node.url("/query?query=" + HTTP.encode(query))
        let queryDOM = try browser.dumpDOM(queryURL)
        #expect(queryDOM.contains("<strong>10</strong> solutions"))
        #expect(queryDOM.components(separatedBy: "<td class=\"row-number\">").count - 1 == 10)
        try browser.screenshot(queryURL, to: HeadlessChromium.artifacts + "/query.png")

        // After a syntax error the script puts the cursor where the error is.
        let broken = node.url("/query?query=" + HTTP.encode("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }"))
        let brokenDOM = try browser.dumpDOM(broken)
        #expect(brokenDOM.contains("Syntax error at line 3, column 15"))
        try browser.screenshot(broken, to: HeadlessChromium.artifacts + "/query-error.png")
    }
}
