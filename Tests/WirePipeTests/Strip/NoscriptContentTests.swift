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

    /// Random pages built of the pieces the scan looks at: it never reads past the end, and what it removes
    /// is only ever the inside of a noscript element, right after its start tag. A plain reading of the same
    /// rules (string searches, no pointers) gives the same bytes.
    @Test func randomPiecesAreCutAsThePlainReadingCutsThem() {
        let pieces = ["<noscript>", "<NOSCRIPT class=\"a>b\">", "</noscript>", "</noscript", "<!--", "-->", "<script>", "</script>",
                      "<style>", "</style>", "<div>", "</div>", "<p>x</p>", "'", "\"", ">", "<", "-", "text ", "<noscripts>"]
        var generator = SplitMix(seed: 0x6E6F_7363)
        for _ in 0..<2_000 {
            let html = (0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let result = NoscriptContent.emptied(Array(html.utf8)).map { String(decoding: $0, as: UTF8.self) } ?? html
            #expect(result == Self.plainReading(html), "\(html)")
        }
    }

    /// The scan's rules on Strings: comments, script and style content skipped; a noscript's start tag (quoted
    /// values may hold `>`) and everything up to the next `</noscript` (followed by a blank, `>` or `/`) cut.
    static func plainReading(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        var i = 0
        func lower(_ k: Int) -> UInt8 { bytes[k] >= 65 && bytes[k] <= 90 ? bytes[k] + 32 : bytes[k] }
        func named(_ name: String, at k: Int) -> Bool {
            let n = Array(name.utf8)
            guard k + n.count <= bytes.count, (0..<n.count).allSatisfy({ lower(k + $0) == n[$0] }) else { return false }
            guard k + n.count < bytes.count else { return true }
            let next = bytes[k + n.count]
            return next == 62 || next == 47 || next == 32 || (next >= 9 && next <= 13 && next != 11)
        }
        func tagEnd(_ k: Int) -> Int? {
            var j = k + 1
            while j < bytes.count {
                if bytes[j] == 62 { return j + 1 }
                if bytes[j] == 34 || bytes[j] == 39 {
                    guard let close = bytes[(j + 1)...].firstIndex(of: bytes[j]) else { return nil }
                    j = close
                }
                j += 1
            }
            return nil
        }
        func endTag(_ name: String, from k: Int) -> Int? {
            var j = k
            while j + 1 < bytes.count {
                if bytes[j] == 60 && bytes[j + 1] == 47 && named(name, at: j + 2) { return j }
                j += 1
            }
            return nil
        }
        var cuts: [Range<Int>] = []
        scan: while i < bytes.count {
            guard bytes[i] == 60 else { i += 1; continue }
            let open = i
            i += 1
            if open + 3 < bytes.count && bytes[open + 1] == 33 && bytes[open + 2] == 45 && bytes[open + 3] == 45 {
                var j = open + 4
                while j + 2 < bytes.count && !(bytes[j] == 45 && bytes[j + 1] == 45 && bytes[j + 2] == 62) { j += 1 }
                guard j + 2 < bytes.count else { break scan }
                i = j + 3
            } else if named("script", at: open + 1) || named("style", at: open + 1) {
                let name = named("script", at: open + 1) ? "script" : "style"
                guard let end = tagEnd(open), let close = endTag(name, from: end) else { break scan }
                i = close + 2
            } else if named("noscript", at: open + 1) {
                guard let start = tagEnd(open), let close = endTag("noscript", from: start) else { break scan }
                if close > start { cuts.append(start..<close) }
                i = close + 2
            }
        }
        var from = 0
        for cut in cuts {
            output += bytes[from..<cut.lowerBound]
            from = cut.upperBound
        }
        output += bytes[from...]
        return String(decoding: output, as: UTF8.self)
    }
}
