import Foundation
import Testing
@testable import WirePipe

@Suite struct CorpusRankingsTests {
    @Test func distinctiveTermsWeighOccurrencesAgainstSpread() {
        var stats = CorpusStatistics()
        stats.byLanguage["en"] = 10
        stats.terms["en"] = [
            "everywhere": DocumentCount(occurrences: 40, documents: 10),  // in every article: ln(1) = 0
            "harbour": DocumentCount(occurrences: 12, documents: 2),  // 12 × ln 5 ≈ 19.3
            "fog": DocumentCount(occurrences: 9, documents: 3),  // 9 × ln(10/3) ≈ 10.8
            "once": DocumentCount(occurrences: 30, documents: 1),  // one article only: not of the corpus
        ]
        let rankings = CorpusRankings(stats, top: 10)
        #expect(rankings.distinctiveTerms.map(\.term) == ["harbour", "fog"])
        #expect(abs((rankings.distinctiveTerms[0].score ?? 0) - 12 * log(5.0)) < 0.001)
        // Top terms by articles, then occurrences.
        #expect(rankings.topTerms.map(\.term) == ["everywhere", "fog", "harbour", "once"])
    }

    @Test func reportersJoinTheReportingRoles() {
        var stats = CorpusStatistics()
        stats.credits = ["reporting": ["Anna Berg": 2], "additional_reporting": ["Anna Berg": 1, "Tom Hale": 1], "editing": ["Kim Ross": 3]]
        let rankings = CorpusRankings(stats, top: 1)
        #expect(rankings.reporters.map(\.name) == ["Anna Berg"] && rankings.reporters.first?.count == 3)
        #expect(rankings.editors.first?.name == "Kim Ross")
    }

    @Test func tiesAreBrokenByName() {
        #expect(CorpusRankings.top(["b": 2, "a": 2, "c": 5], 3).map(\.name) == ["c", "a", "b"])
    }

    /// The bounded selection gives what a full stable sort's prefix gives, ties included.
    @Test func firstKIsTheSortedPrefix() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let items = (0..<Int.random(in: 0...300, using: &generator)).map { ($0, Int.random(in: 0...20, using: &generator)) }
            let k = Int.random(in: 0...40, using: &generator)
            let expected = items.sorted { $0.1 > $1.1 }.prefix(k)
            #expect(CorpusRankings.first(k, of: items) { $0.1 > $1.1 }.map(\.0) == expected.map(\.0))
        }
    }
}
