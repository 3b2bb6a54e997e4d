import CLibXML2
import Foundation
import Testing
@testable import WirePipe

/// The tree keeps all text, attribute values and class names in one byte buffer that nodes point into:
/// what a reader gets back must be what the page says, as libxml2's own tree has it.
@Suite struct DOMTreeStorageTests {
    /// Text with entities split across parser callbacks, non-ASCII text and attribute values, class and id
    /// names lowercased, attributes wirepipe does not read left out.
    @Test func textAndAttributesRoundTrip() throws {
        let html = """
            <html lang="de-AT"><head><title>Caf&eacute; &amp; Bäckerei</title><link rel="canonical" href="/artikel?a=1&amp;b=2">
            <meta property="og:title" content="Grüße &quot;aus&quot; Wien"></head>
            <body><div class="Story-Body Main" ID="Artikel" data-x="not kept" role="main">
            <p>Erste Zeile &lt;b&gt; &#x1F600; — Ende</p><!-- comment --><p>Zweite<br>Zeile</p>
            <a href="/weiter?a=1&amp;b=2" rel="Author">Максим Петров</a></div></body></html>
            """
        let tree = try HTMLDocument.parse(Array(html.utf8), encoding: "UTF-8")
        #expect(tree.nodes[0].name == "html")
        #expect(tree.nodes[0].attribute("lang") == "de-AT")
        let title = try #require(tree.elements(named: "title").first)
        #expect(tree.text(of: title) == "Café & Bäckerei")
        #expect(tree.nodes[title + 1].text == "Café & Bäckerei", "the pieces around entities are one text node")
        let meta = try #require(tree.elements(named: "meta").first)
        #expect(tree.nodes[meta].attribute("content") == "Grüße \"aus\" Wien")
        #expect(tree.nodes[meta].attribute("property") == "og:title")
        let div = try #require(tree.nodes.indices.first { tree.nodes[$0].name == "div" })
        #expect(tree.nodes[div].classNames == "story-body main artikel")
        #expect(tree.nodes[div].attribute("class") == "Story-Body Main", "values keep their case")
        #expect(tree.nodes[div].attribute("data-x") == nil)
        #expect(tree.nodes[div].attributes.map(\.name) == ["class", "id", "role"])
        #expect(tree.nodes[div].attributes.map(\.value) == ["Story-Body Main", "Artikel", "main"])
        #expect(tree.nodes[div].hint == .positive)
        let paragraphs = tree.nodes.indices.filter { tree.nodes[$0].name == "p" }
        #expect(paragraphs.map { tree.text(of: $0) } == ["Erste Zeile <b> 😀 — Ende", "ZweiteZeile"])
        let link = try #require(tree.nodes.indices.first { tree.nodes[$0].name == "a" })
        // `href` is kept on `<link>` only (`HTMLDocument.attributeElements`).
        #expect(tree.nodes[link].attribute("href") == nil)
        let canonical = try #require(tree.elements(named: "link").first)
        #expect(tree.nodes[canonical].attribute("href") == "/artikel?a=1&b=2")
        #expect(tree.nodes[link].attribute("rel") == "Author")
        #expect(tree.text(of: link) == "Максим Петров")
        #expect(tree.nodes[link].text == "", "an element has no text of its own")
        #expect(tree.nodes[link + 1].isText && tree.nodes[link + 1].classNames == "")
        var bytes: [UInt8] = []
        tree.appendText(of: div, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == tree.text(of: div))
    }

    /// Bytes that are not UTF-8 in a page declared UTF-8 come back repaired as `String(decoding:)` repairs
    /// them, in the bytes readers take as well as in the Strings.
    @Test func illFormedTextIsRepairedInTheBuffer() throws {
        let bytes = Array("<html><body><p>caf".utf8) + [0xE9, 0x20] + Array("ok</p></body></html>".utf8)
        let tree = try HTMLDocument.parse(bytes, encoding: "UTF-8")
        let p = try #require(tree.nodes.indices.first { tree.nodes[$0].name == "p" })
        var collected: [UInt8] = []
        tree.appendText(of: p, to: &collected)
        #expect(Array(tree.text(of: p).utf8) == collected)
        #expect(UTF8Validation.isValid(collected))
    }

