import Dispatch
import Foundation

/// What a worker is handed: a page to read, or the id of a stored stage output to resume from.
enum WorkItem: Sendable {
    case page(PageLocation)
    case stored(id: String)

    var id: String {
        switch self {
        case .page(let location): return location.id
        case .stored(let id): return id
        }
    }
}

/// What the workers add up: statistics, per-stage counts and times, failures.
struct Tally: Sendable {
    var statistics = CorpusStatistics()
    var stageRuns: [StageName: RunReport.StageRun] = [:]
    var failures: [RunReport.Failure] = []
    var producedIDs: Set<String> = []
    var htmlParsed = 0

    mutating func merge(_ other: Tally) {
        statistics.merge(other.statistics)
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
        failures += other.failures
        producedIDs.formUnion(other.producedIDs)
        htmlParsed += other.htmlParsed
    }

    mutating func run(_ stage: StageName, _ change: (inout RunReport.StageRun) -> Void) {
        change(&stageRuns[stage, default: RunReport.StageRun(ran: true, version: Pipeline.versions[stage.rawValue]!)])
    }
}

/// One worker's loop body: takes a page through the stages from `startStage` on, stores what reruns
/// need, writes the article, and catches and records every page failure.
struct PageWorker {
    let pipeline: Pipeline
    let layout: OutputLayout
    let startStage: StageName
    var tally = Tally()
    private var store: StageStore

    init(pipeline: Pipeline, layout: OutputLayout, startStage: StageName) {
        self.pipeline = pipeline
        self.layout = layout
        self.startStage = startStage
        self.store = StageStore(layout: layout, pipeline: pipeline)
    }

    mutating func process(_ item: WorkItem) {
        let pipeline = self.pipeline  // a copy: the stage closures must not capture the mutating self
        var path = ""
        do throws(PageError) {
            let document: ArticleDocument
            switch (item, startStage) {
            case (.page(let location), _):
                path = location.relativePath
                let fetched = try timed(.fetch) { () throws(PageError) in try pipeline.fetch.process(location) }
                tally.htmlParsed += 1
                let stripped = try timed(.strip) { () throws(PageError) in try pipeline.strip.process(fetched) }
                try store.save(stripped, stage: .strip)
                document = try fromStripped(stripped)
            case (.stored(let id), .normalise):
                let stripped: StrippedArticle = try store.load(.strip, id: id)
                path = stripped.source.path
                document = try fromStripped(stripped)
            case (.stored(let id), .analyse):
                let normalised: NormalisedArticle = try store.load(.normalise, id: id)
                path = normalised.source.path
                document = try fromNormalised(normalised)
            case (.stored(let id), _):
                document = try store.loadArticle(id)
                path = document.source.path
            }
            let contribution = try timed(.aggregate) { () throws(PageError) in try pipeline.aggregate.process(document) }
            tally.statistics.merge(contribution)
            tally.producedIDs.insert(item.id)
        } catch {
            tally.statistics.recordFailure(error)
            tally.run(error.stage) { $0.failed += 1 }
            tally.failures.append(RunReport.Failure(id: item.id, path: path, stage: error.stage, kind: error.kind, message: error.message))
        }
    }

    private mutating func fromStripped(_ stripped: StrippedArticle) throws(PageError) -> ArticleDocument {
        let pipeline = self.pipeline
        let normalised = try timed(.normalise) { () throws(PageError) in try pipeline.normalise.process(stripped) }
        try store.save(normalised, stage: .normalise)
        return try fromNormalised(normalised)
    }

    private mutating func fromNormalised(_ normalised: NormalisedArticle) throws(PageError) -> ArticleDocument {
        let pipeline = self.pipeline
        var document = try timed(.analyse) { () throws(PageError) in try pipeline.analyse.process(normalised) }
        document.versions = Pipeline.versions
        try store.saveArticle(document)
        return document
    }

    /// Runs one stage's work, counting it and adding its time to the stage.
    private mutating func timed<T>(_ stage: StageName, _ body: () throws(PageError) -> T) throws(PageError) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        tally.run(stage) {
            $0.processed += 1
            $0.seconds += seconds
        }
        return value
    }
}
