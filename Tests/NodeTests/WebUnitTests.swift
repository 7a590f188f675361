import Foundation
@testable import Node
import RDF
import Testing

@Suite("Web page parts")
struct WebUnitTests {
    @Test func htmlEscapesInterpolatedText() {
        let text = "<a href=\"x\">Tom & Jerry's</a>\u{0}"
        let html: HTML = "<p title=\"\(text)\">\(text)</p>"
        #expect(html.description == "<p title=\"&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;\u{FFFD}\">&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;\u{FFFD}</p>")
        let inner: HTML = "<b>\("x<y")</b>"
        let outer: HTML = "<i>\(inner)</i>"
        #expect(outer.description == "<i><b>x&lt;y</b></i>")
        #expect(HTML.escape("line\nbreak\ttab") == "line\nbreak\ttab")
        #expect([HTML("a"), HTML("b")].joined(separator: ", ").description == "a, b")
    }

    @Test func formFieldsDecodeLikeBrowsersEncode() {
        let form = FormFields(encoded: "q=peer+to+peer&subject=a%26b&subject=%E7%BE%85&empty=&flag&bad=%ZZ")
        #expect(form["q"] == "peer to peer")
        #expect(form.all("subject") == ["a&b", "羅"])
        #expect(form["empty"] == "")
        #expect(form["flag"] == "")
        #expect(form["bad"] == "%ZZ")
        #expect(form["missing"] == nil)
        #expect(FormFields(encoded: nil).fields.isEmpty)
        #expect(FormFields.encode("a b&c=d/é") == "a%20b%26c%3Dd%2F%C3%A9")
    }

    @Test func searchParametersMakeStableLinks() {
        let parameters = SearchParameters(FormFields(encoded: "page=3&format=text%2Fcsv&q=rain&subject=b&subject=a&subject=b"))
        #expect(parameters.query == "rain")
        #expect(parameters.values(.subject) == ["b", "a"])
        #expect(parameters.page == 3)
        #expect(parameters.url == "/?q=rain&subject=b&subject=a&format=text%2Fcsv&page=3")
        #expect(parameters.adding(.publisher, "https://p.example/#x").url
                == "/?q=rain&subject=b&subject=a&format=text%2Fcsv&publisher=https%3A%2F%2Fp.example%2F%23x")
        #expect(parameters.removing(.subject, "b").url == "/?q=rain&subject=a&format=text%2Fcsv")
        #expect(parameters.removing(.format, "text/csv").onPage(2).url == "/?q=rain&subject=b&subject=a&page=2")
        #expect(SearchParameters(FormFields(encoded: "")).url == "/")
        #expect(SearchParameters(FormFields(encoded: "")).isBrowsing)
        #expect(SearchParameters(FormFields(encoded: "page=0")).page == 1)
        #expect(SearchParameters(FormFields(encoded: "page=99999999999999999999")).page == 1)
        #expect(SearchParameters(FormFields(encoded: "page=1000000000")).page == SearchParameters.maximumPage)
    }

    @Test func sizesAndDatesReadWell() {
        #expect(DisplayFormat.size(0) == "0 bytes")
        #expect(DisplayFormat.size(1) == "1 byte")
        #expect(DisplayFormat.size(999) == "999 bytes")
        #expect(DisplayFormat.size(1000) == "1.00 kB")
        #expect(DisplayFormat.size(305_123) == "305 kB")
        #expect(DisplayFormat.size(7_655_657) == "7.66 MB")
        #expect(DisplayFormat.size(48_300_000) == "48.3 MB")
        #expect(DisplayFormat.size(999_999) == "1.00 MB")
        #expect(DisplayFormat.size(UInt64.max) == "18.4 EB")
        #expect(DisplayFormat.count(1234567) == "1,234,567")
        #expect(DisplayFormat.count(-1000) == "-1,000")
        #expect(DisplayFormat.readableDateTime("2027-02-24T00:00:00Z") == "2027-02-24")
        #expect(DisplayFormat.readableDateTime("2027-02-24T19:30:00+01:00") == "2027-02-24 18:30 UTC")
        #expect(DisplayFormat.readableDateTime("2027-02-24T19:30:00.250Z") == "2027-02-24 19:30 UTC")
        #expect(DisplayFormat.readableDateTime("2027-02-24T19:30:00") == "2027-02-24 19:30 UTC")
        #expect(DisplayFormat.readableDateTime("soon") == "soon")
    }

    @Test func termsRenderAsLinksAndLiterals() {
        #expect(TermView.compact("http://purl.org/dc/terms/title") == "dcterms:title")
        #expect(TermView.compact("http://purl.org/dc/terms/a/b") == nil)
        #expect(TermView.render(.iri("https://w3id.org/grapevine/ns#Resource")).description
                == "<a class=\"iri\" href=\"/resource?iri=https%3A%2F%2Fw3id.org%2Fgrapevine%2Fns%23Resource\" title=\"https://w3id.org/grapevine/ns#Resource\">gv:Resource</a>")
        #expect(TermView.render(.literal("2020-01-01", datatype: "http://www.w3.org/2001/XMLSchema#date")).description
                == "<span class=\"literal\">2020-01-01</span><span class=\"annotation\">^^xsd:date</span>")
        #expect(TermView.render(.literal("<chat>", language: "fr")).description
                == "<span class=\"literal\">&lt;chat&gt;</span><span class=\"annotation\">@fr</span>")
        #expect(TermView.externalLink("javascript:alert(1)").description == "<span class=\"url\">javascript:alert(1)</span>")
    }
}
