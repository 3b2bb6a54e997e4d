import Foundation
import Testing
@testable import WirePipe

@Suite struct AggregateStageTests {
    let stage = AggregateStage(settings: AggregateSettings())

    func statistics(_ documents: [ArticleDocument]) throws -> CorpusStatistics {
        var stats = CorpusStatistics()
        for document in documents { stats.merge(try stage.process(document)) }
        return stats
    }

    @Test func pagesArePartitionedIntoOkEmptyAndNotAnArticle() throws {
        let stats = try statistics(SampleArticles.corpus())
        #expect(stats.pagesSeen == 10)
        #expect(stats.articlesEmpty == 1)
        #expect(stats.notArticles == 1)
        #expect(stats.articlesOK == 8)
        // A page that is not an article adds to its flag, and to nothing else.
        #expect(stats.flags["not-an-article:tag"] == 1 && stats.flags["no-main-text"] == 1 && stats.flags["very-short"] == 1)
        #expect(stats.bySite["City Wire"] == 3)
        #expect(stats.byDay["unknown"] == 1)
        #expect(stats.byDayAndSite["2024-06-03"] == ["City Wire": 1, "Daily Aggregator": 1])
    }

    @Test func quotationsCountSplitPartsOnceAndLeaveScareQuotesOut() throws {
        let stats = try statistics(SampleArticles.corpus())
        #expect(stats.speakers["Maria Lind"] == DocumentCount(occurrences: 2, documents: 2))
        #expect(stats.speakers["one senior official"] == DocumentCount(occurrences: 1, documents: 1))
        #expect(stats.quotationsAttributed == 3)
        #expect(stats.quotationsAnonymous == 1)
        #expect(stats.quotationsUnattributed == 0)
        #expect(stats.articlesWithAnonymityPhrase == 1)
    }

    @Test func entitiesCreditsDatelinesAndReadability() throws {
        let stats = try statistics(SampleArticles.corpus())
        #expect(stats.entities["person"]?["Maria Lind"] == DocumentCount(occurrences: 4, documents: 2))
        #expect(stats.entities["place"]?["Italy"] == DocumentCount(occurrences: 1, documents: 1))
        #expect(stats.credits["reporting"]?["Anna Berg"] == 3)
        #expect(stats.credits["editing"]?["Kim Ross"] == 2)
        #expect(stats.byDatelineLocation == ["LONDON": 2, "BERLIN": 1])
        #expect(stats.byAgency["Reuters"] == 2)
        // Scores are counted to one decimal: 48.26 is 48.3.
        #expect(stats.fleschReadingEase.tenths[483] == 1)
        #expect(stats.fleschReadingEase.tenths.values.reduce(0, +) == 3)
    }

    @Test func termsLeaveStopWordsOutPerLanguage() throws {
        let stats = try statistics(SampleArticles.corpus())
        let english = try #require(stats.terms["en"])
        let german = try #require(stats.terms["de"])
        #expect(english["the"] == nil && english["said"] == nil)
        #expect(english["banks"] != nil && english["lenders"] != nil)
        // "die" is a German stop word but an English word: each language uses its own list.
        #expect(german["die"] == nil && german["banken"]?.occurrences == 2)
        // Possessives count with their noun.
        #expect(english["bank's"] == nil && english["bank"] != nil)
        #expect(stats.vocabularySize == Set(english.keys).union(german.keys).count)
    }

    @Test func shortArticlesGetNoSignature() throws {
        let stats = try statistics(SampleArticles.corpus())
        #expect(Set(stats.syndicationRecords.keys) == ["wire-a", "wire-b", "own-story"])
        #expect(stats.syndication == AggregateSettings().syndication)
    }
}
