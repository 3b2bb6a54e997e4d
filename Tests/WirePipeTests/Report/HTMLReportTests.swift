import Foundation
import Testing
@testable import WirePipe

@Suite struct HTMLReportTests {
    func report(_ documents: [ArticleDocument]) throws -> String {
        var stats = CorpusStatistics()
        for document in documents { stats.merge(try AggregateStage(settings: AggregateSettings()).process(document)) }
        return HTMLReport(stats: stats, settings: AggregateSettings()).render()
    }

    @Test func everyChartIsDrawnAndNothingIsFetched() throws {
        let html = try report(SampleArticles.corpus())
        for id in HTMLReport.chartIDs { #expect(html.contains("id=\"\(id)\""), "\(id)") }
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("url("))
        // Data reach the charts: a speaker, an entity, a site of the stacked days, a cluster's origin.
        #expect(html.contains("Maria Lind") && html.contains("Frankfurt (place)") && html.contains("Daily Aggregator"))
        #expect(html.contains("origin wire-a.html"))
        #expect(html.components(separatedBy: "<svg").count - 1 == HTMLReport.chartIDs.count - 1)
    }

    @Test func chartsWithoutDataSaySo() throws {
        let html = try report([SampleArticles.corpus()[3]])
        #expect(html.contains("No attributed quotations yet"))
        #expect(html.contains("No two articles share one text"))
        for id in HTMLReport.chartIDs { #expect(html.contains("id=\"\(id)\"")) }
    }

    @Test func labelsFromPagesAreEscaped() throws {
        let hostile = SampleArticles.document(id: "x", site: "<script>alert(1)</script>", published: "2024-01-01T00:00:00Z", text: "Some words here.")
        let html = try report([hostile])
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;"))
    }
}
