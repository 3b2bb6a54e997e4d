import Foundation

/// run-report.json: what one run did. The last one is `<output>/run-report.json`; earlier ones are kept
/// under `<output>/runs/` (see `RunHistory`).
public struct RunReport: Codable, Sendable {
    public struct Pages: Codable, Sendable {
        /// Pages in the input.
        public var seen = 0
        /// Pages not in the manifest before this run.
        public var new = 0
        /// Pages whose bytes (sha256) differ from the manifest's.
        public var changed = 0
        /// Pages whose bytes are as recorded (their outputs may still be redone after a settings change).
        public var unchanged = 0
        /// Pages in the manifest that are gone from the input; their outputs were removed.
        public var deleted = 0
        /// Pages that went through at least one stage in this run.
        public var processed = 0
        /// Of the pages seen: articles with text, articles without, pages that failed (now or, with the
        /// same bytes and settings, in an earlier run).
        public var ok = 0
        public var empty = 0
        public var failed = 0

        public init() {}
    }

    public struct StageRun: Codable, Sendable {
        /// Whether the stage processed any page in this run.
        public var ran: Bool
        public var version: String
        /// Pages this stage processed in this run.
        public var processed = 0
        /// Pages whose stored output of this stage was still valid and kept.
        public var reused = 0
        /// Pages that failed in this stage in this run.
        public var failed = 0
        /// Time spent in the stage, summed over workers.
        public var seconds = 0.0

        public init(ran: Bool, version: String) {
            self.ran = ran
            self.version = version
        }
    }

    public struct Failure: Codable, Sendable, Equatable {
        public var id: String
        public var path: String
        public var stage: StageName
        public var kind: PageError.Kind
        public var message: String

        public init(id: String, path: String, stage: StageName, kind: PageError.Kind, message: String) {
            self.id = id
            self.path = path
            self.stage = stage
            self.kind = kind
            self.message = message
        }
    }

    public var tool = "wirepipe"
    public var started: String
    public var finished: String
    public var seconds: Double
    /// The input paths, separated by ", " when there are several.
    public var input: String
    public var output: String
    public var jobs: Int
    /// `--stage NAME` (or `fetch` for `--force`): the stage forced for every page; `fetch` when nothing was forced.
    public var startStage: StageName
    /// Whether `--stage` or `--force` forced stages.
    public var forced = false
    /// Pages that libxml2 parsed in this run.
    public var htmlParsed: Int
    public var pages = Pages()
    public var stages: [String: StageRun]
    /// Every page failing now, in path order.
    public var failures: [Failure] = []
    /// Paths of the pages deleted from the input, whose outputs this run removed.
    public var deletedPages: [String] = []
    /// Output files of pages no longer present that this run removed (articles).
    public var removedStale: Int = 0
    /// True when the run was stopped (SIGINT/SIGTERM) before every page was done; stats.json was then
    /// left as it was and the next run finishes the work.
    public var interrupted = false
    /// `I/N` for a shard run (`run --shard`), nil otherwise.
    public var shard: String?
    /// True for a shard run that found its partial statistics for the same input and did nothing.
    public var skipped: Bool?
    /// What each input gave: pages, skipped WARC records, URLs downloaded or unchanged, damaged files.
    /// Optional so that reports written before it existed still decode.
    public var inputs: [InputSummary]?
    /// Wall seconds of the run's phases, in order: `plan` (listing the inputs, reading the manifest, deciding
    /// what each page needs), `strip` (fetch and strip on every worker), `boilerplate` (learning the corpus's
    /// boilerplate), `process` (the later stages on every worker), `statistics` (merging the pages'
    /// contributions and writing stats.json). Phases that run on one thread set the ceiling of what more
    /// workers can gain. Optional so that older reports still decode.
    public var phases: [String: Double]?

    public init(started: String, finished: String, seconds: Double, input: String, output: String, jobs: Int, startStage: StageName, htmlParsed: Int, stages: [String: StageRun]) {
        self.started = started
        self.finished = finished
        self.seconds = seconds
        self.input = input
        self.output = output
        self.jobs = jobs
        self.startStage = startStage
        self.htmlParsed = htmlParsed
        self.stages = stages
    }

    enum CodingKeys: String, CodingKey {
        case tool, started, finished, seconds, input, output, jobs, pages, stages, failures, forced, interrupted, shard, skipped
        case inputs, phases
        case startStage = "start_stage"
        case htmlParsed = "html_parsed"
        case deletedPages = "deleted_pages"
        case removedStale = "removed_stale"
    }
}
