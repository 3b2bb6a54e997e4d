import Foundation
import Testing
@testable import WirePipe

/// `JSONLDFastParser` reads what `JSONSerialization` reads: the reader's findings are the same with it and
/// without it, on real pages and on blocks made to sit at the edges of its subset.
@Suite struct JSONLDFastParserTests {
    func findings(_ reader: JSONLDReader) -> [String] {
        [reader.headline, reader.datePublished, reader.dateModified, reader.section, reader.keywords, reader.publisherName,
         reader.websiteName].map { $0 ?? "<nil>" } + ["authors: \(reader.authors)"]
    }

    func expectSameFindings(_ tree: DOMTree, _ name: String) {
        #expect(findings(JSONLDReader(tree: tree)) == findings(JSONLDReader(tree: tree, strictParser: false)), "\(name)")
    }

    func blocks(_ tree: DOMTree) -> [[UInt8]] {
        tree.elements(named: "script").compactMap { index in
            guard let type = tree.nodes[index].attribute("type"), type.lowercased().contains("ld+json") else { return nil }
            var text: [UInt8] = []
            tree.appendText(of: index, to: &text)
            return text
        }
    }

    @Test func realPagesGiveTheSameFindings() throws {
        var blockCount = 0, strict = 0
        for (name, tree) in try MetadataFastPathTests.pageTrees() {
            expectSameFindings(tree, name)
            for block in blocks(tree) {
                blockCount += 1
                if JSONLDFastParser.parse(block) != nil { strict += 1 }
            }
        }
        // The strict parser reads most blocks (else it saves nothing), and the comparison saw blocks.
        #expect(blockCount >= 10)
        #expect(strict * 10 >= blockCount * 8, "\(strict) of \(blockCount)")
    }

    /// Blocks at the edges of the subset: the findings agree whichever reader takes them.
    @Test(arguments: [
        #"{"@type":"NewsArticle","headline":"Plain","author":{"name":"Jane Doe"},"datePublished":"2022-05-26"}"#,
        #"[{"@type":["WebPage"],"name":"Page"},{"@type":"Article","name":"Name \u00e9\ud83d\ude00 \/ \"q\" \\ \n\t"}]"#,
        #"{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":"BlogPosting","headline":7,"name":"N","author":null,"creator":"C"}]}"#,
        #"{"@type":"Article","headline":"Dup","headline":"Second"}"#,
        #"{"@type":"Article","headline":"Lone \ud800 surrogate"}"#,
        #"{"@type":"Article","headline":"Nul \u0000 char"}"#,
        #"{"@type":"Article","headline":"x",}"#,
        #"{"@type":"Article","headline":"x"} trailing"#,
        #"{"@type":"Article","headline":"x","n":01}"#,
        #"{"@type":"Article","headline":"x","n":-0.5e+10,"m":123456789012345678901234,"o":1e400}"#,
        "{\"@type\":\"Article\",\"headline\":\"raw\ttab\"}",
        "\u{FEFF}{\"@type\":\"Article\",\"headline\":\"bom\"}",
        #""just a string""#,
        #"{"@type":"Article","articleSection":["A","B"],"keywords":["k1","k2"],"publisher":[{"name":"P1"},"P2"]}"#,
        #"{"@type":"Article","articleSection":[],"keywords":["k1",2],"author":[{"name":"http://x"},{"name":"By Ann and Bob"}]}"#,
        #"{"@type":"Article","mainEntity":{"@type":"NewsArticle","headline":"Deep","dateModified":"2023-01-02"}}"#,
        #"{"@type":"Article","headline":"\u0041\u00DF\u6771"}"#,
        #"{"@type" : "Article" , "headline" : "spaced" }"#,
        #"{"@type":"Article","headline":"x","bad":"\x"}"#,
        #"{"@type":"Article","headline":"x","t":tru}"#,
    ])
    func edgeBlocksGiveTheSameFindings(json: String) throws {
        let html = "<html><head><script type=\"application/ld+json\">\(json)</script></head><body><p>x</p></body></html>"
        let tree = try HTMLDocument.parse(Array(html.utf8), encoding: "UTF-8")
        #expect(blocks(tree).count == 1)
        expectSameFindings(tree, json)
    }

    @Test func parserRefusesWhatItDoesNotKnow() {
        for refused in [#"{"a":1,"a":2}"#, #"{"a":"\ud800"}"#, #"{"a":"\u0000"}"#, #"[1,]"#, #"[01]"#, #""s""#, "[\"\t\"]",
                        #"[1e400]"#, #"[1234567890123456789]"#, "\u{FEFF}[]", #"{} x"#, #"[nul]"#, #"{"a" 1}"#] {
            #expect(JSONLDFastParser.parse(Array(refused.utf8)) == nil, "\(refused)")
        }
        let nested = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        #expect(JSONLDFastParser.parse(Array(nested.utf8)) == nil)
        guard let document = JSONLDFastParser.parse(Array(#" {"k":"a\u00e9\ud83d\ude00\/","l":[true,false,null,-1.5E-3]} "#.utf8)) else {
            Issue.record("plain JSON refused")
            return
        }
        #expect(document.asString(document.member(document.root, "k")) == "aé😀/")
        #expect(document.asStrings(document.member(document.root, "l")) == nil)
    }
}
