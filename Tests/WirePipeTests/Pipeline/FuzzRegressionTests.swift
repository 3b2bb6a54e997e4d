import Foundation
import Testing
@testable import WirePipe

/// Inputs for the path `wirepipe-fuzz` takes (fetch from bytes, strip, normalise, analyse, the page's
/// statistics): each must end in an article or a typed page error, never a crash. Inputs that scripts/fuzz
/// finds crashing are added here (as bytes, with what they broke) once the bug is fixed; the first entries are
/// edge cases of the decoders written by hand.
@Suite struct FuzzRegressionTests {
    static let cases: [(String, [UInt8])] = [
        ("nothing", []),
        ("a gzip header alone", [0x1f, 0x8b]),
        ("a gzip header and garbage", [0x1f, 0x8b, 0x08, 0x00, 0xff, 0xff, 0xff, 0xff, 0x00, 0x03, 0x01]),
        ("a UTF-16 BOM and an odd byte", [0xFF, 0xFE, 0x3C]),
        ("a UTF-32 BOM and a partial unit", [0xFF, 0xFE, 0x00, 0x00, 0x3C, 0x00]),
        ("a UTF-8 BOM alone", [0xEF, 0xBB, 0xBF]),
        ("a lone surrogate in UTF-16", [0xFF, 0xFE, 0x3C, 0x00, 0x70, 0x00, 0x3E, 0x00, 0x00, 0xD8, 0x41, 0x00]),
        ("a multi-byte charset with invalid bytes", Array("<meta charset=shift_jis><p>".utf8) + [0x81, 0xFF, 0xFE, 0x82] + Array("</p>".utf8)),
        ("an unknown charset", Array("<meta charset=x-no-such-thing><p>caf\u{e9} au lait</p>".utf8)),
        ("a charset label cut off", Array("<meta charset=\"utf".utf8)),
        ("an XML declaration alone", Array("<?xml version=\"1.0\" encoding=\"".utf8)),
        ("only a comment", Array("<!--".utf8)),
        ("a CDATA section in a paragraph", Array("<p><![CDATA[x]]> said the official, who spoke on condition of anonymity.</p>".utf8)),
        ("quotes that never close", Array(("<p>\u{201C}" + String(repeating: "He said \u{201C}yes ", count: 200) + "</p>").utf8)),
        ("a dateline and nothing else", Array("<p>LONDON (Reuters) -</p>".utf8)),
        ("a credit line alone", Array("<p>Reporting by; Editing by</p>".utf8)),
        ("attributes without values", Array("<div class id role itemprop><p lang>x</p></div>".utf8)),
        ("JSON-LD that is not JSON", Array("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": [</script>".utf8)),
        ("JSON-LD nested deeply", Array(("<script type=\"application/ld+json\">" + String(repeating: "[", count: 10_000) + "</script>").utf8)),
    ]

    @Test(arguments: cases.indices)
    func endsInAnArticleOrAPageError(_ index: Int) {
        let (name, bytes) = Self.cases[index]
        let pipeline = Pipeline(configuration: PipelineConfiguration())
        HTMLDocument.initialiseParser()
        do throws(PageError) {
            let page = try pipeline.fetch.page(from: bytes, id: "fuzz", path: "fuzz.html")
            let document = try pipeline.article(from: page)
            _ = try pipeline.aggregate.process(document)
            #expect(document.status == .ok || document.status == .empty, "\(name)")
        } catch {
            #expect(!error.message.isEmpty, "\(name)")
        }
    }
}
