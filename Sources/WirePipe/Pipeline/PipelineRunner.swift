import Dispatch
import Foundation
import Synchronization

/// Runs the pipeline over a folder: pages stream through the stages on `jobs` workers (Dispatch), each
/// page's outputs are written as soon as it is done, and only counters are kept for the statistics, so
/// memory does not grow with the corpus.
public struct PipelineRunner: Sendable {
    public let pipeline: Pipeline
    public let inputRoot: URL
    public let layout: OutputLayout
    public let jobs: Int

    public init(configuration: PipelineConfiguration, inputRoot: URL, outputRoot: URL) {
        self.pipeline = Pipeline(configuration: configuration)
        self.inputRoot = inputRoot
        self.layout = OutputLayout(root: outputRoot)
        self.jobs = configuration.effectiveJobs
    }

    public enum RunError: Error, CustomStringConvertible {
        case input(String)
        case output(String)
        case nothingStored(StageName, String)

        public var description: String {
            switch self {
            case .input(let message): return message
            case .output(let message): return message
            case .nothingStored(let stage, let folder):
                return "cannot rerun from \(stage.rawValue): no stored outputs in \(folder); run the whole pipeline first"
            }
        }
    }

    /// Runs from `startStage` (fetch for a full run) through aggregate. Per-page failures are recorded in the
    /// report; only problems with the input folder or the output folder as a whole throw.
    public func run(from startStage: StageName = .fetch, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(RunError) -> RunReport {
        let started = Date()
        do {
            try layout.createFolders()
        } catch {
            throw .output("cannot create the output folder \(layout.root.path): \(error.localizedDescription)")
        }
        let items = try workItems(from: startStage)
        HTMLDocument.initialiseParser()

        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let total = Mutex(Tally())
        let workers = max(1, min(jobs, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var worker = PageWorker(pipeline: pipeline, layout: layout, startStage: startStage)
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < items.count else { break }
                worker.process(items[index])
                let finished = done.add(1, ordering: .relaxed).newValue
                progress?(finished, items.count)
            }
            let tally = worker.tally
            total.withLock { $0.merge(tally) }
        }
        var tally = total.withLock { $0 }
        tally.failures.sort { $0.path < $1.path }

        var removed = 0
        if startStage <= .strip {
            removed = removeStaleOutputs(keeping: tally.producedIDs)
        }
        var report = RunReport(
            started: Self.timestamp(started), finished: Self.timestamp(Date()), seconds: Date().timeIntervalSince(started),
            input: inputRoot.path, output: layout.root.path, jobs: workers, startStage: startStage,
            htmlParsed: tally.htmlParsed, stages: [:])
        for stage in StageName.allCases {
            var run = tally.stageRuns[stage] ?? RunReport.StageRun(ran: false, version: Pipeline.versions[stage.rawValue]!)
            run.ran = stage >= startStage
            report.stages[stage.rawValue] = run
        }
        let stats = tally.statistics
        report.pages = RunReport.Pages(seen: stats.pagesSeen, ok: stats.articlesOK, empty: stats.articlesEmpty, failed: stats.pagesFailed)
        report.failures = tally.failures
        report.removedStale = removed
        do {
            try StatisticsFile.write(stats, settings: pipeline.configuration.aggregate, to: layout.statistics)
            report.finished = Self.timestamp(Date())
            report.seconds = Date().timeIntervalSince(started)
            try write(report, to: layout.runReport)
        } catch {
            throw .output("\(error)")
        }
        return report
    }

    private func workItems(from startStage: StageName) throws(RunError) -> [WorkItem] {
        switch startStage {
        case .fetch, .strip:
            do {
                return try InputWalker(settings: pipeline.configuration.fetch).pages(under: inputRoot).map(WorkItem.page)
            } catch {
                throw .input("\(error)")
            }
        case .normalise, .analyse, .aggregate:
            let source: URL
            switch startStage {
            case .normalise: source = layout.stageFolder(.strip)
            case .analyse: source = layout.stageFolder(.normalise)
            default: source = layout.articles
            }
            let ids = layout.ids(in: source)
            guard !ids.isEmpty else { throw .nothingStored(startStage, source.path) }
            return ids.map { WorkItem.stored(id: $0) }
        }
    }

    /// After a full run, outputs of pages that are gone (or now fail) are removed, so articles and
    /// statistics describe exactly the pages in the input.
    private func removeStaleOutputs(keeping ids: Set<String>) -> Int {
        var removed = 0
        for folder in [layout.articles] + OutputLayout.storedStages.map(layout.stageFolder) {
            for id in layout.ids(in: folder) where !ids.contains(id) {
                if unlink(folder.appendingPathComponent(id + ".json").path) == 0, folder == layout.articles { removed += 1 }
            }
        }
        return removed
    }

    private func write<T: Encodable>(_ value: T, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try AtomicWriter.write(encoder.encode(value), to: url, durable: true)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
