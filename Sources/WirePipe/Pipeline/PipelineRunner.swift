import Dispatch
import Foundation
import Logging
import Synchronization

/// Runs the pipeline over a folder, doing only the work the manifest says is needed: pages stream through
/// their stages on `jobs` workers (Dispatch), each page's outputs are written as soon as it is done and the
/// page is then recorded in the manifest. The statistics are merged from every page's stored contribution,
/// so a run that reuses everything still writes the full statistics without reading a page.
public struct PipelineRunner: Sendable {
    public let pipeline: Pipeline
    public let inputRoot: URL
    public let layout: OutputLayout
    public let jobs: Int
    public var logger: Logger

    /// `logger`: where decisions, deletions and page failures are logged; silent unless the caller gives one.
    public init(
        configuration: PipelineConfiguration, inputRoot: URL, outputRoot: URL,
        logger: Logger = Logger(label: "wirepipe", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.pipeline = Pipeline(configuration: configuration)
        self.inputRoot = inputRoot
        self.layout = OutputLayout(root: outputRoot)
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
            lock = try RunLock(folder: layout.root)
        } catch {
            throw .locked("\(error)")
        }
        // Only the lock holder may clear temporary files: another run's would be in use.
        do {
            try layout.createFolders()
        } catch {
            throw outputError("cannot create the output folder \(layout.root.path): \(error.localizedDescription)")
        }
        let manifest = try openManifest()
        let previous = try read(manifest)
        if let forcedStage, forcedStage > .fetch, previous.isEmpty {
            throw .nothingStored(forcedStage, layout.manifest.path)
        }
        let locations = try pages()
        let (plans, touched) = RunPlanner(pipeline: pipeline, forcedStage: forcedStage).plan(locations, previous: previous)
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
        try removeDeleted(deleted, previous: previous, manifest: manifest)

        let work = plans.filter { $0.start != nil }
        logger.info("\(plans.count) pages: \(plans.count { $0.change == .new }) new, \(plans.count { $0.change == .changed }) changed, \(plans.count { $0.change == .unchanged }) unchanged, \(deleted.count) deleted; \(work.count) to process")
        if !work.isEmpty { HTMLDocument.initialiseParser() }
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let total = Mutex(Tally())
        let workers = max(1, min(jobs, work.count))
        let pipeline = self.pipeline, layout = self.layout, logger = self.logger
        let fault = OutputFault()
        DispatchQueue.concurrentPerform(iterations: work.isEmpty ? 0 : workers) { _ in
            var worker = PageWorker(pipeline: pipeline, layout: layout, manifest: manifest, logger: logger, fault: fault)
            while stop?.isStopped != true && fault.first == nil {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < work.count else { break }
                worker.process(work[index])
                let finished = done.add(1, ordering: .relaxed).newValue
                progress?(finished, work.count)
            }
            let tally = worker.tally
            total.withLock { $0.merge(tally) }
        }
        let tally = total.withLock { $0 }
        // A full disk or a read-only file system: every output written so far is whole (atomic writes) and
        // the pages not done are left for the next run; stats.json and the report are left as they were.
        if let failure = fault.first {
            throw outputError("\(failure); stopped: the output folder \(layout.root.path) takes no more writes (make room or make it writable, then run again)")
        }
        if let problem = tally.manifestErrors.first {
            throw outputError(problem)
        }
        let interrupted = stop?.isStopped == true && done.load(ordering: .relaxed) < work.count

        var report = RunReport(
            started: Self.timestamp(started), finished: Self.timestamp(Date()), seconds: 0, input: inputRoot.path,
            output: layout.root.path, jobs: work.isEmpty ? jobs : workers, startStage: forcedStage ?? .fetch,
            htmlParsed: tally.htmlParsed, stages: [:])
        report.forced = forcedStage != nil
        report.interrupted = interrupted
        report.pages = DryRun(plans: plans, deleted: deleted).pages
        report.pages.processed = tally.processedPages
        report.deletedPages = deleted
        for stage in StageName.allCases {
            var run = tally.stageRuns[stage] ?? RunReport.StageRun(ran: false, version: Pipeline.versions[stage.rawValue]!)
            run.ran = run.processed + run.failed > 0
            run.reused = plans.count { $0.reuses(stage) }
            report.stages[stage.rawValue] = run
        }

        if interrupted {
            logger.notice("stopped after \(tally.processedPages) of \(work.count) pages; stats.json left as it was, the next run finishes the work")
        } else {
            report.removedStale = deleted.count + removeOrphans(keeping: Set(plans.map(\.location.id)))
            let nothingChanged = tally.processedPages == 0 && deleted.isEmpty && FileManager.default.fileExists(atPath: layout.statistics.path)
            let (stats, failures, total) = try gather(plans, manifest: manifest, countsOnly: nothingChanged)
            report.pages.ok = stats.articlesOK
            report.pages.empty = stats.articlesEmpty
            report.pages.failed = stats.pagesFailed
            report.failures = failures
            // The kept total is stored only after stats.json was written from it, so a kept total means
            // stats.json already holds it: a run that changed nothing need not write it again.
            if !(nothingChanged && total == nil) {
                do {
                    try StatisticsFile.write(stats, settings: pipeline.configuration.aggregate, to: layout.statistics)
                    if let total { try manifest.storeStatistics(total) }
                } catch {
                    throw outputError("\(error)")
                }
            }
        }
        report.finished = Self.timestamp(Date())
        report.seconds = Date().timeIntervalSince(started)
        do {
            let data = try encode(report)
            try AtomicWriter.write(data, to: layout.runReport, durable: true)
            try RunHistory(layout: layout).add(data, started: started, keep: pipeline.configuration.run.keepReports)
        } catch {
            throw outputError("\(error)")
        }
        withExtendedLifetime(lock) {}
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
        let locations = try pages()
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

    private func read(_ manifest: Manifest) throws(RunError) -> [String: ManifestPage] {
        do {
            return try manifest.pages()
        } catch {
            throw outputError("\(error)")
        }
    }

    private func pages() throws(RunError) -> [PageLocation] {
        do {
            return try InputWalker(settings: pipeline.configuration.fetch).pages(under: inputRoot)
        } catch {
            throw .input("\(error)")
        }
    }

    /// Removes the outputs of pages gone from the input, then forgets them: killed in between, the next run
    /// finds them in the manifest again and finishes the job.
    private func removeDeleted(_ deleted: [String], previous: [String: ManifestPage], manifest: Manifest) throws(RunError) {
        for path in deleted {
            let id = previous[path]?.id ?? PageLocation.id(forRelativePath: path)
            unlink(layout.article(id).path)
            for stage in OutputLayout.storedStages { unlink(layout.stageOutput(stage, id).path) }
            logger.info("\(path): deleted from the input; its outputs are removed")
        }
        do {
            try manifest.remove(paths: deleted)
        } catch {
            throw outputError("\(error)")
        }
    }

    /// Removes output files that belong to no page of the input (left by a run without a manifest, or a
    /// manifest removed by hand): articles and statistics describe exactly the pages in the input.
    private func removeOrphans(keeping ids: Set<String>) -> Int {
        var removed = 0
        for folder in [layout.articles] + OutputLayout.storedStages.map(layout.stageFolder) {
            for id in layout.ids(in: folder) where !ids.contains(id) {
                if unlink(folder.appendingPathComponent(id + ".json").path) == 0, folder == layout.articles { removed += 1 }
            }
        }
        return removed
    }

    /// The corpus statistics merged from every page's stored contribution, and the failures, from the
    /// manifest as it now stands. The merged total is kept in the manifest until a page is recorded or
    /// removed, so a run that changed no page decodes one value instead of one per page.
    /// The third value is the merged total to keep in the manifest once stats.json is written (nil when the
    /// kept total was used).
    /// With `countsOnly`, when the kept total exists (stats.json holds it), only the page counts of the run
    /// report are needed: they come from the pages' statuses, without decoding the total.
    private func gather(_ plans: [PagePlan], manifest: Manifest, countsOnly: Bool) throws(RunError) -> (CorpusStatistics, [RunReport.Failure], Data?) {
        let recorded: [String: ManifestPage]
        do {
            recorded = try manifest.pages(stages: false)
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
        let decoder = JSONDecoder()
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
            return (counts, failures, nil)
        }
        if let cached = manifest.cachedStatistics(), let stats = try? decoder.decode(CorpusStatistics.self, from: cached),
           stats.pagesSeen == pages.count {
            return (stats, failures, nil)
        }
        // One decode of all contributions as a JSON array: on Linux a JSONDecoder call costs far more than
        // the few counters in a contribution, and this is most of what a run that reuses everything does.
        var batch = Data("[".utf8)
        for (index, page) in pages.enumerated() {
            if index > 0 { batch.append(UInt8(ascii: ",")) }
            batch.append(page.contribution ?? Data("null".utf8))
        }
        batch.append(UInt8(ascii: "]"))
        let decoded = (try? decoder.decode([CorpusStatistics?].self, from: batch)) ?? Array(repeating: nil, count: pages.count)
        let store = StageStore(layout: layout, pipeline: pipeline)
        var stats = CorpusStatistics()
        for (page, batched) in zip(pages, decoded) {
            if let contribution = batched ?? page.contribution.flatMap({ try? decoder.decode(CorpusStatistics.self, from: $0) }) {
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.userInfo[CorpusStatistics.countersOnlyKey] = true
        return (stats, failures, try? encoder.encode(stats))
    }

    private func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.userInfo[CorpusStatistics.lengthBinsKey] = pipeline.configuration.aggregate.lengthBins
        return try encoder.encode(value)
    }

    private func write<T: Encodable>(_ value: T, to url: URL) throws {
        try AtomicWriter.write(encode(value), to: url, durable: true)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
