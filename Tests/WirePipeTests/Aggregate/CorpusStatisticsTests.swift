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
        var full = CorpusStatistics()
        for document in SampleArticles.corpus() { full.merge(try AggregateStage(settings: AggregateSettings()).process(document)) }
        let again = try JSONDecoder().decode(CorpusStatistics.self, from: StatisticsFile.encode(full, settings: AggregateSettings()))
        #expect(again == full)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["by_site"] as? [String: Int])?["World News Desk"] == 1)
        #expect((json["pages"] as? [String: Int])?["failed"] == 1)
    }

    /// The statistics of every split of a corpus, merged in any order, are byte for byte the statistics of
    /// the whole: counters, rankings, distributions and clusters.
    @Test func mergedSplitsEncodeExactlyAsTheWhole() throws {
        let stage = AggregateStage(settings: AggregateSettings())
        var documents = SampleArticles.corpus()
        documents += try Fixtures.seedPages.map(Fixtures.article)
        let parts = try documents.map { try stage.process($0) }
        var whole = CorpusStatistics()
        parts.forEach { whole.merge($0) }
        let expected = try StatisticsFile.encode(whole, settings: AggregateSettings())
        #expect(!whole.clusters.isEmpty, "the corpus holds copies of one text, so the test covers clusters")
        #expect(!whole.speakers.isEmpty && !whole.entities.isEmpty && !whole.fleschReadingEase.isEmpty)

        var generator = SplitMix(seed: 42)
        for split in 0..<8 {
            // A random assignment of the articles to 2…4 runs, each run merged in a shuffled order, the runs
            // merged in a shuffled order, and each run's statistics written and read back as `merge` does.
            let runs = 2 + split % 3
            var buckets = [[CorpusStatistics]](repeating: [], count: runs)
            for part in parts { buckets[Int(generator.next() % UInt64(runs))].append(part) }
            var partials: [CorpusStatistics] = []
            for bucket in buckets {
                var run = CorpusStatistics()
                for part in bucket.shuffled(using: &generator) { run.merge(part) }
                let written = try StatisticsFile.encode(run, settings: AggregateSettings())
                partials.append(try JSONDecoder().decode(CorpusStatistics.self, from: written))
            }
            var merged = CorpusStatistics()
            for partial in partials.shuffled(using: &generator) {
                #expect(merged.mergeConflict(with: partial) == nil)
                merged.merge(partial)
            }
            let data = try StatisticsFile.encode(merged, settings: AggregateSettings())
            #expect(data == expected, "split \(split) into \(runs) runs")
        }
    }

    @Test func overlappingStatisticsAreAConflict() throws {
        let stage = AggregateStage(settings: AggregateSettings())
        let part = try stage.process(SampleArticles.corpus()[0])
        var other = part
        #expect(part.mergeConflict(with: other)?.contains("wire-a") == true)
        other.syndicationRecords = [:]
        other.syndication?.shingleSize = 3
        #expect(part.mergeConflict(with: other)?.contains("different syndication settings") == true)
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

/// A small seeded generator, so that the random splits are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
