import Dispatch
import Foundation
import Logging
import Synchronization

/// Runs the pipeline over a folder, doing only the work the manifest says is needed: pages stream through
/// their stages on `jobs` workers (Dispatch), each page's outputs are written as soon as it is done and the
/// page is then recorded in the manifest. The statistics are merged from every page's stored contribution,
/// so a run that reuses everything still writes the full statistics without reading a page.
/// A run has two phases: fetch and strip of the pages that need them, then (once the corpus-learned
/// boilerplate is known from every page's blocks, see `BoilerplateIndex`) the later stages.
public struct PipelineRunner: Sendable {
    public let pipeline: Pipeline
    /// The inputs: folders, WARC files and URL lists (see `InputSource`).
    public let inputs: [URL]
    /// The first input (the only one in most runs).
    public var inputRoot: URL { inputs[0] }
    public let layout: OutputLayout
    public let jobs: Int
    public var logger: Logger

    /// `logger`: where decisions, deletions and page failures are logged; silent unless the caller gives one.
    /// `shard`: process only that shard's pages (see `Shard`), with the shard's own manifest and lock, and
    /// write `stats.part-I-of-N.json` instead of stats.json.
    public init(
        configuration: PipelineConfiguration, inputRoot: URL, outputRoot: URL, shard: Shard? = nil,
        logger: Logger = Logger(label: "wirepipe", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.init(configuration: configuration, inputs: [inputRoot], outputRoot: outputRoot, shard: shard, logger: logger)
    }

    /// `inputs`: at least one folder, `.warc`/`.warc.gz` file or `.txt` list of URLs.
    public init(
        configuration: PipelineConfiguration, inputs: [URL], outputRoot: URL, shard: Shard? = nil,
        logger: Logger = Logger(label: "wirepipe", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        precondition(!inputs.isEmpty, "a run needs at least one input")
        self.pipeline = Pipeline(configuration: configuration)
        self.inputs = inputs
        self.layout = OutputLayout(root: outputRoot, shard: shard)
        self.jobs = configuration.effectiveJobs
        self.logger = logger
    }

    public enum RunError: Error, CustomStringConvertible {
        /// The input folder cannot be used (a configuration error: the path is wrong).
        case input(String)
        /// The output folder or the manifest cannot be written.
        case output(String)
        /// Another run holds the output folder's lock.
        case locked(String)
        case nothingStored(StageName, String)

        public var description: String {
            switch self {
            case .input(let message), .output(let message), .locked(let message): return message
            case .nothingStored(let stage, let folder):
                return "cannot rerun from \(stage.rawValue): nothing is recorded in \(folder); run the whole pipeline first"
            }
        }
    }

    /// One run. `forcing` (from `--stage`, or `.fetch` for `--force`) redoes that stage and every later one
    /// for every page; everything else is decided from fingerprints. Per-page failures are recorded in the
    /// report; only problems with the input or output folder as a whole throw. When `stop` is set during
    /// the run, in-flight pages finish, the rest are left for the next run and the report says `interrupted`.
    /// A shard whose partial statistics exist for the same input list is done: without `forcing`, the run
    /// changes nothing and its report says `skipped` (it is not written).
    public func run(
        forcing forcedStage: StageName? = nil, stop: StopFlag? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(RunError) -> RunReport {
        let started = Date()
        do {
            try FileManager.default.createDirectory(at: layout.root, withIntermediateDirectories: true)
        } catch {
            throw outputError("cannot create the output folder \(layout.root.path): \(error.localizedDescription)")
        }
        let lock: RunLock
        do {
            // A shard waits for another attempt of itself (a retried or speculative task) rather than fail:
            // once that attempt is done, this one finds the partial statistics and skips.
            lock = try RunLock(folder: layout.root, name: layout.lockName, wait: layout.shard != nil)
        } catch {
            throw .locked("\(error)")
        }
        // Only the lock holder may clear temporary files: another run's would be in use.
        do {
            try layout.createFolders()
        } catch {
            throw outputError("cannot create the output folder \(layout.root.path): \(error.localizedDescription)")
        }
        // A shard hashes the whole input list, so the inputs are read (WARC files) and fetched (URL lists)
        // before it knows whether it is done.
        let (locations, inputSummaries, input) = try pages(writes: true, stop: stop)
        if let skipped = skippedShard(input: input, forcing: forcedStage, started: started) {
            logger.info("shard \(skipped.shard ?? ""): its partial statistics exist for this input (\(input.pages) pages); skipped")
            withExtendedLifetime(lock) {}
            return skipped
        }
        if let partial = layout.partialStatistics {
            // From here until this run ends the shard's partial statistics would be out of date: a missing
            // file is what tells `merge` and a rerun that the shard is not done.
            unlink(partial.path)
        }
        let manifest = try openManifest()
        let previous = try read(manifest)
        if let forcedStage, forcedStage > .fetch, previous.isEmpty {
            throw .nothingStored(forcedStage, layout.manifest.path)
        }
        var (plans, touched) = RunPlanner(pipeline: pipeline, forcedStage: forcedStage).plan(locations, previous: previous)
        let present = Set(locations.map(\.relativePath))
        let deleted = previous.keys.filter { !present.contains($0) }.sorted()
        for plan in plans where plan.start != nil {
            logger.debug("\(plan.location.relativePath): from \(plan.start!.rawValue) (\(plan.reason!.rawValue))")
        }
        do {
            try manifest.updateFileStats(touched)
        } catch {
            throw outputError("\(error)")
        }
        let planned = plans.count { $0.start != nil }
        // The stored stage outputs are a WAL database: opening it makes two side files and closing it
        // removes them, a third of a nightly run over a corpus with nothing new. A run that processes no
        // page, removes none and finds the boilerplate settled (so no page is redone from normalise) never
        // reads them, and has no orphaned rows to look for: rows are removed before the manifest forgets
        // their page, and a page stored but not recorded is new to the manifest, so it is processed.
        let idle = planned == 0 && deleted.isEmpty && !previous.isEmpty && manifest.boilerplateIsSettled()
        let outputs = idle ? nil : try openStageOutputs()
        if let outputs { try removeDeleted(deleted, previous: previous, manifest: manifest, outputs: outputs) }

        logger.info("\(plans.count) pages: \(plans.count { $0.change == .new }) new, \(plans.count { $0.change == .changed }) changed, \(plans.count { $0.change == .unchanged }) unchanged, \(deleted.count) deleted; \(planned) to process")
        if planned > 0 { HTMLDocument.initialiseParser() }
        var clock = PhaseClock(started: started)
        clock.end("plan")
        // Phase 1: fetch and strip the pages that need it, storing their strip outputs. Boilerplate is
        // learnt from every page's blocks, so no page is normalised before all are stripped.
        let stripping = plans.indices.filter { plans[$0].start.map { $0 <= .strip } ?? false }
        let outcomes = Mutex([Int: PageWorker.StripOutcome]())
        let plansToStrip = stripping.map { plans[$0] }
        let fault = OutputFault()
        let (stripped, stripTally) = stream(stripping.count, manifest: manifest, outputs: outputs, stop: stop, fault: fault, progress: progress) { worker, index in
            let outcome = worker.strip(plansToStrip[index])
            outcomes.withLock { $0[stripping[index]] = outcome }
        }
        let stripOutcomes = outcomes.withLock { $0 }
        clock.end("strip")
        // The boilerplate of the manifest's pages (all of this input's pages, or this shard's), with this
        // run's strip outputs in place of the old ones; pages whose set of boilerplate blocks changed are
        // redone from normalise. A manifest settled by a finished run that recorded nothing since needs no
        // look when there is no work.
        var boilerplate = BoilerplateIndex()
        var knownBlocks: [String: PageBlocks] = [:]
        let settled = manifest.boilerplateIsSettled()
        if stripped == stripping.count, planned > 0 || !settled {
            do {
                knownBlocks = try manifest.pageBlocks()
            } catch {
                throw outputError("\(error)")
            }
            var counted = knownBlocks
            for (index, outcome) in stripOutcomes { counted[plans[index].location.relativePath] = outcome.blocks }
            boilerplate = BoilerplateIndex(pages: counted.values, settings: pipeline.configuration.strip)
            for index in plans.indices where (plans[index].start.map { $0 > .normalise } ?? true) {
                guard let blocks = knownBlocks[plans[index].location.relativePath], boilerplate.appliedKey(blocks) != blocks.applied else { continue }
                plans[index].start = .normalise
                plans[index].reason = .boilerplate
                logger.debug("\(plans[index].location.relativePath): from normalise (\(PagePlan.Reason.boilerplate.rawValue))")
            }
        }

        clock.end("boilerplate")
        // Phase 2: normalise, analyse and aggregate, recording each page in the manifest.
        let workIndices = stripped == stripping.count ? plans.indices.filter { plans[$0].start != nil } : []
        let work = workIndices.map { plans[$0] }
        let finalBoilerplate = boilerplate, finalBlocks = knownBlocks
        var (processed, tally) = stream(work.count, manifest: manifest, outputs: outputs, stop: stop, fault: fault, progress: progress) { worker, index in
            let plan = work[index]
            worker.process(
                plan, stripped: stripOutcomes[workIndices[index]], blocks: finalBlocks[plan.location.relativePath], boilerplate: finalBoilerplate)
        }
        tally.merge(stripTally)
        clock.end("process")
        // The workers' malloc arenas keep the memory of the pages they processed; the statistics are built
        // on this thread, in another arena. Handing the free pages back first keeps the end of a run (when
        // the per-article records are encoded) from adding its peak on top of theirs.
        FreeMemory.returnToSystem()
        // A full disk or a read-only file system: every output written so far is whole (atomic writes) and
        // the pages not done are left for the next run; stats.json and the report are left as they were.
        if let failure = fault.first {
            throw outputError("\(failure); stopped: the output folder \(layout.root.path) takes no more writes (make room or make it writable, then run again)")
        }
        if let problem = tally.manifestErrors.first {
            throw outputError(problem)
        }
        let interrupted = stop?.isStopped == true && (stripped < stripping.count || processed < work.count)
        if !interrupted && !tally.boilerplateUnsettled && !(settled && work.isEmpty) {
            do {
                try manifest.settleBoilerplate()
            } catch {
                throw outputError("\(error)")
            }
        }

        let workers = max(1, min(jobs, max(work.count, stripping.count)))
        var report = RunReport(
            started: UTCTime.timestamp(started), finished: UTCTime.timestamp(Date()), seconds: 0, input: inputs.map(\.path).joined(separator: ", "),
            output: layout.root.path, jobs: work.isEmpty ? jobs : workers, startStage: forcedStage ?? .fetch,
            htmlParsed: tally.htmlParsed, stages: [:])
        report.forced = forcedStage != nil
        report.inputs = inputSummaries
        report.interrupted = interrupted
        report.shard = layout.shard?.description
        report.pages = DryRun(plans: plans, deleted: deleted).pages
        report.pages.processed = tally.processedPages
        report.deletedPages = deleted
        for stage in StageName.allCases {
            var run = tally.stageRuns[stage] ?? RunReport.StageRun(ran: false, version: Pipeline.versions[stage.rawValue]!)
            run.ran = run.processed + run.failed > 0
            run.reused = plans.count { $0.reuses(stage) }
            report.stages[stage.rawValue] = run
        }

        var statisticsWrite: (() throws -> Void)?
        if interrupted {
            logger.notice("stopped after \(tally.processedPages) of \(max(planned, work.count)) pages; stats.json left as it was, the next run finishes the work")
        } else {
            report.removedStale = deleted.count + removeOrphans(keeping: Set(plans.map(\.location.id)), storedOutputs: outputs)
            // A shard always writes its partial statistics: they carry the hash of the input list, which
            // may have changed with no page of the shard changing.
            let nothingChanged = layout.shard == nil && tally.processedPages == 0 && deleted.isEmpty
                && FileManager.default.fileExists(atPath: layout.statistics.path)
            let (stats, failures, total) = try gather(
                plans, manifest: manifest, countsOnly: nothingChanged, unchanged: nothingChanged ? previous : nil,
                merged: (tally.statistics, tally.statisticsPaths))
            report.pages.ok = stats.articlesOK
            report.pages.empty = stats.articlesEmpty
            report.pages.failed = stats.pagesFailed
            report.failures = failures
            // The kept total is stored only after stats.json was written from it, so a kept total means
            // stats.json already holds it: a run that changed nothing need not write it again.
            if !(nothingChanged && !total) {
                let settings = pipeline.configuration.aggregate, layout = self.layout
                statisticsWrite = {
                    if let shard = layout.shard, let url = layout.partialStatistics {
                        let partial = PartialStatistics(shard: shard, inputHash: input.hash, inputPages: input.pages, statistics: stats)
                        try PartialStatistics.write(partial, settings: settings, to: url)
                    } else {
                        try StatisticsFile.write(stats, settings: settings, to: layout.statistics)
                    }
                    // Encoded only now, once stats.json's JSON is freed: both at once were the run's peak memory.
                    if total { try manifest.storeStatistics(stats) }
                }
            }
        }
        // stats.json as before; a shard's partial statistics last of all, after its run report: their
        // presence says the shard is complete.
        if layout.shard == nil, let write = statisticsWrite {
            do {
                try write()
            } catch {
                throw outputError("\(error)")
            }
            statisticsWrite = nil
        }
        clock.end("statistics")
        report.phases = clock.phases
        report.finished = UTCTime.timestamp(Date())
        report.seconds = Date().timeIntervalSince(started)
        do {
            let data = try encode(report)
            try AtomicWriter.write(data, to: layout.runReport, durable: true)
            try RunHistory(layout: layout).add(data, started: started, keep: pipeline.configuration.run.keepReports)
            try statisticsWrite?()
        } catch {
            throw outputError("\(error)")
        }
        withExtendedLifetime(lock) {}
        return report
    }

    /// Wall time of each phase of a run (see `RunReport.phases`).
    private struct PhaseClock {
        private var last: Date
        private(set) var phases: [String: Double] = [:]

        init(started: Date) { last = started }

        mutating func end(_ phase: String) {
            let now = Date()
            phases[phase] = (now.timeIntervalSince(last) * 1000).rounded() / 1000
            last = now
        }
    }

    /// Runs `body` over `count` items on `jobs` workers (Dispatch), streaming: each worker takes the next
    /// item until none is left or `stop` is set. Returns how many items were done and the workers' tally.
    private func stream(
        _ count: Int, manifest: Manifest, outputs: StageOutputs?, stop: StopFlag?, fault: OutputFault, progress: (@Sendable (Int, Int) -> Void)?,
        _ body: @Sendable (inout PageWorker, Int) -> Void
    ) -> (done: Int, tally: Tally) {
        // No outputs are open only in a run with nothing to process (see `run`).
        guard count > 0, let outputs else { return (0, Tally()) }
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let total = Mutex(Tally())
        let pipeline = self.pipeline, layout = self.layout, logger = self.logger
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            var worker = PageWorker(pipeline: pipeline, layout: layout, manifest: manifest, outputs: outputs, logger: logger, fault: fault)
            while stop?.isStopped != true && fault.first == nil {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { break }
                body(&worker, index)
                let finished = done.add(1, ordering: .relaxed).newValue
                progress?(finished, count)
            }
            worker.recordInManifest()
            let tally = worker.tally
            total.withLock { $0.merge(tally) }
        }
        return (done.load(ordering: .relaxed), total.withLock { $0 })
    }

    /// Whether this shard's partial statistics exist for the current input list: a run (without forcing)
    /// would skip it. False when not sharded.
    public func shardIsDone() throws(RunError) -> Bool {
        guard layout.shard != nil else { return false }
        let input = try pages(writes: false).input
        return skippedShard(input: input, forcing: nil, started: Date()) != nil
    }

    /// The report of a shard run that has nothing to do: its partial statistics exist for this input list
    /// (and nothing is forced). Nil when the run must go on.
    private func skippedShard(input: InputList, forcing forcedStage: StageName?, started: Date) -> RunReport? {
        guard forcedStage == nil, let shard = layout.shard, let url = layout.partialStatistics,
              let partial = try? PartialStatistics.read(url), partial.shard == shard, partial.inputHash == input.hash else { return nil }
        var report = RunReport(
            started: UTCTime.timestamp(started), finished: UTCTime.timestamp(Date()), seconds: Date().timeIntervalSince(started),
            input: inputs.map(\.path).joined(separator: ", "), output: layout.root.path, jobs: jobs, startStage: .fetch,
            htmlParsed: 0, stages: [:])
        report.shard = shard.description
        report.skipped = true
        report.pages.seen = partial.statistics.pagesSeen
        report.pages.unchanged = partial.statistics.pagesSeen
        report.pages.ok = partial.statistics.articlesOK
        report.pages.empty = partial.statistics.articlesEmpty
        report.pages.failed = partial.statistics.pagesFailed
        return report
    }

    /// What `run(forcing:)` would do, reading the manifest and stat-ing (and where needed hashing) the pages,
    /// writing nothing.
    public func dryRun(forcing forcedStage: StageName? = nil) throws(RunError) -> DryRun {
        let manifest: Manifest?
        do {
            manifest = try Manifest.existing(at: layout.manifest)
        } catch {
            throw outputError("\(error)")
        }
        var previous: [String: ManifestPage] = [:]
        if let manifest { previous = try read(manifest) }
        let locations = try pages(writes: false).locations
        let plans = RunPlanner(pipeline: pipeline, forcedStage: forcedStage).plan(locations, previous: previous).plans
        let present = Set(locations.map(\.relativePath))
        let deleted = previous.keys.filter { !present.contains($0) }.sorted()
        return DryRun(plans: plans, deleted: deleted)
    }

    /// An output error, with what the file system or the process limits say about the folder when they
    /// explain it (a full disk, a read-only mount, a file-size limit).
    private func outputError(_ message: String) -> RunError {
        guard let diagnosis = OutputDiagnosis.of(layout.root), !message.contains(diagnosis) else { return .output(message) }
        return .output("\(message) (\(diagnosis))")
    }

    private func openManifest() throws(RunError) -> Manifest {
        do {
            return try Manifest(url: layout.manifest)
        } catch {
            throw outputError("\(error)")
        }
    }

    private func openStageOutputs() throws(RunError) -> StageOutputs {
        do {
            return try StageOutputs(url: layout.stageOutputs)
        } catch {
            throw outputError("\(error)")
        }
    }

    private func read(_ manifest: Manifest) throws(RunError) -> [String: ManifestPage] {
        do {
            return try manifest.pages(contributions: false)
        } catch {
            throw outputError("\(error)")
        }
    }

    /// The whole input, hashed before partitioning (see `Shard.inputHash`).
    struct InputList {
        var hash: String
        var pages: Int
    }

    /// The pages of every input (a shard's share of them when sharded), what each input gave, and the whole
    /// input list they came from. WARC files are read and URL lists fetched as needed (`writes`), their
    /// pages stored in the output folder.
    private func pages(
        writes: Bool, stop: StopFlag? = nil
    ) throws(RunError) -> (locations: [PageLocation], summaries: [InputSummary], input: InputList) {
        let collector = InputCollector(settings: pipeline.configuration.fetch, layout: layout, writes: writes, logger: logger, stop: stop)
        let collected: (locations: [PageLocation], summaries: [InputSummary])
        do {
            collected = try collector.collect(inputs)
        } catch {
            throw .input("\(error)")
        }
        for summary in collected.summaries where summary.kind != .folder {
            let skipped = summary.skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            logger.info("\(summary.path): \(summary.pages) pages\(summary.reused ? " (unchanged, not read again)" : "")\(skipped.isEmpty ? "" : "; skipped: " + skipped)")
            for error in summary.errors { logger.error("\(summary.path): \(error)") }
        }
        let all = collected.locations
        guard let shard = layout.shard else { return (all, collected.summaries, InputList(hash: "", pages: all.count)) }
        let input = InputList(hash: Shard.inputHash(relativePaths: all.map(\.relativePath)), pages: all.count)
        return (all.filter { shard.contains(pageID: $0.id) }, collected.summaries, input)
    }

    /// Removes the outputs of pages gone from the input, then forgets them: killed in between, the next run
    /// finds them in the manifest again and finishes the job.
    private func removeDeleted(_ deleted: [String], previous: [String: ManifestPage], manifest: Manifest, outputs: StageOutputs) throws(RunError) {
        var ids: [String] = []
        for path in deleted {
            let id = previous[path]?.id ?? PageLocation.id(forRelativePath: path)
            unlink(layout.article(id).path)
            unlink(layout.fetchedPage(id).path)
            ids.append(id)
            logger.info("\(path): deleted from the input; its outputs are removed")
        }
        do {
            try outputs.remove(ids: ids)
            try manifest.remove(paths: deleted)
        } catch {
            throw outputError("\(error)")
        }
    }

    /// Removes outputs that belong to no page of the input (left by a run without a manifest, or a manifest
    /// removed by hand): articles and statistics describe exactly the pages in the input. A shard looks only
    /// at the ids of its own share: the other shards' files may share the folder. The per-page files of
    /// stored stage outputs that older versions wrote (`stages/`) go too: the rows of `StageOutputs` replace them.
    /// `storedOutputs` is nil in a run that opened none (it has nothing to process): its rows are then as the
    /// last run that opened them left them.
    private func removeOrphans(keeping ids: Set<String>, storedOutputs outputs: StageOutputs?) -> Int {
        var removed = 0
        for id in layout.ids(in: layout.articles) where !ids.contains(id) && layout.shard?.contains(pageID: id) != false {
            if unlink(layout.article(id).path) == 0 { removed += 1 }
        }
        if let stored = try? outputs?.removeAll(except: { ids.contains($0) }), stored > 0 {
            logger.info("\(stored) pages' stored stage outputs belonged to no page of the input; removed")
        }
        if layout.shard == nil { try? FileManager.default.removeItem(at: layout.legacyStageFolders) }
        return removed
    }

    /// The corpus statistics merged from every page's stored contribution, and the failures, from the
    /// manifest as it now stands. The merged total is kept in the manifest until a page is recorded or
    /// removed, so a run that changed no page decodes one value instead of one per page.
    /// The third value says whether the merged total is new, to be kept in the manifest once stats.json is
    /// written (false when the kept total was used).
    /// With `countsOnly`, when the kept total exists (stats.json holds it), only the page counts of the run
    /// report are needed: they come from the pages' statuses, without decoding the total. `unchanged` is
    /// the manifest as read before the run, when the run recorded nothing, so it need not be read again.
    /// `merged`: the contributions of the pages this run processed, already merged by the workers (see
    /// `Tally.statistics`); only the other pages' stored contributions are decoded. Merging is associative
    /// and commutative, so the total is the same as merging every stored contribution in page order.
    private func gather(
        _ plans: [PagePlan], manifest: Manifest, countsOnly: Bool, unchanged: [String: ManifestPage]?,
        merged: (statistics: CorpusStatistics, paths: Set<String>)
    ) throws(RunError) -> (CorpusStatistics, [RunReport.Failure], Bool) {
        func recordedPages() throws(RunError) -> [ManifestPage] {
            let recorded: [String: ManifestPage]
            do {
                recorded = try manifest.pages(stages: false, contributions: false)
            } catch {
                throw outputError("\(error)")
            }
            var pages: [ManifestPage] = []
            for plan in plans {
                guard let page = recorded[plan.location.relativePath] else {
                    throw outputError("the manifest does not record \(plan.location.relativePath); run again")
                }
                pages.append(page)
            }
            return pages
        }
        var pages: [ManifestPage]
        if let unchanged {
            pages = plans.compactMap { unchanged[$0.location.relativePath] }
            if pages.count != plans.count { pages = try recordedPages() }
        } else {
            pages = try recordedPages()
        }
        let failures = pages.compactMap(\.failure)
        if countsOnly, manifest.cachedStatistics() != nil {
            var counts = CorpusStatistics()
            counts.pagesSeen = pages.count
            for page in pages {
                switch page.status {
                case .ok: counts.articlesOK += 1
                case .empty: counts.articlesEmpty += 1
                case .failed: counts.pagesFailed += 1
                }
            }
            return (counts, failures, false)
        }
        if let cached = manifest.cachedStatistics(), let stats = try? CounterArchive.decode(cached), stats.pagesSeen == pages.count {
            return (stats, failures, false)
        }
        let store = StageStore(layout: layout, pipeline: pipeline, outputs: nil)
        var stats = merged.statistics
        pages.removeAll { merged.paths.contains($0.path) }
        // Merged in the order of the pages, a slice at a time (see `Manifest.contributions(of:)`).
        let paths = pages.map(\.path)
        var contributions: [String: Data] = [:]
        for (index, page) in pages.enumerated() {
            if index % Self.contributionSlice == 0 {
                do {
                    contributions = try manifest.contributions(of: paths[index..<min(index + Self.contributionSlice, paths.count)])
                } catch {
                    throw outputError("\(error)")
                }
            }
            if let stored = contributions[page.path], let contribution = try? CounterArchive.decode(stored) {
                stats.merge(contribution)
            } else if let failure = page.failure {
                // A contribution stored in an older statistics format: a failure's is rebuilt from the manifest…
                stats.recordFailure(PageError(failure.kind, stage: failure.stage, failure.message))
            } else {
                // …and an article's from the stored article.
                do throws(PageError) {
                    stats.merge(try pipeline.aggregate.process(store.loadArticle(page.id)))
                } catch {
                    throw outputError("cannot rebuild the statistics of \(page.path): \(error); run with --stage aggregate")
                }
            }
        }
        return (stats, failures, true)
    }

    /// Pages whose statistics contributions are read from the manifest at once at the end of a run.
    static let contributionSlice = 256

    private func encode<T: Encodable>(_ value: T) throws -> Data {
        var encoder = SortedJSONEncoder(prettyPrinted: true)
        encoder.userInfo[CorpusStatistics.lengthBinsKey] = pipeline.configuration.aggregate.lengthBins
        return try encoder.encode(value)
    }
}
