import Dispatch
import Foundation
import Logging

/// What the workers add up: per-stage counts and times, and what went wrong with the manifest.
struct Tally: Sendable {
    var stageRuns: [StageName: RunReport.StageRun] = [:]
    var htmlParsed = 0
    var processedPages = 0
    /// Manifest updates that failed: the page's outputs are in place but will be redone next run.
    var manifestErrors: [String] = []

    mutating func merge(_ other: Tally) {
        for (stage, run) in other.stageRuns {
            guard var mine = stageRuns[stage] else {
                stageRuns[stage] = run
                continue
            }
            mine.processed += run.processed
            mine.failed += run.failed
            mine.seconds += run.seconds
            stageRuns[stage] = mine
        }
        htmlParsed += other.htmlParsed
        processedPages += other.processedPages
        manifestErrors += other.manifestErrors
    }

    mutating func run(_ stage: StageName, _ change: (inout RunReport.StageRun) -> Void) {
        change(&stageRuns[stage, default: RunReport.StageRun(ran: true, version: Pipeline.versions[stage.rawValue]!)])
    }
}

/// One worker's loop body: takes a page through its stages from the plan's start stage on, stores the
/// outputs, and only then records the page in the manifest, so the manifest never claims an output that
/// is not on disk. Every page failure is caught and recorded; the run goes on.
struct PageWorker {
    let pipeline: Pipeline
    let layout: OutputLayout
    let manifest: Manifest
    let logger: Logger
    var tally = Tally()
    private var store: StageStore

    init(pipeline: Pipeline, layout: OutputLayout, manifest: Manifest, logger: Logger, fault: OutputFault? = nil) {
        self.logger = logger
        self.pipeline = pipeline
        self.layout = layout
        self.manifest = manifest
        self.store = StageStore(layout: layout, pipeline: pipeline, fault: fault)
    }

    mutating func process(_ plan: PagePlan) {
        guard let start = plan.start else { return }
        let id = plan.location.id
        tally.processedPages += 1
        // Records of the stages before the start stay valid; the rest are remade below.
        var records = (plan.previous?.stages ?? [:]).filter { $0.key < start && plan.previous?.sha256 == plan.sha256 }
        var contribution = CorpusStatistics()
        var status: ManifestPage.Status
        var failure: RunReport.Failure?
        let limit = pipeline.configuration.run.pageTimeLimit
        let deadline = limit > 0 ? PageDeadline(seconds: limit) : nil
        do throws(PageError) {
            let pipeline = self.pipeline
            let document: ArticleDocument
            (document, contribution) = try PageDeadline.with(deadline) { () throws(PageError) in
                let document = try produce(plan, from: start, records: &records)
                return (document, try timed(.aggregate, plan, &records) { () throws(PageError) in try pipeline.aggregate.process(document) })
            }
            status = document.status == .ok ? .ok : .empty
        } catch {
            contribution.recordFailure(error)
            status = .failed
            failure = RunReport.Failure(id: id, path: plan.location.relativePath, stage: error.stage, kind: error.kind, message: error.message)
            tally.run(error.stage) { $0.failed += 1 }
            logger.warning("\(plan.location.relativePath): \(error)")
            records = records.filter { $0.key < error.stage }
            records[error.stage] = ManifestPage.StageRecord(
                fingerprint: pipeline.stageFingerprint(error.stage), status: .failed, error: error.description, seconds: 0)
            removeOutputs(of: id, from: error.stage)
        }
        let page = ManifestPage(
            path: plan.location.relativePath, id: id, size: plan.file.size, mtime: plan.file.mtime, sha256: plan.sha256,
            status: status, failure: failure, contribution: CounterArchive.encode(contribution), stages: records)
        do {
            try manifest.record(page)
        } catch {
            tally.manifestErrors.append("\(error)")
        }
    }

    /// The article, made from the earliest output the plan needs. A stored output that has gone missing
    /// sends the page back to its HTML.
    private mutating func produce(_ plan: PagePlan, from start: StageName, records: inout [StageName: ManifestPage.StageRecord]) throws(PageError) -> ArticleDocument {
        let id = plan.location.id
        do throws(PageError) {
            switch start {
            case .fetch, .strip:
                return try fromPage(plan, &records)
            case .normalise:
                let stripped: StrippedArticle = try store.load(.strip, id: id)
                return try fromStripped(stripped, plan, &records)
            case .analyse:
                let normalised: NormalisedArticle = try store.load(.normalise, id: id)
                return try fromNormalised(normalised, plan, &records)
            case .aggregate:
                return try store.loadArticle(id)
            }
        } catch where error.kind == .missingStageOutput && start > .strip {
            return try fromPage(plan, &records)
        }
    }

    private mutating func fromPage(_ plan: PagePlan, _ records: inout [StageName: ManifestPage.StageRecord]) throws(PageError) -> ArticleDocument {
        let pipeline = self.pipeline
        let location = plan.location
        let fetched = try timed(.fetch, plan, &records) { () throws(PageError) in try pipeline.fetch.process(location) }
        tally.htmlParsed += 1
        let stripped = try timed(.strip, plan, &records) { () throws(PageError) in try pipeline.strip.process(fetched) }
        try store.save(stripped, stage: .strip)
        return try fromStripped(stripped, plan, &records)
    }

    private mutating func fromStripped(_ stripped: StrippedArticle, _ plan: PagePlan, _ records: inout [StageName: ManifestPage.StageRecord]) throws(PageError) -> ArticleDocument {
        let pipeline = self.pipeline
        let normalised = try timed(.normalise, plan, &records) { () throws(PageError) in try pipeline.normalise.process(stripped) }
        try store.save(normalised, stage: .normalise)
        return try fromNormalised(normalised, plan, &records)
    }

    private mutating func fromNormalised(_ normalised: NormalisedArticle, _ plan: PagePlan, _ records: inout [StageName: ManifestPage.StageRecord]) throws(PageError) -> ArticleDocument {
        let pipeline = self.pipeline
        var document = try timed(.analyse, plan, &records) { () throws(PageError) in try pipeline.analyse.process(normalised) }
        document.versions = Pipeline.versions
        try store.saveArticle(document)
        return document
    }

    /// Removes the outputs a failing stage and the stages after it would have made, so that no article or
    /// stored output outlives the page's failure. A page that fails in aggregate (over its time budget) loses
    /// its article too: a failed page has none, and the statistics do not count it.
    private func removeOutputs(of id: String, from stage: StageName) {
        if stage <= .strip { unlink(layout.stageOutput(.strip, id).path) }
        if stage <= .normalise { unlink(layout.stageOutput(.normalise, id).path) }
        unlink(layout.article(id).path)
    }

    /// Runs one stage's work, counting it, adding its time to the stage and recording it for the manifest.
    private mutating func timed<T>(
        _ stage: StageName, _ plan: PagePlan, _ records: inout [StageName: ManifestPage.StageRecord], _ body: () throws(PageError) -> T
    ) throws(PageError) -> T {
        // Between stages: a page over its budget stops before the next stage starts.
        try PageDeadline.check(stage)
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        tally.run(stage) {
            $0.processed += 1
            $0.seconds += seconds
        }
        records[stage] = ManifestPage.StageRecord(
            fingerprint: pipeline.stageFingerprint(stage), status: .ok, seconds: seconds)
        return value
    }
}
