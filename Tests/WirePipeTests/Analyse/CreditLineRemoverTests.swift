import Foundation
import Testing
@testable import WirePipe

@Suite struct CreditLineRemoverTests {
    private func paragraph(_ text: String) -> NormalisedParagraph {
        NormalisedParagraph(kind: .paragraph, text: text, sentences: SentenceSplitter().split(text),
                            words: Tokenizer().wordCount(in: text))
    }

    @Test func wholeParagraphCreditLineIsDropped() throws {
        let paragraphs = [paragraph("The talks ended, officials said."), paragraph("Reporting by Jane Doe; Editing by John Roe")]
        let credits = try #require(CreditLineParser().parse(paragraphs: paragraphs.map(\.text)))
        let result = CreditLineRemover().remove(credits, from: paragraphs)
        #expect(result.map(\.text) == ["The talks ended, officials said."])
    }

    @Test func parenthesisedCreditLineIsCutFromItsParagraph() throws {
        let paragraphs = [paragraph("The talks ended, officials said. (Reporting by Jane Doe in London; Editing by John Roe)")]
        let credits = try #require(CreditLineParser().parse(paragraphs: paragraphs.map(\.text)))
        let result = CreditLineRemover().remove(credits, from: paragraphs)
        #expect(result.map(\.text) == ["The talks ended, officials said."])
        #expect(result[0].words == 5)
        #expect(result[0].sentences.count == 1)
    }

    @Test(arguments: Fixtures.seedPages)
    func seedCreditLineLeavesTheTextButStaysInCredits(_ name: String) throws {
        let expected = try Fixtures.expected().story
        let article = try Fixtures.article(name)
        #expect(!article.text.contains("Editing by"))
        #expect(article.text.hasSuffix("the second US official said."))
        #expect(article.credits?["reporting"] == expected.credits["reporting"])
        #expect(article.credits?["editing"] == expected.credits["editing"])
        #expect(article.creditLine == "Reporting by Phil Stewart and Idrees Ali; Editing by Mary Milliken and Daniel Wallis")
    }
}
