import Foundation
import Testing
@testable import WirePipe

@Suite struct PipelineRunnerTests {
    func makeCorpus() throws -> (input: URL, output: URL) {
        let corpus = try TestCorpus()
        return (corpus.input, corpus.output)
    }

    func runner(_ corpus: (input: URL, output: URL), jobs: Int = 2) -> PipelineRunner {
        var configuration = PipelineConfiguration()
        configuration.jobs = jobs
        return PipelineRunner(configuration: configuration, inputRoot: corpus.input, outputRoot: corpus.output)
    }

    @Test func fullRunWritesArticlesStatisticsAndReport() throws {
        let corpus = try makeCorpus()
        defer { try? FileManager.default.removeItem(at: corpus.input.deletingLastPathComponent()) }
        let report = try runner(corpus).run()
        #expect(report.pages.seen == 6)
        #expect(report.pages.ok == 3)
        #expect(report.pages.empty == 1)
        #expect(report.pages.failed == 2)
        #expect(Set(report.failures.map(\.path)) == ["empty.html", "junk.htm"])
        #expect(Set(report.failures.map(\.kind)) == [.empty, .binary])
        #expect(report.htmlParsed == 4)
        #expect(report.stages["strip"]?.processed == 4)
        // The phases' wall times add up to (at most) the run's.
        let phases = try #require(report.phases)
        #expect(Set(phases.keys) == ["plan", "strip", "boilerplate", "process", "statistics"])
        #expect(phases.values.allSatisfy { $0 >= 0 } && phases.values.reduce(0, +) <= report.seconds + 0.01)

        let layout = OutputLayout(root: corpus.output)
        let ids = layout.ids(in: layout.articles)
        #expect(ids.count == 4)
        let article = try JSONDecoder().decode(ArticleDocument.self, from: Data(contentsOf: layout.article(PageLocation.id(forRelativePath: "aggregator-copy-cp1252.html"))))
        #expect(article.source.path == "aggregator-copy-cp1252.html")
        #expect(article.source.encoding == "windows-1252")
        #expect(article.dateline?.agency == "Reuters")

        let stats = try JSONDecoder().decode(CorpusStatistics.self, from: Data(contentsOf: layout.statistics))
        #expect(stats.bySite["World News Desk"] == 1)
        #expect(stats.byDay["2022-05-26"] == 2)
        #expect(stats.pagesFailed == 2)
        let reportJSON = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: layout.runReport)) as? [String: Any])
        #expect((reportJSON["pages"] as? [String: Int])?["failed"] == 2)
        // No temporary files are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: layout.articles.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func rerunFromAnalyseParsesNoHTMLAndGivesTheSameOutputs() throws {
        let corpus = try makeCorpus()
        defer { try? FileManager.default.removeItem(at: corpus.input.deletingLastPathComponent()) }
        let first = try runner(corpus).run()
        let layout = OutputLayout(root: corpus.output)
        let statsBefore = try Data(contentsOf: layout.statistics)
        let articleURL = layout.article(PageLocation.id(forRelativePath: "wordpress-repost.html"))
        let articleBefore = try Data(contentsOf: articleURL)

        let rerun = try runner(corpus).run(forcing: .analyse)
        #expect(rerun.htmlParsed == 0)
        #expect(rerun.startStage == .analyse)
        #expect(rerun.stages["fetch"]?.ran == false && rerun.stages["strip"]?.ran == false && rerun.stages["normalise"]?.ran == false)
        #expect(rerun.stages["analyse"]?.ran == true && rerun.stages["aggregate"]?.ran == true)
        #expect(rerun.stages["analyse"]?.processed == first.pages.ok + first.pages.empty)
        #expect(rerun.stages["strip"]?.processed == 0)
        #expect(try Data(contentsOf: articleURL) == articleBefore)
        let before = try JSONDecoder().decode(CorpusStatistics.self, from: statsBefore)
        let after = try JSONDecoder().decode(CorpusStatistics.self, from: Data(contentsOf: layout.statistics))
        // The failures are kept from the manifest, so the statistics are those of the whole input.
        #expect(after == before)
        #expect(rerun.pages.failed == 2)
    }

    @Test func rerunFromNormaliseAndAggregate() throws {
        let corpus = try makeCorpus()
        defer { try? FileManager.default.removeItem(at: corpus.input.deletingLastPathComponent()) }
        _ = try runner(corpus).run()
        let normalise = try runner(corpus).run(forcing: .normalise)
        #expect(normalise.htmlParsed == 0 && normalise.stages["normalise"]?.processed == 4)
        let aggregate = try runner(corpus).run(forcing: .aggregate)
        #expect(aggregate.stages["analyse"]?.ran == false && aggregate.stages["aggregate"]?.processed == 4)
        #expect(aggregate.pages.ok == 3)
    }

    @Test func rerunWithoutStoredOutputsIsAClearError() throws {
        let corpus = try makeCorpus()
        defer { try? FileManager.default.removeItem(at: corpus.input.deletingLastPathComponent()) }
        #expect {
            try runner(corpus).run(forcing: .analyse)
        } throws: { "\($0)".contains("run the whole pipeline first") }
    }

    @Test func deletedPagesDisappearFromOutputs() throws {
        let corpus = try makeCorpus()
        defer { try? FileManager.default.removeItem(at: corpus.input.deletingLastPathComponent()) }
        _ = try runner(corpus).run()
        try FileManager.default.removeItem(at: corpus.input.appendingPathComponent("wordpress-repost.html"))
        let report = try runner(corpus, jobs: 1).run()
        #expect(report.removedStale == 1)
        #expect(report.deletedPages == ["wordpress-repost.html"])
        #expect(report.pages.deleted == 1 && report.pages.seen == 5 && report.pages.processed == 0)
        let layout = OutputLayout(root: corpus.output)
        #expect(!FileManager.default.fileExists(atPath: layout.article(PageLocation.id(forRelativePath: "wordpress-repost.html")).path))
        let stats = try JSONDecoder().decode(CorpusStatistics.self, from: Data(contentsOf: layout.statistics))
        #expect(stats.bySite["World News Desk"] == nil)
    }

    @Test func resultsDoNotDependOnTheNumberOfJobs() throws {
        let corpus = try makeCorpus()
        defer { try? FileManager.default.removeItem(at: corpus.input.deletingLastPathComponent()) }
        let other = corpus.output.deletingLastPathComponent().appendingPathComponent("out-two-jobs")
        _ = try runner(corpus, jobs: 1).run()
        let two = try runner((corpus.input, other), jobs: 2).run()
        #expect(two.pages.processed == 6)
        #expect(try Data(contentsOf: OutputLayout(root: other).statistics) == Data(contentsOf: OutputLayout(root: corpus.output).statistics))
    }
}