    /// On real pages (UTF-8, windows-1252, Cyrillic, Arabic, Japanese), the tree has the elements, kept
    /// attributes and text of libxml2's own tree, in the same order.
    @Test(arguments: [
        "wordpress-repost.html", "aggregator-copy-cp1252.html", "multilingual/ru-metro.html", "multilingual/ar-kitab.html",
        "multilingual/ja-sakura.html", "multilingual/de-baeckereien.html",
    ])
    func matchesLibxml2sTree(page name: String) throws {
        let url = Fixtures.url(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let page = try FetchStage(settings: FetchSettings()).process(PageLocation(root: Fixtures.folder, relativePath: name))
        let tree = try HTMLDocument.parse(page.html, encoding: page.parserEncoding)
        let reference = try Libxml2Reference(page.html, encoding: page.parserEncoding)

        let elements = tree.nodes.indices.filter { !tree.nodes[$0].isText }
        #expect(elements.count == reference.elements.count)
        for (index, expected) in zip(elements, reference.elements) {
            let node = tree.nodes[index]
            #expect(node.name == expected.name)
            #expect(node.attributes.map { [$0.name, $0.value] } == expected.attributes, "element #\(index) <\(node.name)>")
        }
        #expect(tree.text(of: 0) == reference.text)
        #expect(tree.nodes.filter(\.isText).map(\.text).joined() == reference.text)
    }

    /// The builder moves the parser past script and style content it drops (`TreeState.skipRawText`): the
    /// tree must stay what libxml2's own reading of that content gives, wherever the content ends or the
    /// skip does not apply (a tag first, ill-formed or control bytes, no end tag, JSON-LD kept).
    @Test(arguments: [
        [UInt8]("<html><head><script>var a = \"</div>\"; if (a < b) { c(); }</script><style>p { x: 1 }</style></head><body><p>x</p></body></html>".utf8),
        [UInt8]("<html><body><script><body><p>inside</p></script><p>after</p></body></html>".utf8),
        [UInt8]("<p>a<script>x = 1;</SCRIPT>b<Script>y</sCrIpT >c</p>".utf8),
        [UInt8]("<p>a<script>x</scriptx>b</p><p>c</p>".utf8),
        [UInt8]("<p>a<script>x</ script>b</script>c</p>".utf8),
        [UInt8]("<p>before<script>never closed <p>text".utf8),
        [UInt8]("<p>before<script>cut off at the end</script".utf8),
        [UInt8]("<head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Caf\u{E9}\"}</script></head><p>x</p>".utf8),
        [UInt8]("<p>a<script>b\u{01}c</script>d<script>e\u{FFFF}f</script>g<script>h\u{0}i</script>j</p>".utf8),
        [UInt8]("<p>a<script src=x />b<script src=y></script>c<style/>d</p>".utf8),
        [UInt8]("<p>a<script>b".utf8) + [0xC3, 0x28, 0xFF] + [UInt8]("c</script>d \u{E9}t\u{E9}</p>".utf8),
        [UInt8]("<noscript><script>x</script>y</noscript><p>z <svg><style>s</style></svg></p>".utf8),
        [UInt8]("<p>\u{65E5}\u{672C}<script>var s = '\u{65E5}\u{672C}\u{8A9E}';</script>\u{8A9E}</p>".utf8),
    ])
    func scriptContentAsLibxml2ReadsIt(html: [UInt8]) throws {
        let tree = try HTMLDocument.parse(html, encoding: "UTF-8")
        // Noscript content is emptied before the parse on purpose (`NoscriptContent`): the reference reads
        // the page so emptied too.
        let reference = try Libxml2Reference(NoscriptContent.emptied(html) ?? html, encoding: "UTF-8")
        #expect(tree.nodes.filter { !$0.isText }.map(\.name) == reference.elements.map(\.name))
        #expect(tree.text(of: 0) == reference.text)
    }

    /// Skipping writes one byte into the parser's input: never into the caller's page, whose bytes the
    /// fetch stage hashed and later stages may read again.
    @Test func skippingLeavesThePageBytesAlone() throws {
        let html = [UInt8]("<html><head><script>var a = 1; var b = 2;</script><style>p { x: 1 }</style></head><body><p>x</p></body></html>".utf8)
        let untouched = html.map { $0 }  // a copy with storage of its own
        _ = try HTMLDocument.parse(html, encoding: "UTF-8")
        #expect(html == untouched)
    }

    /// The same in a page converted from another encoding (the parser's buffer then holds the converted text).
    @Test func scriptContentInAConvertedPage() throws {
        let html = [UInt8]("<html><head><meta charset=windows-1252><script>var s = '".utf8) + [0xE9, 0x93, 0x94]
            + [UInt8]("';</script></head><body><p>caf".utf8) + [0xE9] + [UInt8](" <script>x</script>cr".utf8) + [0xE8, 0x6D, 0x65] + [UInt8]("</p></body></html>".utf8)
        let tree = try HTMLDocument.parse(html, encoding: "windows-1252")
        let reference = try Libxml2Reference(html, encoding: "windows-1252")
        #expect(tree.nodes.filter { !$0.isText }.map(\.name) == reference.elements.map(\.name))
        #expect(tree.text(of: 0) == reference.text)
        #expect(tree.text(of: 0).contains("café crème"))
    }

    /// The elements (name, kept attributes) and the text outside opaque elements of libxml2's own tree.
    struct Libxml2Reference {
        var elements: [(name: String, attributes: [[String]])] = []
        var text = ""

        init(_ bytes: [UInt8], encoding: String) throws {
            let options = HTMLDocument.parseOptions | (encoding == "UTF-8" ? Int32(HTML_PARSE_IGNORE_ENC.rawValue) : 0)
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), nil, encoding, options)
                }
            }
            let root = try #require(document.flatMap { xmlDocGetRootElement($0) })
            defer { xmlFreeDoc(document) }
            walk(root, dropsText: false)
        }

        private mutating func walk(_ first: xmlNodePtr, dropsText: Bool) {
            var current: xmlNodePtr? = first
            while let node = current {
                switch node.pointee.type {
                case XML_ELEMENT_NODE:
                    let name = String(cString: node.pointee.name)
                    var attributes: [[String]] = []
                    var property = node.pointee.properties
                    var isJSONLD = false
                    while let attribute = property {
                        let key = String(cString: attribute.pointee.name)
                        let index = HTMLDocument.keptAttributeNames.firstIndex(of: key)
                        let kept = index.map { HTMLDocument.keepsAttribute($0, on: name) } ?? false
                        if kept, let value = xmlGetProp(node, attribute.pointee.name) {
                            let string = String(cString: value)
                            free(value)
                            attributes.append([key, string])
                            if key == "type", name == "script", string.lowercased().contains("ld+json") { isJSONLD = true }
                        } else if kept {
                            attributes.append([key, ""])
                        }
                        property = attribute.pointee.next
                    }
                    elements.append((name, attributes))
                    let drops = dropsText || (HTMLDocument.opaqueElements.contains(name) && !isJSONLD)
                    if let child = node.pointee.children { walk(child, dropsText: drops) }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if !dropsText, let content = node.pointee.content { text += String(cString: content) }
                default:
                    break
                }
                current = node.pointee.next
            }
        }
    }
}
