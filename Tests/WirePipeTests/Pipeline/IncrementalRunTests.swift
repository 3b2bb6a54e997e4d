import Foundation
import Testing
@testable import WirePipe

/// What a run redoes, decided from the manifest: the figures the issue asks for, on the test corpus.
@Suite struct IncrementalRunTests {
    @Test func aSecondRunReusesEverythingAndStillWritesTheFullStatistics() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        let first = try corpus.runner().run()
        #expect(first.pages.new == 6 && first.pages.processed == 6 && first.htmlParsed == 4)
        let statistics = try Data(contentsOf: corpus.layout.statistics)
        let articles = try corpus.files(corpus.layout.articles)
        let articleTimes = try corpus.modificationTimes(corpus.layout.articles)

        let second = try corpus.runner().run()
        #expect(second.htmlParsed == 0)
        #expect(second.pages.seen == 6 && second.pages.unchanged == 6 && second.pages.new == 0 && second.pages.processed == 0)
        #expect(second.pages.ok == 3 && second.pages.empty == 1 && second.pages.failed == 2)
        #expect(Set(second.failures.map(\.path)) == ["empty.html", "junk.htm"])
        for stage in StageName.allCases {
            #expect(second.stages[stage.rawValue]?.processed == 0, "\(stage)")
            #expect(second.stages[stage.rawValue]?.ran == false, "\(stage)")
        }
        // The four pages that fetch read are reused by strip; the two fetch failures are not outputs.
        #expect(second.stages["strip"]?.reused == 4 && second.stages["aggregate"]?.reused == 4)
        #expect(try Data(contentsOf: corpus.layout.statistics) == statistics)
        #expect(try corpus.files(corpus.layout.articles) == articles)
        #expect(try corpus.modificationTimes(corpus.layout.articles) == articleTimes)
    }

    @Test func changingOnePageReprocessesExactlyThatPage() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        _ = try corpus.runner().run()
        let page = corpus.input.appendingPathComponent("wordpress-repost.html")
        var bytes = try Data(contentsOf: page)
        bytes.append(contentsOf: Array("\n<!-- saved again -->\n".utf8))
        try bytes.write(to: page)

        let report = try corpus.runner().run()
        #expect(report.pages.changed == 1 && report.pages.unchanged == 5 && report.pages.processed == 1)
        #expect(report.htmlParsed == 1)
        for stage in StageName.allCases {
            #expect(report.stages[stage.rawValue]?.processed == 1, "\(stage)")
        }
        let article = try JSONDecoder().decode(ArticleDocument.self, from: Data(contentsOf: corpus.layout.article(PageLocation.id(forRelativePath: "wordpress-repost.html"))))
        #expect(article.source.sha256 == FileStat.sha256(path: page.path))
    }

    @Test func aNewModificationTimeWithTheSameBytesIsNotAChange() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        _ = try corpus.runner().run()
        let page = corpus.input.appendingPathComponent("wordpress-repost.html")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -86_400)], ofItemAtPath: page.path)

        let report = try corpus.runner().run()
        #expect(report.pages.unchanged == 6 && report.pages.processed == 0 && report.htmlParsed == 0)
        // The manifest learnt the new time, so the next run does not hash the page again.
        let recorded = try Manifest(url: corpus.layout.manifest).pages()["wordpress-repost.html"]
        #expect(recorded?.mtime == FileStat(path: page.path)?.mtime)
    }

    @Test func addingTwoPagesProcessesExactlyThoseTwo() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        _ = try corpus.runner().run()
        try FileManager.default.copyItem(at: Fixtures.url("pages/entermedia-ko.html.gz"), to: corpus.input.appendingPathComponent("ap/entermedia.html.gz"))
        try FileManager.default.copyItem(at: Fixtures.url("wordpress-repost.html"), to: corpus.input.appendingPathComponent("ap/repost-copy.html"))

        let report = try corpus.runner().run()
        #expect(report.pages.new == 2 && report.pages.unchanged == 6 && report.pages.processed == 2 && report.htmlParsed == 2)
        #expect(report.pages.seen == 8 && report.pages.ok == 5)
        #expect(corpus.layout.ids(in: corpus.layout.articles).count == 6)
    }

    @Test func aChangedAnalyseSettingRedoesAnalyseAndAggregateOnly() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        _ = try corpus.runner().run()
        // Row ids change when a row is rewritten: equal ids and bytes mean the stored outputs were left alone.
        func stored(_ stage: StageName) throws -> [String: String] {
            try StageOutputs(url: corpus.layout.stageOutputs).rows(of: stage).mapValues { "\($0.row) \($0.body.base64EncodedString())" }
        }
        let stripBefore = try stored(.strip), normaliseBefore = try stored(.normalise)
        #expect(stripBefore.count == 4 && normaliseBefore.count == 4)

        let report = try corpus.runner { $0.analyse.datelineMaxPrefix = 60 }.run()
        #expect(report.htmlParsed == 0)
        #expect(report.stages["fetch"]?.processed == 0 && report.stages["strip"]?.processed == 0 && report.stages["normalise"]?.processed == 0)
        #expect(report.stages["analyse"]?.processed == 4 && report.stages["aggregate"]?.processed == 4)
        #expect(report.stages["strip"]?.reused == 4)
        #expect(try stored(.strip) == stripBefore)
        #expect(try stored(.normalise) == normaliseBefore)

        // Back to the old setting: analyse and aggregate again, nothing else.
        let back = try corpus.runner().run()
        #expect(back.stages["analyse"]?.processed == 4 && back.htmlParsed == 0)
    }

    @Test func aChangedStripSettingRedoesStripAndEveryLaterStage() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        _ = try corpus.runner().run()
        let report = try corpus.runner { $0.strip.minContentChars = 200 }.run()
        // The pages that failed in fetch keep their failure: fetch's fingerprint did not change.
        #expect(report.htmlParsed == 4 && report.stages["strip"]?.processed == 4 && report.stages["aggregate"]?.processed == 4)
        #expect(report.pages.failed == 2)
    }

    @Test func forcingAStageRedoesItAndTheLaterOnesOnly() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        _ = try corpus.runner().run()
        let normalise = try corpus.runner().run(forcing: .normalise)
        #expect(normalise.forced && normalise.startStage == .normalise)
        #expect(normalise.htmlParsed == 0 && normalise.stages["strip"]?.processed == 0 && normalise.stages["normalise"]?.processed == 4)
        let all = try corpus.runner().run(forcing: .fetch)
        #expect(all.htmlParsed == 4 && all.pages.processed == 6 && all.stages["fetch"]?.failed == 2)
    }

    @Test func aPageThatFailedIsRetriedOnceItChanges() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        _ = try corpus.runner().run()
        try FileManager.default.copyItem(at: Fixtures.url("aggregator-copy-cp1252.html"), to: corpus.input.appendingPathComponent("replacement.html"))
        try FileManager.default.removeItem(at: corpus.input.appendingPathComponent("empty.html"))
        try FileManager.default.moveItem(at: corpus.input.appendingPathComponent("replacement.html"), to: corpus.input.appendingPathComponent("empty.html"))

        let report = try corpus.runner().run()
        #expect(report.pages.changed == 1 && report.pages.processed == 1)
        #expect(report.pages.failed == 1 && report.failures.map(\.path) == ["junk.htm"])
        #expect(FileManager.default.fileExists(atPath: corpus.layout.article(PageLocation.id(forRelativePath: "empty.html")).path))
    }

    @Test func aPageThatStartsFailingLosesItsArticle() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        _ = try corpus.runner().run()
        try Data("   ".utf8).write(to: corpus.input.appendingPathComponent("wordpress-repost.html"))
        let report = try corpus.runner().run()
        #expect(report.pages.failed == 3)
        let id = PageLocation.id(forRelativePath: "wordpress-repost.html")
        #expect(!FileManager.default.fileExists(atPath: corpus.layout.article(id).path))
        #expect(try StageOutputs(url: corpus.layout.stageOutputs).body(id: id, stage: .strip) == nil)
        let stats = try JSONDecoder().decode(CorpusStatistics.self, from: Data(contentsOf: corpus.layout.statistics))
        #expect(stats.bySite["World News Desk"] == nil && stats.pagesFailed == 3)
    }

    @Test func storedOutputsAreRowsOfOneDatabaseAndOlderPerPageFilesGo() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        let legacy = corpus.layout.legacyStageFolders.appendingPathComponent("strip")
        try FileManager.default.createDirectory(at: legacy, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: legacy.appendingPathComponent("old.json"))
        _ = try corpus.runner().run()
        #expect(!FileManager.default.fileExists(atPath: corpus.layout.legacyStageFolders.path))
        // Each test step opens the database anew: a connection left open keeps its side files in place.
        func stored() throws -> StageOutputs { try StageOutputs(url: corpus.layout.stageOutputs) }
        // Four pages get through strip (two fail in fetch); each stored output is the stage's output in the
        // binary stored form.
        let strip = try stored().rows(of: .strip)
        #expect(strip.count == 4)
        let id = PageLocation.id(forRelativePath: "wordpress-repost.html")
        let body = try #require(strip[id]?.body)
        #expect(body.starts(with: StoredForm.marker))
        #expect(try StoredForm.decode(StrippedArticle.self, from: body).id == id)

        // Rows of a page the input does not have are removed by the next run that opens the stored outputs.
        try stored().apply([.store(id: "not-in-the-input", stage: .strip, body: Data("{}".utf8))])
        // A run with nothing to process does not open them: the database file is left as it was.
        let database = corpus.layout.stageOutputs.path
        let before = try FileManager.default.attributesOfItem(atPath: database)
        let idle = try corpus.runner().run()
        #expect(idle.pages.processed == 0 && idle.pages.unchanged == 6)
        let after = try FileManager.default.attributesOfItem(atPath: database)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
        #expect(try stored().body(id: "not-in-the-input", stage: .strip) != nil)

        let page = corpus.input.appendingPathComponent("wordpress-repost.html")
        try (Data(contentsOf: page) + Data("\n<!-- saved again -->\n".utf8)).write(to: page)
        _ = try corpus.runner().run()
        #expect(try stored().body(id: "not-in-the-input", stage: .strip) == nil)
        #expect(try stored().rows(of: .normalise).count == 4)
    }

    @Test func aMissingStoredOutputSendsThePageBackToItsHTML() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        _ = try corpus.runner().run()
        let id = PageLocation.id(forRelativePath: "wordpress-repost.html")
        try StageOutputs(url: corpus.layout.stageOutputs).apply([.remove(id: id, stages: [.normalise])])
        let report = try corpus.runner().run(forcing: .analyse)
        #expect(report.htmlParsed == 1 && report.pages.failed == 2)
        #expect(try StageOutputs(url: corpus.layout.stageOutputs).body(id: id, stage: .normalise) != nil)
    }

    @Test func contributionsStoredInAnotherFormatAreRebuiltFromTheArticlesAndFailures() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        _ = try corpus.runner().run()
        let statistics = try Data(contentsOf: corpus.layout.statistics)
        let manifest = try Manifest(url: corpus.layout.manifest)
        for var page in try manifest.pages().values where ["wordpress-repost.html", "junk.htm"].contains(page.path) {
            page.contribution = Data(#"{"format_version": 0}"#.utf8)
            try manifest.record(page)
        }
        let report = try corpus.runner().run()
        #expect(report.pages.processed == 0 && report.htmlParsed == 0)
        #expect(try Data(contentsOf: corpus.layout.statistics) == statistics)
    }

    @Test func aStoppedRunLeavesTheRestForTheNextRunWhichMatchesAnUninterruptedOne() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        let stop = StopFlag()
        stop.stop()
        let stopped = try corpus.runner().run(stop: stop)
        #expect(stopped.interrupted && stopped.pages.processed == 0)
        #expect(!FileManager.default.fileExists(atPath: corpus.layout.statistics.path))

        let finished = try corpus.runner().run()
        #expect(!finished.interrupted && finished.pages.processed == 6)
        let clean = corpus.root.appendingPathComponent("clean")
        _ = try corpus.runner(output: clean).run()
        let cleanLayout = OutputLayout(root: clean)
        #expect(try corpus.files(corpus.layout.articles) == corpus.files(cleanLayout.articles))
        #expect(try Data(contentsOf: corpus.layout.statistics) == Data(contentsOf: cleanLayout.statistics))
    }

    @Test func aDryRunSaysWhatWouldBeDoneAndChangesNothing() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        let empty = try corpus.runner().dryRun()
        #expect(empty.pages.new == 6 && !FileManager.default.fileExists(atPath: corpus.layout.manifest.path))
        _ = try corpus.runner().run()
        try FileManager.default.removeItem(at: corpus.input.appendingPathComponent("chrome-only.html"))
        let plan = try corpus.runner { $0.analyse.languageMinConfidence = 0.7 }.dryRun()
        #expect(plan.pages.deleted == 1 && plan.deletedPages == ["chrome-only.html"])
        let analyse = try #require(plan.stages.first { $0.stage == .analyse })
        #expect(analyse.processed == 3 && analyse.reasons == [.fingerprint: 3])
        let strip = try #require(plan.stages.first { $0.stage == .strip })
        #expect(strip.processed == 0 && strip.reused == 3)
        // Nothing was changed: a real run still finds the page to delete.
        #expect(try corpus.runner().run().deletedPages == ["chrome-only.html"])
    }

    @Test func aSecondRunOnTheSameOutputIsRefusedWhileTheFirstHoldsTheLock() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        try FileManager.default.createDirectory(at: corpus.output, withIntermediateDirectories: true)
        let held = try RunLock(folder: corpus.output)
        #expect {
            try corpus.runner().run()
        } throws: { "\($0)".contains("another wirepipe run (pid \(getpid())) is writing to") }
        withExtendedLifetime(held) {}
    }
}
