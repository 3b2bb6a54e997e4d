import Foundation
import Testing
@testable import WirePipe

@Suite struct NormaliseStageTests {
    let stage = NormaliseStage(settings: NormaliseSettings())

    @Test func seedParagraphsBecomeSentencesAndTokens() throws {
        let normalised = try stage.process(try Fixtures.stripped("wordpress-repost.html"))
        let first = try #require(normalised.paragraphs.first)
        // "U.S. and diplomatic officials told Reuters." must not end the sentence early.
        #expect(first.sentences.count == 1)
        let crow = try #require(normalised.paragraphs.first { $0.text.hasPrefix("\u{201C}We must reiterate") })
        #expect(crow.sentences.count == 1)
        let haines = try #require(normalised.paragraphs.first { $0.text.hasPrefix("But US intelligence") })
        #expect(haines.sentences.count == 2)
        #expect(first.words == first.tokens.filter { $0.contains { $0.isLetter || $0.isNumber } }.count)
    }

    @Test func curlyAndStraightQuotesGiveTheSameTokens() throws {
        func tokens(_ text: String) throws -> [String] {
            let article = StrippedArticle(
                id: "x", source: PageSource(path: "x", sha256: "", bytes: 0, encoding: "utf-8", encodingSource: "meta", compressed: false),
                metadata: ArticleMetadata(), blocks: [TextBlock(kind: .paragraph, text: text)], flags: [])
            return try stage.process(article).paragraphs[0].tokens
        }
        #expect(try tokens("\u{201C}So far we\u{2019}ve been \u{2013} he said.\u{201D}") == tokens("\"So far we've been - he said.\""))
    }

    @Test func textIsNFCAndWhitespaceFoldedButKeepsThePublishersCharacters() throws {
        let article = StrippedArticle(
            id: "x", source: PageSource(path: "x", sha256: "", bytes: 0, encoding: "utf-8", encodingSource: "meta", compressed: false),
            metadata: ArticleMetadata(), blocks: [TextBlock(kind: .paragraph, text: "  Cafe\u{301}\u{00A0}owner \n said \u{201C}no\u{201D} \u{2013} twice. ")], flags: [])
        let text = try stage.process(article).paragraphs[0].text
        #expect(text == "Caf\u{E9} owner said \u{201C}no\u{201D} \u{2013} twice.")
    }

    @Test func cp1252AndUTF8CopiesNormaliseToTheSameText() throws {
        let a = try stage.process(try Fixtures.stripped("wordpress-repost.html")).paragraphs.map(\.text)
        let b = try stage.process(try Fixtures.stripped("aggregator-copy-cp1252.html")).paragraphs.map(\.text)
        let shared = Set(a).intersection(b)
        let seed = try Fixtures.seedParagraphs()
        #expect(shared.count >= seed.count - 1)
    }
}
