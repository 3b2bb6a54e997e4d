import Crypto
import Foundation

/// Decides, from the manifest alone, what each page needs: a stat per page, a hash only where the size or
/// modification time moved, then a comparison of the fingerprints each stored output was made from with
/// the ones this configuration would make.
struct RunPlanner {
    let pipeline: Pipeline
    /// `--stage`/`--force`: this stage and every later one are redone for every page.
    let forcedStage: StageName?

    /// The plan for every page of the input, and the pages whose bytes are unchanged although their size or
    /// modification time moved (the manifest learns their new stat so they are not hashed again).
    func plan(_ locations: [PageLocation], previous: [String: ManifestPage]) -> (plans: [PagePlan], touched: [(path: String, size: Int64, mtime: Int64)]) {
        var plans: [PagePlan] = []
        var touched: [(path: String, size: Int64, mtime: Int64)] = []
        plans.reserveCapacity(locations.count)
        for location in locations {
            let path = location.filePath
            let file = FileStat(path: path) ?? FileStat(size: -1, mtime: -1)
            let known = previous[location.relativePath]
            var sha256: String
            var change: PagePlan.Change
            if let failure = location.origin?.failure {
                // A WARC record or URL that gave no page has no bytes: its error stands for them, so the same
                // error is kept as it was and a different one is recorded anew.
                sha256 = SHA256.hash(data: Data("failed:\(failure.kind.rawValue):\(failure.message)".utf8)).hexString
                change = known == nil ? .new : known!.sha256 == sha256 ? .unchanged : .changed
            } else if let known, known.size == file.size, known.mtime == file.mtime {
                sha256 = known.sha256
                change = .unchanged
            } else if let known {
                // "unreadable" never equals a hex digest, so an unreadable page always counts as changed.
                sha256 = FileStat.sha256(path: path) ?? "unreadable"
                change = known.sha256 == sha256 ? .unchanged : .changed
                if change == .unchanged { touched.append((location.relativePath, file.size, file.mtime)) }
            } else {
                // A new page is not hashed here: fetch hashes the bytes it reads, and the manifest keeps that
                // (hashing every page twice cost as much as a sixth of the parse).
                sha256 = PagePlan.hashedByFetch
                change = .new
            }
            var plan = PagePlan(location: location, file: file, sha256: sha256, change: change, previous: known)
            (plan.start, plan.reason) = decide(change: change, known: known)
            plans.append(plan)
        }
        return (plans, touched)
    }

    /// The first stage to redo and why; (nil, nil) when everything stored still holds.
    func decide(change: PagePlan.Change, known: ManifestPage?) -> (StageName?, PagePlan.Reason?) {
        switch change {
        case .new: return (.fetch, .new)
        case .changed: return (.fetch, .changed)
        case .unchanged: break
        }
        guard let known else { return (.fetch, .new) }
        if known.failure?.kind.isTransient == true { return (.fetch, .retry) }
        for stage in StageName.allCases {
            if let forcedStage, stage >= forcedStage { return (stage, .forced) }
            guard let record = known.stages[stage] else { return (stage, .unrecorded) }
            if record.fingerprint != pipeline.stageFingerprint(stage) { return (stage, .fingerprint) }
            // A failure made with the same settings from the same bytes would happen again: keep it.
            if record.status == .failed { return (nil, nil) }
        }
        if !known.hasContribution { return (.aggregate, .unrecorded) }
        return (nil, nil)
    }
}
