import Foundation
import Testing
@testable import WirePipe

/// Leaving out the attributes the tree drops leaves the tree exactly as the page itself gives it: on
/// real pages, on markup built to trip the scan, and on real pages cut up at random.
@Suite struct UnreadAttributesTests {
    /// Everything the tree holds, node by node, with the lookup of elements by tag.
    static func dump(_ tree: DOMTree) -> [String] {
        var lines = tree.nodes.indices.map { index -> String in
            let node = tree.nodes[index]
            let attributes = node.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: "\u{1}")
            return "\(node.name)|\(node.parent)|\(node.subtreeEnd)|\(node.tag.rawValue)|\(node.hint)|\(node.classNames)|\(node.text)|\(attributes)"
        }
        for tag in tree.elementsByTag.keys.sorted() { lines.append("\(tag): \(tree.elementsByTag[tag]!)") }
        return lines
    }

    /// The tree from the page as it is, and from the page without its unread attributes (nil when the parse
    /// failed: then both must fail alike).
    static func bothTrees(_ bytes: [UInt8]) -> (plain: [String]?, trimmed: [String]?, plainError: String?, trimmedError: String?) {
        func parse(_ leavingOut: Bool) -> ([String]?, String?) {
            do {
                let tree = try HTMLDocument.parse(bytes, encoding: "UTF-8", stage: .strip, limits: HTMLDocument.Limits(), leavingOutUnreadAttributes: leavingOut)
                return (dump(tree), nil)
            } catch {
                return (nil, "\(error)")
            }
        }
        let (plain, plainError) = parse(false)
        let (trimmed, trimmedError) = parse(true)
        return (plain, trimmed, plainError, trimmedError)
    }

    static func expectSameTree(_ bytes: [UInt8], _ label: String) {
        let trees = bothTrees(bytes)
        #expect(trees.plainError == trees.trimmedError, "\(label)")
        guard let plain = trees.plain, let trimmed = trees.trimmed else { return }
        #expect(plain.count == trimmed.count, "\(label)")
        if let first = zip(plain, trimmed).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("\(label): node \(first) differs:\n  \(plain[first])\n  \(trimmed[first])")
        }
    }

    /// The carried pages (benchmark, samples, seed, multilingual), as fetch hands them to strip.
    static func carriedPages() throws -> [(name: String, bytes: [UInt8])] {
        let fetch = FetchStage(settings: FetchSettings())
        var pages: [(String, [UInt8])] = []
        for folder in ["benchmark", "pages", "multilingual", ""] {
            let url = folder.isEmpty ? Fixtures.folder : Fixtures.url(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
                .filter { $0.hasSuffix(".html") || $0.hasSuffix(".html.gz") }
            for name in names {
                let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                let page = try fetch.process(PageLocation(root: Fixtures.folder, relativePath: relative))
                if page.parserEncoding == "UTF-8" { pages.append((relative, page.html)) }
            }
        }
        return pages
    }

    @Test func realPagesGiveTheSameTree() throws {
        guard UnreadAttributes.appliesToRunningParser else { return }
        let pages = try Self.carriedPages()
        #expect(pages.count >= 30)
        var before = 0, after = 0
        for page in pages {
            Self.expectSameTree(page.bytes, page.name)
            before += page.bytes.count
            after += (UnreadAttributes.removed(from: page.bytes) ?? page.bytes).count
        }
        // Not a no-op: real pages lose a good share of their bytes.
        #expect(Double(after) < 0.95 * Double(before), "\(after) of \(before) bytes left")
    }

    /// Attributes are left out only where libxml2 reads them as attributes of a start tag.
    @Test func leavesOutOnlyUnreadAttributes() throws {
        let long = String(repeating: "x", count: 40)
        let page = #"<html><body><img src="\#(long)" class="\#(long)" data-a='\#(long)' alt=\#(long) async><p title="short">t</p></body></html>"#
        let removed = try #require(UnreadAttributes.removed(from: Array(page.utf8)))
        #expect(String(decoding: removed, as: UTF8.self) == #"<html><body><img  class="\#(long)"   ><p >t</p></body></html>"#)
        // `href` stays on `<link>` only, in any case of the tag's name (`HTMLDocument.attributeElements`).
        let links = #"<link rel=canonical href="/\#(long)"><LINK HREF=/\#(long)><a href="/\#(long)" rel=author>a</a><linkx href=\#(long)>"#
        #expect(String(decoding: try #require(UnreadAttributes.removed(from: Array(links.utf8))), as: UTF8.self)
            == #"<link rel=canonical href="/\#(long)"><LINK HREF=/\#(long)><a  rel=author>a</a><linkx >"#)
        // Nothing to leave out: no copy.
        #expect(UnreadAttributes.removed(from: Array("<p class=\"\(long)\">a</p><!---->".utf8)) == nil)
        // Comments lose their content, not their ends; ill-formed UTF-8 in one keeps it.
        let comments = Array("<p class=\"\(long)\">a</p><!-- <p x=\"y\"> --><!--é--!><!---->".utf8) + [0x3C, 0x21, 0x2D, 0x2D, 0xE9, 0x2D, 0x2D, 0x3E]
        #expect(try #require(UnreadAttributes.removed(from: comments)) == Array("<p class=\"\(long)\">a</p><!----><!----!><!---->".utf8) + [0x3C, 0x21, 0x2D, 0x2D, 0xE9, 0x2D, 0x2D, 0x3E])
        // A NUL byte anywhere: libxml2 stops there, so the page is left alone.
        #expect(UnreadAttributes.removed(from: Array("<img src=\"\(long)\">\u{0}".utf8)) == nil)
        // Non-ASCII values stay (an ill-formed byte there would switch libxml2's encoding).
        #expect(UnreadAttributes.removed(from: Array("<img alt=\"\(long)é\">".utf8)) == nil)
    }

    /// Markup where a wrong guess about what is a tag would lose text or change the tree.
    @Test func trickyMarkupGivesTheSameTree() {
        guard UnreadAttributes.appliesToRunningParser else { return }
        let v = String(repeating: "v", count: 30)
        let cases = [
            #"<p>a <!-- <img src="\#(v)"> --> b <img src="\#(v)"> c</p>"#,
            #"<p>a <!--> <img src="\#(v)"> --> b</p>"#,
            #"<p>a <!---> <img src="\#(v)"> -->b</p>"#,
            #"<p>a <!-- x --!> <img src="\#(v)"> b</p>"#,
            #"<p>a <!-- unclosed <img src="\#(v)"> b</p>"#,
            #"<p>a <img alt="x > y" src="\#(v)"> b</p>"#,
            #"<p>a <img src="\#(v) > text" b</p> <p>more "quoted" text</p>"#,
            #"<p>a <img src=\#(v)"x" data-x="\#(v)"> b</p>"#,
            #"<p>a <img ="\#(v) \#(v)" data-x="\#(v)"> b</p>"#,
            #"<p>a <img "\#(v)" src="\#(v)"/> b</p>"#,
            #"<p>a <img src=\#(v)/>b "x" <i data-a="\#(v)">c</i></p>"#,
            #"<p>a</p x="\#(v)> <b data-a="\#(v)">b</b> "> c"#,
            #"<p>a </ p data-x="\#(v)"> b</p>"#,
            #"<p>a <? pi <img src="\#(v)"> ?> b <img src="\#(v)"></p>"#,
            #"<p>a <?php echo "<img src='\#(v)'>"; ?> b</p>"#,
            #"<p>a <! bogus <img src="\#(v)"> > b</p>"#,
            #"<!DOCTYPE html PUBLIC "-//W3C//DTD > XHTML" "http://x>y"><html><body><img src="\#(v)">a</body></html>"#,
            #"<!DOCTYPE html SYSTEM "about:legacy>compat"><img src="\#(v)">a"#,
            #"<p>a</p><!DOCTYPE html></p><img src="\#(v)">b"#,
            #"<!doctype html></div><img src="\#(v)">b"#,
            #"<script>var s = "<img src='\#(v)'>"; </scriptx> <img src="\#(v)"></script><p data-x="\#(v)">a</p>"#,
            #"<script></div><img src="\#(v)"></script><p data-x="\#(v)">a</p>"#,
            #"<script><p data-x="\#(v)">x</script><p data-x="\#(v)">a</p>"#,
            #"<script><!-- <img src="\#(v)"> --></script><p data-x="\#(v)">a</p>"#,
            #"<script src="\#(v)"/><p data-x="\#(v)">a</p>"#,
            #"<SCRIPT>x</Script ><p data-x="\#(v)">a</p>"#,
            #"<style>p::after { content: "</p><img src='\#(v)'>" }</style><p data-x="\#(v)">a</p>"#,
            #"<script type="application/ld+json">{"image": "\#(v)"}</script><p data-x="\#(v)">a</p>"#,
            #"<textarea><img src="\#(v)"></textarea><p>a</p>"#,
            #"<p \#(String(repeating: "n", count: 120))="\#(v)" data-x="\#(v)">a</p>"#,
            #"<\#(String(repeating: "t", count: 120)) data-x="\#(v)">a</p>"#,
            #"<meta charset="windows-1252-and-then-some-more"><meta http-equiv="content-type" content="text/html; charset=utf-8"><p>é</p>"#,
            #"<p>a &lt;img src="\#(v)"&gt; b <img src="\#(v)"></p>"#,
            #"<p>a <_x data-x="\#(v)"> b <:y data-x="\#(v)"> c</p>"#,
            #"<p>a <img src='\#(v)"' data-x="\#(v)'"> b</p>"#,
            #"<p>a <img src = "\#(v)" data-x\#t=\#t'\#(v)'> b</p>"#,
            #"<html data-x="\#(v)"><body data-x="\#(v)"><html lang="en" data-y="\#(v)"><body data-z="\#(v)">a</body></html>"#,
            // A quote in a comment, a processing instruction, a doctype or a script opens no value: a scan that
            // thought so would empty the text after it.
            #"<p>a <!-- <img src="x --> text that must stay "> --> b</p>"#,
            #"<p>a <?pi <img src="x ?> text that must stay "> b</p>"#,
            #"<!DOCTYPE html SYSTEM 'x'><p>a</p><!DOCTYPE x y="><p>text that must stay</p><i data-x=">b</i>"#,
            #"<script>x = '<img src="</script> text that must stay <i data-a="\#(v)">'</script>"#,
            #"<p>a</p x="> text that must stay <b data-x="> b</b>"#,
            #"<p>unterminated <img src="\#(v)"#,
            #"<p>unterminated <img src="\#(v)" data-x="#,
            // Attributes left out between kept ones, quoted or not, with and without blanks around them.
            #"<p data-a=1 class=x>a</p><p class=x data-a=1 id=y>b</p><p class="x"data-a="1"id=y>c</p><p data-a class=q>d<img src=\#(v)/><img src="\#(v)" \#n\#t alt=y class=z/>e<p class=k data-a = "\#(v)"  ="q" id=w>f</p>"#,
            // Comments emptied: where one ends, what ends it, text on either side, a comment before the root.
            #"<!-- head --><html><body><p>a<!-- x -->b<!-- y --!>c<!--z-->d<!---->e<!-- - -- --->f</p></body></html>"#,
            #"<p>a<!--<p>x</p>--></p><p>b<!-- unterminated --! > -- > <p>c</p>"#,
            #"<ul><li>a<!-- é ü 😀 --></li><!-- --><li>b</li></ul><!--[if IE]><p>ie</p><![endif]-->"#,
            // Attributes kept on one element only: `href` on `<link>`, `type` on `<script>`, `name` on `<meta>`.
            #"<head><link rel="canonical" href="/\#(v)"><Link HREF='/\#(v)' type="text/css"><meta name="x" content="y"></head><p>a <a href="/\#(v)" name="n" type="t" rel="author">b</a></p>"#,
            #"<head><script type="application/ld+json" name="x">{"a": 1}</script><link/href="\#(v)"><link:x href="\#(v)"></head><p>a</p>"#,
            #"<p>a <input type=text name=q><button type="submit">b</button><meta name=\#(v) content=c></p>"#,
        ]
        for page in cases { Self.expectSameTree(Array(page.utf8), page) }
    }

    /// Real pages cut up at random: markup fragments (quotes, comment and tag openers, script tags) put in
    /// at random places. A fixed seed, so a failure repeats.
    @Test func mutatedPagesGiveTheSameTree() throws {
        guard UnreadAttributes.appliesToRunningParser else { return }
        let pages = try Self.carriedPages().filter { $0.name.hasPrefix("benchmark/") || $0.name.hasPrefix("pages/") }
        #expect(!pages.isEmpty)
        let fragments = ["\"", "'", "<", ">", "</", "<!--", "-->", "--!>", "<?", "<!DOCTYPE html>", "<script>", "</script>", "<style>",
                         "</style>", "<img src=\"", "=", " ", "/>", "<!", "<a href=", "</p x=\">", "&", "<svg><path d=\"", "<link href=\"", "<LINK rel=canonical href="]
        var generator = SplitMix(seed: 0x5EED)
        for round in 0..<60 {
            var bytes = pages[round % pages.count].bytes
            for _ in 0..<(1 + Int(generator.next() % 6)) {
                let fragment = Array(fragments[Int(generator.next() % UInt64(fragments.count))].utf8)
                // An ASCII boundary, so the page stays well-formed UTF-8 as fetch guarantees.
                var at = Int(generator.next() % UInt64(bytes.count))
                while at < bytes.count && bytes[at] >= 0x80 { at += 1 }
                bytes.insert(contentsOf: fragment, at: at)
            }
            Self.expectSameTree(bytes, "round \(round)")
        }
    }
}
