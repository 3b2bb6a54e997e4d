import Foundation

/// `run`: how a run keeps its books (manifest, history) and when it counts as failed. None of these
/// settings changes what a stage produces, so none of them is part of a stage fingerprint.
public struct RunSettings: Codable, Equatable, Sendable {
    /// Reports of past runs kept under `<output>/runs/` for `wirepipe runs`; older ones are removed.
    public var keepReports: Int = 30
    /// A run exits with code 1 when more than this share of the pages seen failed. 0 means any failure
    /// does: a nightly job should notice a single unreadable page unless told otherwise.
    public var maxFailureRatio: Double = 0
    /// When stderr is not a terminal (cron, systemd), a plain progress line is logged this often, in seconds.
    public var progressInterval: Double = 10
    /// Seconds one page may take through fetch, strip, normalise and analyse before it is stopped as a
    /// per-page `time_limit` error (checked between stages and at cheap points inside them). A typical page
    /// takes a few milliseconds, a 30 MB one about a second; 0 turns the limit off. Not part of a
    /// fingerprint: a page stopped by it is retried on the next run.
    public var pageTimeLimit: Double = 60
    /// Pages each worker records in the manifest per transaction. Larger batches write the manifest less
    /// often; a run killed before a batch is written redoes those pages on the next run (their outputs are
    /// rewritten identically), so this trades a little rework after a kill for speed. 1 records every page
    /// as soon as it is done.
    public var manifestBatchPages: Int = 32
    /// After a page whose saved file is at least this many bytes (each of its two phases), the worker
    /// hands the freed memory of its allocator back to the system: a 30 MB page briefly takes hundreds of
    /// MB, which glibc would otherwise keep for the rest of the run. Typical pages are far below it; 0 never
    /// hands memory back before the end of processing.
    public var releaseMemoryAfterPageBytes: Int = 4_000_000

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case keepReports = "keep_reports"
        case maxFailureRatio = "max_failure_ratio"
        case progressInterval = "progress_interval"
        case pageTimeLimit = "page_time_limit"
        case manifestBatchPages = "manifest_batch_pages"
        case releaseMemoryAfterPageBytes = "release_memory_after_page_bytes"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = RunSettings()
        keepReports = try c.value(.keepReports, default: d.keepReports, check: Allowed.atLeast(1))
        maxFailureRatio = try c.value(.maxFailureRatio, default: d.maxFailureRatio, check: Allowed.within(0...1))
        progressInterval = try c.value(.progressInterval, default: d.progressInterval, check: Allowed.atLeast(0.1))
        pageTimeLimit = try c.value(.pageTimeLimit, default: d.pageTimeLimit, check: Allowed.atLeast(0))
        manifestBatchPages = try c.value(.manifestBatchPages, default: d.manifestBatchPages, check: Allowed.atLeast(1))
        releaseMemoryAfterPageBytes = try c.value(.releaseMemoryAfterPageBytes, default: d.releaseMemoryAfterPageBytes, check: Allowed.atLeast(0))
    }
}
