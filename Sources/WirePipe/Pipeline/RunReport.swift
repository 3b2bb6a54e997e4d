import Foundation

/// run-report.json: what one run did.
public struct RunReport: Codable, Sendable {
    public struct Pages: Codable, Sendable {
        public var seen = 0
        public var ok = 0
        public var empty = 0
        public var failed = 0
    }

    public struct StageRun: Codable, Sendable {
        /// Whether the stage ran in this run (a rerun from a later stage skips the earlier ones).
        public var ran: Bool
        public var version: String
        public var processed = 0
        public var failed = 0
        /// Time spent in the stage, summed over workers.
        public var seconds = 0.0
    }

    public struct Failure: Codable, Sendable, Equatable {
        public var id: String
        public var path: String
        public var stage: StageName
        public var kind: PageError.Kind
        public var message: String
    }

    public var tool = "wirepipe"
    public var started: String
    public var finished: String
    public var seconds: Double
    public var input: String
    public var output: String
    public var jobs: Int
    /// The first stage run: `fetch` for a full run, a later one for `run --stage`.
    public var startStage: StageName
    /// Pages that libxml2 parsed in this run (0 for a rerun from normalise or later).
    public var htmlParsed: Int
    public var pages = Pages()
    public var stages: [String: StageRun]
    public var failures: [Failure] = []
    /// Outputs of pages no longer present that this run removed.
    public var removedStale: Int = 0

    enum CodingKeys: String, CodingKey {
        case tool, started, finished, seconds, input, output, jobs, pages, stages, failures
        case startStage = "start_stage"
        case htmlParsed = "html_parsed"
        case removedStale = "removed_stale"
    }
}
