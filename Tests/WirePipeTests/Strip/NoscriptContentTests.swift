import Foundation
import Testing
@testable import WirePipe

/// `<noscript>` content is emptied before the parse, as a browser running scripts reads it (text, not
/// markup), so that an element left open inside cannot swallow the page.
@Suite struct NoscriptContentTests {
    static let body = "Sono almeno nove le femmine di orso che si sono riprodotte quest'anno nel parco nazionale."

    func text(_ html: String) throws -> [String] {
        let page = try FetchStage(settings: FetchSettings()).decode(Array(html.utf8), id: "t", path: "t.html", sha256: "", compressed: false)
        return try StripStage(settings: StripSettings()).process(page).blocks.map(\.text)
    }

    func emptied(_ html: String) -> String? {
        NoscriptContent.emptied(Array(html.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The page that came out empty: a `<div>` opened inside the noscript made libxml2 ignore its end tag
    /// (a div outranks a noscript), so the whole page lay inside it and was left out with it.
    @Test func aDivLeftOpenInsideANoscriptNoLongerSwallowsThePage() throws {
        let html = """
            <html><head><title>Orso</title></head><body><noscript><div id="nojs"></noscript>
            <div class="main"><h1>Orso</h1><p>\(Self.body)</p><p>\(Self.body) Ancora.</p></div></body></html>
            """
        let blocks = try text(html)
        #expect(blocks.contains(Self.body))
        #expect(blocks.contains("\(Self.body) Ancora."))
        // What the parser made of the page as it stands: the text inside the noscript, out of reach.
        let tree = try HTMLDocument.parse(Array(html.utf8), encoding: "windows-1252", stage: .strip, limits: HTMLDocument.Limits(), leavingOutUnreadAttributes: false)
        let noscript = try #require(tree.elements(named: "noscript").first)
        let paragraph = try #require(tree.elements(named: "p").first)
        #expect(tree.contains(noscript, paragraph))
    }

    @Test func onlyTheContentOfNoscriptElementsGoes() {
        #expect(emptied("<p>a</p><noscript><img src=\"x.gif\"></noscript><p>b</p>") == "<p>a</p><noscript></noscript><p>b</p>")
        #expect(emptied("<NoScript class='a>b'><div>x</NOSCRIPT ><p>y</p>") == "<NoScript class='a>b'></NOSCRIPT ><p>y</p>")
        #expect(emptied("<noscripts>x</noscripts><p>y</p>") == nil)
        #expect(emptied("<p>no such element</p>") == nil)
        #expect(emptied("<noscript></noscript>") == nil)
    }

    /// Written inside a script or a comment, `<noscript>` is no element: nothing there, and nothing after it up
    /// to a later `</noscript>`, is touched.
    @Test func noscriptInScriptsAndCommentsIsNoElement() {
        let script = "<script>document.write('<noscript>');</script><p>kept</p><noscript>x</noscript>"
        #expect(emptied(script) == "<script>document.write('<noscript>');</script><p>kept</p><noscript></noscript>")
        let comment = "<!-- <noscript> --><p>kept</p><noscript>x</noscript>"
        #expect(emptied(comment) == "<!-- <noscript> --><p>kept</p><noscript></noscript>")
        #expect(emptied("<style>a::after{content:'<noscript>'}</style><p>kept</p>") == nil)
        // A noscript that never ends is left as it is.
        #expect(emptied("<noscript><p>open") == nil)
    }
}
