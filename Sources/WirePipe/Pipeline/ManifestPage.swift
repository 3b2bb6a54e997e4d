import Foundation

/// What the manifest knows about one page: the file as last seen, and per stage the fingerprint its
/// stored output was made from. A run decides what to redo by comparing these with what it would make now.
public struct ManifestPage: Sendable, Equatable {
    /// How the page ended in the run that last processed it.
    public enum Status: String, Sendable, Codable {
        case ok, empty, failed
    }

    /// One stage's record for the page.
    public struct StageRecord: Sendable, Equatable {
        public enum Status: String, Sendable, Codable {
            case ok, failed
        }

        /// `Pipeline.stageFingerprint(stage)` when the output was made: settings and versions of the stage and those before it.
        public var fingerprint: String
        public var status: Status
        public var error: String?
        public var seconds: Double

        public init(fingerprint: String, status: Status, error: String? = nil, seconds: Double) {
            self.fingerprint = fingerprint
            self.status = status
            self.error = error
            self.seconds = seconds
        }
    }

    /// Path relative to the input root (the manifest's key).
    public var path: String
    public var id: String
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var mtime: Int64
    public var sha256: String
    public var status: Status
    public var failure: RunReport.Failure?
    /// The page's contribution to the corpus statistics (its counters as a `CounterArchive`), so a run that
    /// reuses the page only merges it.
    /// Nil also when the manifest was read without contributions (`Manifest.pages(contributions: false)`);
    /// `hasContribution` says whether one is stored.
    public var contribution: Data?
    public var hasContribution: Bool
    public var stages: [StageName: StageRecord]

    public init(
        path: String, id: String, size: Int64, mtime: Int64, sha256: String, status: Status,
        failure: RunReport.Failure? = nil, contribution: Data? = nil, stages: [StageName: StageRecord] = [:]
    ) {
        self.path = path
        self.id = id
        self.size = size
        self.mtime = mtime
        self.sha256 = sha256
        self.status = status
        self.failure = failure
        self.contribution = contribution
        hasContribution = contribution != nil
        self.stages = stages
    }
}
