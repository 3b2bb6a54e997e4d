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
    /// A page was stripped again in phase 2 (its stored output had gone): its new blocks were not counted
    /// in this run's boilerplate, so the manifest is not marked settled.
    var boilerplateUnsettled = false
    /// The statistics contributions of the pages processed, merged on the workers as the pages are done,
    /// and those pages' paths: the end of the run then decodes and merges only the other pages' stored
    /// contributions, on one thread. (A page whose manifest record failed is in here too: such a run stops
    /// on `manifestErrors` before its statistics are gathered.)
    var statistics = CorpusStatistics()
    var statisticsPaths: Set<String> = []

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
        boilerplateUnsettled = boilerplateUnsettled || other.boilerplateUnsettled
        // Merging into empty statistics would copy every count map; taking the other's is the same.
        if statisticsPaths.isEmpty { statistics = other.statistics } else { statistics.merge(other.statistics) }
        statisticsPaths.formUnion(other.statisticsPaths)
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
    /// The page in hand's boilerplate blocks, and the run's learnt boilerplate.
    private var pageBlocks: PageBlocks?
    private var boilerplate = BoilerplateIndex()
    /// The sha256 of the page's bytes as this run's fetch read them (the manifest's record of the page).
    private var fetchedSHA256: String?
    /// Pages done whose manifest records wait for the next batch (`run.manifest_batch_pages`).
    private var unrecorded: [(page: ManifestPage, blocks: PageBlocks?)] = []

    init(
        pipeline: Pipeline, layout: OutputLayout, manifest: Manifest, outputs: StageOutputs, logger: Logger, fault: OutputFault? = nil
    ) {
        self.logger = logger
        self.pipeline = pipeline
        self.layout = layout
        self.manifest = manifest
        self.store = StageStore(layout: layout, pipeline: pipeline, outputs: outputs, fault: fault)
    }

    /// What phase 1 (fetch and strip) left for phase 2: the stage records so far, and the page's candidate
    /// boilerplate blocks, or the error that ended the page.
    struct StripOutcome: Sendable {
        var records: [StageName: ManifestPage.StageRecord]
        var blocks: PageBlocks?
        var error: PageError?
        /// The sha256 of the bytes fetch read, when it read them.
        var sha256: String?
    }

    /// Phase 1 of a page whose plan starts at fetch or strip: its strip output is stored and its blocks
    /// returned, so that the run can learn the boilerplate from every page before any page is normalised.
    mutating func strip(_ plan: PagePlan) -> StripOutcome {
        var records = carriedRecords(plan, before: plan.start ?? .fetch)
        let limit = pipeline.configuration.run.pageTimeLimit
        fetchedSHA256 = nil
        defer {
            fetchedSHA256 = nil
            releaseMemoryIfLarge(plan)
        }
        do throws(PageError) {
            // The page's time budget covers each phase: strip here, the later stages in `process`.
            let stripped = try PageDeadline.with(limit > 0 ? PageDeadline(seconds: limit) : nil) { () throws(PageError) in
                try fetchAndStrip(plan, &records)
            }
            return StripOutcome(records: records, blocks: PageBlocks(of: stripped, settings: pipeline.configuration.strip), sha256: fetchedSHA256)
        } catch {
            return StripOutcome(records: records, error: error, sha256: fetchedSHA256)
        }
    }

    /// After a huge page, the memory it took goes back to the system rather than staying with this
    /// worker's allocator for the rest of the run (`run.release_memory_after_page_bytes`).
    private func releaseMemoryIfLarge(_ plan: PagePlan) {
        let threshold = pipeline.configuration.run.releaseMemoryAfterPageBytes
        if threshold > 0, plan.file.size >= Int64(threshold) { FreeMemory.returnToSystem() }
    }

    /// Records of the stages before `start` stay valid; the rest are remade.
    private func carriedRecords(_ plan: PagePlan, before start: StageName) -> [StageName: ManifestPage.StageRecord] {
        (plan.previous?.stages ?? [:]).filter { $0.key < start && plan.previous?.sha256 == plan.sha256 }
    }

    /// Phase 2: the page from normalise on (after phase 1's `stripped` when the plan starts at fetch or strip),
    /// with the blocks of `boilerplate` removed before normalise; `blocks`: the page's blocks as the manifest
    /// holds them, for a page not stripped in this run.
    mutating func process(_ plan: PagePlan, stripped: StripOutcome? = nil, blocks: PageBlocks? = nil, boilerplate: BoilerplateIndex = BoilerplateIndex()) {
        guard let start = plan.start else { return }
        let id = plan.location.id
        tally.processedPages += 1
        var records = stripped?.records ?? carriedRecords(plan, before: start)
        pageBlocks = stripped?.blocks ?? blocks
        self.boilerplate = boilerplate
        fetchedSHA256 = stripped?.sha256
        defer {
            fetchedSHA256 = nil
            releaseMemoryIfLarge(plan)
        }
        var contribution = CorpusStatistics()
        var status: ManifestPage.Status
        var failure: RunReport.Failure?
        let limit = pipeline.configuration.run.pageTimeLimit
        let deadline = limit > 0 ? PageDeadline(seconds: limit) : nil
        do throws(PageError) {
            if let error = stripped?.error { throw error }
            let pipeline = self.pipeline
            let from = stripped == nil ? start : StageName.normalise
            let document: ArticleDocument
            (document, contribution) = try PageDeadline.with(deadline) { () throws(PageError) in
                let document = try produce(plan, from: from, records: &records)
                return (document, try timed(.aggregate, plan, &records) { () throws(PageError) in try pipeline.aggregate.process(document) })
            }
            for key in pageBlocks?.removed ?? [] { contribution.boilerplateRemoved[key, default: 0] += 1 }
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
            if error.stage <= .strip { pageBlocks = nil }
        }
        var sha256 = fetchedSHA256 ?? plan.sha256
        if sha256 == PagePlan.hashedByFetch {
            // A new page whose fetch failed before it gave a page (undecodable, too large): hashed here, on
            // this rare path, so that the manifest holds real digests only.
            sha256 = FileStat.sha256(path: plan.location.filePath) ?? "unreadable"
        }
        tally.statistics.merge(contribution)
        tally.statisticsPaths.insert(plan.location.relativePath)
        let page = ManifestPage(
            path: plan.location.relativePath, id: id, size: plan.file.size, mtime: plan.file.mtime, sha256: sha256,
            status: status, failure: failure, contribution: CounterArchive.encode(contribution), stages: records)
        unrecorded.append((page, pageBlocks))
        if unrecorded.count >= pipeline.configuration.run.manifestBatchPages { recordInManifest() }
    }

    /// Stores the pending stage outputs, then writes the pages done since the last batch to the manifest
    /// (never the other way round: the manifest must not claim an output that is not stored); the run
    /// calls it once more when the worker stops.
    mutating func recordInManifest() {
        defer { unrecorded.removeAll(keepingCapacity: true) }
        do {
            try store.flush()
        } catch {
            // The batch's pages stay unrecorded, so the next run redoes them.
            tally.manifestErrors.append("\(error)")
            return
        }
        guard !unrecorded.isEmpty else { return }
        do {
            try manifest.record(unrecorded)
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

    /// A page whose stored output went missing in phase 2 is stripped again here; its blocks are those of the
    /// new strip output, counted from the next run on.
    private mutating func fromPage(_ plan: PagePlan, _ records: inout [StageName: ManifestPage.StageRecord]) throws(PageError) -> ArticleDocument {
        let stripped = try fetchAndStrip(plan, &records)
        pageBlocks = PageBlocks(of: stripped, settings: pipeline.configuration.strip)
        tally.boilerplateUnsettled = true
        return try fromStripped(stripped, plan, &records)
    }

    private mutating func fetchAndStrip(_ plan: PagePlan, _ records: inout [StageName: ManifestPage.StageRecord]) throws(PageError) -> StrippedArticle {
        let pipeline = self.pipeline
        let location = plan.location
        let fetched = try timed(.fetch, plan, &records) { () throws(PageError) in try pipeline.fetch.process(location) }
        fetchedSHA256 = fetched.source.sha256
        tally.htmlParsed += 1
        let stripped = try timed(.strip, plan, &records) { () throws(PageError) in try pipeline.strip.process(fetched) }
        try store.save(stripped, stage: .strip)
        return stripped
    }

    /// Removes the page's corpus-learned boilerplate (the stored strip output stays the raw extraction),
    /// then normalises.
    private mutating func fromStripped(_ raw: StrippedArticle, _ plan: PagePlan, _ records: inout [StageName: ManifestPage.StageRecord]) throws(PageError) -> ArticleDocument {
        let pipeline = self.pipeline
        var stripped = raw
        if var blocks = pageBlocks {
            (stripped, blocks.removed) = boilerplate.remove(from: raw, page: blocks, settings: pipeline.configuration.strip)
            blocks.applied = boilerplate.appliedKey(blocks)
            pageBlocks = blocks
        }
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
    private mutating func removeOutputs(of id: String, from stage: StageName) {
        store.remove(id, stages: OutputLayout.storedStages.filter { $0 >= stage })
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
