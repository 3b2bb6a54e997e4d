import Foundation
import Testing
@testable import WirePipe

/// The per-article word table the analysers share: each distinct lowercase word numbered once, with the
/// word lists holding it.
@Suite struct AnalysisTextTests {
    @Test func sameWordInAnyCaseSharesOneNumber() {
        let text = AnalysisText(paragraphs: ["Officials said the talks failed.", "The officials SAID nothing, said Crow."], title: "Talks fail")
        let words = (text.paragraphs + [text.title!]).flatMap { $0.tokens.filter { $0.kind == .word } }
        for word in words {
            #expect(text.lowerWords[Int(word.wordID)] == word.lower)
        }
        let saids = words.filter { $0.lower == "said" }
        #expect(saids.count == 3)
        #expect(Set(saids.map(\.wordID)).count == 1)
        #expect(text.lowerWords.count == Set(words.map(\.lower)).count)
        #expect(text.paragraphs[0].tokens.filter { $0.kind != .word }.allSatisfy { $0.wordID == -1 })
    }

    @Test func tokensCarryTheirWordLists() throws {
        let lists = try AnalysisFixtures.lists()
        let text = AnalysisText(paragraphs: ["The Ukrainians said officials in kyiv spoke on condition of anonymity."], title: nil)
        for token in text.paragraphs[0].tokens where token.kind == .word {
            #expect(token.is(.stopWord) == lists.stopWords.contains(token.lower), "\(token.lower)")
            #expect(token.is(.speechVerb) == lists.speechVerbs.contains(token.lower), "\(token.lower)")
            #expect(token.is(.sourceNoun) == lists.sourceNouns.contains(token.lower), "\(token.lower)")
            #expect(token.is(.anonymityStart) == (lists.anonymityPhrasesByFirstWord[token.lower] != nil), "\(token.lower)")
        }
        let word = { (lower: String) in text.paragraphs[0].tokens.first { $0.lower == lower }! }
        #expect(word("said").is(.speechVerb))
        #expect(word("ukrainians").is(.nationalityOrPlural))
        #expect(word("kyiv").is(.lowercaseGazetteerName))
        #expect(!word("officials").is(.speechVerb))
    }

    @Test func readabilityOverTheWordTableMatchesTheWordList() throws {
        let paragraphs = ["The minister said the escalation was beautiful and terrible.", "Officials table the water bill; the bill fails."]
        let text = AnalysisText(paragraphs: paragraphs, title: nil)
        let words = text.paragraphs.flatMap { $0.tokens.filter { $0.kind == .word }.map(\.lower) }
        let scorer = ReadabilityScorer()
        let byTable = try #require(scorer.score(text, sentences: 3, wordsPerMinute: 238))
        #expect(byTable == scorer.score(words: words, sentences: 3, wordsPerMinute: 238))
    }

    @Test(arguments: ["", "plain ASCII", "Zelenskyy in Kyiv — “yes”, he said", "e\u{301}clair 東京 😀 ﬁ"])
    func scalarsAreReadInOnePass(_ text: String) {
        #expect(AnalysisText.scalars(of: text) == Array(text.unicodeScalars))
        #expect(AnalysisText.scalarCount(of: text) == text.unicodeScalars.count)
    }
}
