import Foundation
import Testing
@testable import WirePipe

@Suite struct ArticleFilterTests {
    @Test func sitesAndDaysSelectArticles() {
        let corpus = SampleArticles.corpus()
        let bySite = ArticleFilter(sites: ["city wire"])
        #expect(corpus.filter(bySite.accepts).map(\.id) == ["wire-a", "empty-page", "tag-page", "brief-0", "brief-2"])
        let byDay = ArticleFilter(since: "2024-06-04", until: "2024-06-05")
        #expect(corpus.filter(byDay.accepts).map(\.id) == ["own-story", "de-story", "brief-0"])
        #expect(ArticleFilter().isEmpty && !byDay.isEmpty)
    }

    @Test func daysMustBeWrittenInFull() {
        #expect(ArticleFilter.isDay("2024-06-04"))
        #expect(!ArticleFilter.isDay("2024-6-4") && !ArticleFilter.isDay("yesterday") && !ArticleFilter.isDay("2024-06"))
    }

    @Test func statisticsAreRecomputedFromArticleFiles() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        for document in SampleArticles.corpus() {
            try JSONEncoder().encode(document).write(to: articles.appendingPathComponent(document.id + ".json"))
        }
        let stats = try ArticleFilter(sites: ["Morning Ledger"]).statistics(articlesIn: articles, settings: AggregateSettings())
        #expect(stats.bySite == ["Morning Ledger": 3])
        #expect(stats.pagesSeen == 3)
        #expect(stats.speakers.keys.sorted() == ["one senior official"])
    }
}
