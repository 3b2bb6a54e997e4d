import Foundation
import Testing
@testable import WirePipe

@Suite struct KeyphraseExtractorTests {
    @Test func repeatedMultiWordPhrasesRankHigh() throws {
        let text = AnalysisText(paragraphs: [
            "The central bank raised interest rates again on Wednesday.",
            "Higher interest rates will slow the housing market, the central bank said.",
            "Analysts expect the housing market to cool by the end of the year.",
        ], title: nil)
        let phrases = KeyphraseExtractor(lists: try AnalysisFixtures.lists()).keyphrases(in: text, count: 10)
        #expect(phrases.count <= 10)
        let names = phrases.map(\.phrase)
        #expect(names.contains("central bank"))
        #expect(names.contains("housing market"))
        #expect(!names.contains { $0.split(separator: " ").contains("the") })
        #expect(zip(phrases, phrases.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func countIsRespected() throws {
        let text = AnalysisText(paragraphs: ["Red apples, green pears, ripe plums, sweet cherries and sour lemons were sold."], title: nil)
        #expect(KeyphraseExtractor(lists: try AnalysisFixtures.lists()).keyphrases(in: text, count: 2).count == 2)
    }
}
