import Foundation
import Testing
@testable import WirePipe

/// The do/skip decisions, from fingerprints only.
@Suite struct RunPlannerTests {
    let pipeline = Pipeline(configuration: PipelineConfiguration())

    /// A page recorded as fully processed with this pipeline.
    func recorded(sha: String = "0123", with pipeline: Pipeline? = nil) -> ManifestPage {
        let pipeline = pipeline ?? self.pipeline
        var stages: [StageName: ManifestPage.StageRecord] = [:]
        for stage in StageName.allCases {
            stages[stage] = .init(fingerprint: pipeline.stageFingerprint(stage), status: .ok, seconds: 0)
        }
        return ManifestPage(path: "a.html", id: "a", size: 1, mtime: 1, sha256: sha, status: .ok, contribution: Data("{}".utf8), stages: stages)
    }

    @Test func stageFingerprintsDependOnTheStageAndOnEveryEarlierStage() {
        #expect(Set(StageName.allCases.map(pipeline.stageFingerprint)).count == StageName.allCases.count)
        var changed = PipelineConfiguration()
        changed.analyse.datelineMaxPrefix = 50
        let other = Pipeline(configuration: changed)
        for stage in StageName.allCases {
            let same = pipeline.stageFingerprint(stage) == other.stageFingerprint(stage)
            #expect(same == (stage < .analyse), "\(stage)")
        }
    }

    @Test func newChangedAndUnchangedPages() {
        let planner = RunPlanner(pipeline: pipeline, forcedStage: nil)
        #expect(planner.decide(change: .new, known: nil) == (.fetch, .new))
        #expect(planner.decide(change: .changed, known: recorded()) == (.fetch, .changed))
        #expect(planner.decide(change: .unchanged, known: recorded()) == (nil, nil))
    }

    @Test func aSettingChangedUpstreamRedoesFromThatStage() {
        var changed = PipelineConfiguration()
        changed.normalise.abbreviations = ["mr"]
        let planner = RunPlanner(pipeline: Pipeline(configuration: changed), forcedStage: nil)
        #expect(planner.decide(change: .unchanged, known: recorded()) == (.normalise, .fingerprint))
    }

    @Test func aStageRecordMadeByAnotherVersionIsRedone() {
        // A version bump changes the stage fingerprint exactly as a stored fingerprint from elsewhere does.
        var page = recorded()
        page.stages[.analyse]?.fingerprint = "made by analyse version 0"
        let planner = RunPlanner(pipeline: pipeline, forcedStage: nil)
        #expect(planner.decide(change: .unchanged, known: page) == (.analyse, .fingerprint))
    }

    @Test func forcingAndMissingRecords() {
        #expect(RunPlanner(pipeline: pipeline, forcedStage: .aggregate).decide(change: .unchanged, known: recorded()) == (.aggregate, .forced))
        var page = recorded()
        page.stages[.normalise] = nil
        #expect(RunPlanner(pipeline: pipeline, forcedStage: nil).decide(change: .unchanged, known: page) == (.normalise, .unrecorded))
    }

    @Test func aRecordedFailureIsKeptUnlessForcedOrUnreadable() {
        var page = recorded()
        page.stages = page.stages.filter { $0.key <= .strip }
        page.stages[.strip]?.status = .failed
        page.status = .failed
        page.failure = RunReport.Failure(id: "a", path: "a.html", stage: .strip, kind: .noArticle, message: "")
        #expect(RunPlanner(pipeline: pipeline, forcedStage: nil).decide(change: .unchanged, known: page) == (nil, nil))
        #expect(RunPlanner(pipeline: pipeline, forcedStage: .strip).decide(change: .unchanged, known: page) == (.strip, .forced))
        // A later forced stage does not bring back a page that fails before it.
        #expect(RunPlanner(pipeline: pipeline, forcedStage: .analyse).decide(change: .unchanged, known: page) == (nil, nil))
        page.failure?.kind = .unreadable
        #expect(RunPlanner(pipeline: pipeline, forcedStage: nil).decide(change: .unchanged, known: page) == (.fetch, .retry))
    }

    @Test func onlyPagesWhoseStatMovedAreHashed() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.html")
        try Data("<p>hello</p>".utf8).write(to: file)
        let stat = try #require(FileStat(path: file.path))
        var page = recorded(sha: "not the real digest")
        page.size = stat.size
        page.mtime = stat.mtime
        let planner = RunPlanner(pipeline: pipeline, forcedStage: nil)
        let location = PageLocation(root: folder, relativePath: "a.html")
        // Same stat: the recorded digest is trusted and the file is not read (it would not match).
        let same = planner.plan([location], previous: ["a.html": page])
        #expect(same.plans[0].change == .unchanged && same.plans[0].sha256 == "not the real digest" && same.touched.isEmpty)
        // Moved stat: the file is hashed and found changed.
        page.mtime -= 1
        let moved = planner.plan([location], previous: ["a.html": page])
        #expect(moved.plans[0].change == .changed && moved.plans[0].sha256 == FileStat.sha256(path: file.path))
        // A page the manifest does not know is not hashed by the planner: fetch hashes what it reads.
        let new = planner.plan([location], previous: [:])
        #expect(new.plans[0].change == .new && new.plans[0].sha256 == PagePlan.hashedByFetch)
    }

    @Test func theManifestKeepsTheDigestOfTheBytesFetchRead() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        _ = try corpus.runner().run()
        let manifest = try Manifest(url: corpus.layout.manifest)
        let pages = try manifest.pages()
        #expect(pages.count == 6)
        for (path, page) in pages {
            #expect(page.sha256 == FileStat.sha256(path: corpus.input.appendingPathComponent(path).path), "\(path)")
        }
    }
}
