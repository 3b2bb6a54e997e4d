import Foundation
import Testing
@testable import WirePipe

@Suite struct CorpusStatisticsTests {
    func contribution(site: String, day: String, words: Int, language: String = "en") -> CorpusStatistics {
        var stats = CorpusStatistics()
        stats.pagesSeen = 1
        stats.articlesOK = 1
        stats.totalWords = words
        stats.bySite[site] = 1
        stats.byDay[day] = 1
        stats.byLanguage[language] = 1
        stats.wordCounts[words] = 1
        return stats
    }

    @Test func mergeIsAssociativeAndCommutative() {
        let parts = (0..<20).map { contribution(site: "site\($0 % 3)", day: "2022-05-\(10 + $0 % 5)", words: 100 + $0 * 37) }
        var forward = CorpusStatistics()
        parts.forEach { forward.merge($0) }
        var backward = CorpusStatistics()
        parts.reversed().forEach { backward.merge($0) }
        var left = CorpusStatistics(), right = CorpusStatistics()
        parts.prefix(7).forEach { left.merge($0) }
        parts.dropFirst(7).forEach { right.merge($0) }
        right.merge(left)
        #expect(forward == backward)
        #expect(forward == right)
        #expect(forward.bySite["site0"] == 7)
        #expect(forward.pagesSeen == 20)
    }

    @Test func percentilesAreExact() {
        var stats = CorpusStatistics()
        for words in 1...100 { stats.merge(contribution(site: "s", day: "d", words: words)) }
        let summary = stats.lengthSummary
        #expect(summary.percentiles.first { $0.name == "p50" }?.value == 50)
        #expect(summary.percentiles.first { $0.name == "p90" }?.value == 90)
        #expect(summary.mean == 50.5)
        #expect(summary.minimum == 1 && summary.maximum == 100)
        let histogram = LengthSummary.histogram(stats.wordCounts, bins: [0, 10, 50])
        #expect(histogram.map(\.count) == [9, 40, 51])
    }

    @Test func jsonRoundTripKeepsEveryCounter() throws {
        var stats = CorpusStatistics()
        stats.merge(contribution(site: "World News Desk", day: "2022-05-26", words: 1200))
        stats.merge(contribution(site: "The Daily Aggregator", day: "2022-05-26", words: 1190, language: "de"))
        stats.recordFailure(PageError(.binary, stage: .fetch, "junk"))
        let data = try JSONEncoder().encode(stats)
        let decoded = try JSONDecoder().decode(CorpusStatistics.self, from: data)
        #expect(decoded == stats)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["by_site"] as? [String: Int])?["World News Desk"] == 1)
        #expect((json["pages"] as? [String: Int])?["failed"] == 1)
    }

    @Test func aggregateStageCountsAnArticle() throws {
        let article = try Fixtures.article("wordpress-repost.html")
        let stats = try AggregateStage(settings: AggregateSettings()).process(article)
        #expect(stats.bySite == ["World News Desk": 1])
        #expect(stats.byDay == ["2022-05-26": 1])
        #expect(stats.byAgency == ["Reuters": 1])
        #expect(stats.totalWords == article.metrics.words)
    }
}
