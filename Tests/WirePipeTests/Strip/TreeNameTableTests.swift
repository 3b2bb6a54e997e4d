import Foundation
import Testing
@testable import WirePipe

/// The tree builder finds common tag names and kept attribute names by their bytes; the facts it records
/// must be the ones the general path works out from the name.
@Suite struct TreeNameTableTests {
    @Test func commonNamesAreFoundByTheirBytes() {
        for (index, name) in CommonTagNames.names.enumerated() {
            var bytes = Array(name.utf8)
            #expect(bytes.withUnsafeBufferPointer { CommonTagNames.index(of: $0) } == index, "\(name)")
            bytes.append(UInt8(ascii: "x"))
            #expect(bytes.withUnsafeBufferPointer { CommonTagNames.index(of: $0) } == nil, "\(name)x")
        }
        for other in ["", "spa", "divs", "my-widget", "DIV", "h7", "amp-img"] {
            let bytes = Array(other.utf8)
            #expect(bytes.withUnsafeBufferPointer { CommonTagNames.index(of: $0) } == nil, "\(other)")
        }
        // The table holds what extraction classifies by name.
        for name in Set(TagKind.table.keys).union(HTMLDocument.indexedTags).union(HTMLDocument.opaqueElements) {
            #expect(CommonTagNames.names.contains(name), "\(name)")
        }
        for (index, entry) in CommonTagNames.entries.enumerated() {
            let general = ElementName(name: CommonTagNames.names[index], id: 0)
            #expect(entry.tag == general.tag && entry.isIndexed == general.isIndexed && entry.isOpaque == general.isOpaque
                && entry.isScript == general.isScript && entry.isRawText == general.isRawText && entry.plainHint == general.plainHint
                && entry.boundAttributes == general.boundAttributes)
        }
    }

    /// On real pages and a page of uncommon names: every element's recorded facts are its name's, names are
    /// distinct in the tree's table, and the tag index holds every indexed element.
    @Test func treesRecordEachNamesFacts() throws {
        var trees = try MetadataFastPathTests.pageTrees()
        let made = try HTMLDocument.parse(Array("""
            <html><body><my-widget class="a">x</my-widget><amp-img src="s"></amp-img><div data-x="1" classx="no" clas="no"
            CLASS="Story" ID="Main" role="r" itemprop="i" itemtype="t" rel="l" property="p" name="n" content="c" datetime="d"
            lang="en" type="t" hidden aria-hidden="true" style="s" href="h" http-equiv="e" pubdate>y</div><my-widget>z</my-widget>
            <svg><path d="M0"></path></svg><p>text</p><link href="h" type="t" name="n"><script type="t" name="n" href="h"></script>
            <meta name="n" type="t" href="h"></body></html>
            """.utf8), encoding: "UTF-8")
        trees.append(("made", made))
        for (page, tree) in trees {
            #expect(Set(tree.nodes.storage.names).count == tree.nodes.storage.names.count, "\(page)")
            var indexed: [String: [Int]] = [:]
            for index in tree.nodes.indices where !tree.nodes[index].isText {
                let node = tree.nodes[index]
                let general = ElementName(name: node.name, id: 0)
                #expect(node.tag == general.tag, "\(page) \(node.name)")
                if node.attributes.isEmpty { #expect(node.hint == general.plainHint, "\(page) \(node.name)") }
                if general.isIndexed { indexed[node.name, default: []].append(index) }
            }
            for name in HTMLDocument.indexedTags { #expect(tree.elements(named: name) == indexed[name, default: []], "\(page) \(name)") }
        }
        let div = try #require(made.elements(named: "body").first.flatMap { body in
            made.nodes.indices.first { made.nodes[$0].name == "div" && made.contains(body, $0) }
        })
        let attributes = made.nodes[div].attributes
        // All kept names but those kept on one element only (`href` on `link`, `type` on `script`, `name` on `meta`).
        #expect(attributes.map(\.name) == HTMLDocument.keptAttributeNames.filter { !["href", "type", "name"].contains($0) })
        for (element, name) in [("link", "href"), ("script", "type"), ("meta", "name")] {
            let index = try #require(made.elements(named: element).last)
            #expect(made.nodes[index].attributes.map(\.name) == [name], "\(element)")
        }
        #expect(made.nodes[div].attribute("class") == "Story")
        #expect(made.nodes[div].classNames == "story main")
        #expect(made.elements(named: "my-widget").count == 2)
    }

    /// The word-at-a-time test for script text the parser may skip is the byte-by-byte definition, with the
    /// byte that fails it at every offset of a buffer longer than the widest step.
    @Test func plainTextTestIsTheByteDefinition() {
        func definition(_ bytes: [UInt8]) -> Bool {
            guard String(validating: bytes, as: UTF8.self) != nil else { return false }
            for (i, byte) in bytes.enumerated() {
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return false }
            }
            return true
        }
        let base = Array("var x = \"a\" + 'b'; if (y < 3) { z(); } // é ~ \u{7F} end of line....".utf8)
        for bad: [UInt8] in [[0x00], [0x01], [0x1F], [0x0B], [0x09], [0x0A], [0x0D], [0x80], [0xC3, 0xA9], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBD],
                             [0xED, 0xA0, 0x80], [0xFF], [0x7F], [0x20]] {
            for offset in 0...base.count {
                var bytes = base
                bytes.insert(contentsOf: bad, at: offset)
                let fast = bytes.withUnsafeBufferPointer(TreeState.isPlainText)
                #expect(fast == definition(bytes), "\(bad) at \(offset)")
            }
        }
    }
}
