import Foundation

/// What a run will do with one page, decided from the manifest before any page is processed.
public struct PagePlan: Sendable {
    /// How the page's bytes compare with the manifest.
    public enum Change: String, Sendable, Codable {
        case new, changed, unchanged
    }

    /// Why the page's stages from `start` on are redone.
    public enum Reason: String, Sendable, Codable, CaseIterable {
        /// Not in the manifest.
        case new = "new page"
        /// Its bytes (sha256) differ from the manifest's.
        case changed = "changed page"
        /// `--stage` or `--force`.
        case forced
        /// The stage's settings or version, or an earlier stage's, differ from those its output was made with.
        case fingerprint = "settings or version changed"
        /// The manifest holds no record for the stage (a run stopped half-way through the page, for example).
        case unrecorded = "no stored output"
        /// The page failed last time for a reason that may have passed (unreadable, an output that could not
        /// be written, the time limit; see `PageError.Kind.isTransient`); a stat does not show that, so it is retried.
        case retry = "retry of a passing failure"
        /// The set of its blocks that are corpus-learned boilerplate changed (pages added or removed elsewhere
        /// on its site): its text is redone from normalise.
        case boilerplate = "boilerplate changed"
    }

    public var location: PageLocation
    var file: FileStat
    public var sha256: String
    /// The `sha256` of a new page until fetch has read and hashed it; never equals a hex digest.
    static let hashedByFetch = "hashed-by-fetch"
    public var change: Change
    /// The first stage to run; nil when every stored output (or the recorded failure) is still valid.
    public var start: StageName?
    public var reason: Reason?
    /// The manifest's record from before this run.
    public var previous: ManifestPage?

    /// Whether `stage` runs for this page.
    public func runs(_ stage: StageName) -> Bool {
        guard let start else { return false }
        // fetch is not stored: whatever needs the page's text (strip) needs fetch again.
        return stage >= start || (stage == .fetch && start == .strip)
    }

    /// Whether this page keeps its stored output of `stage` (made with the same bytes and settings).
    func reuses(_ stage: StageName) -> Bool {
        !runs(stage) && change == .unchanged && previous?.stages[stage]?.status == .ok
    }
}
