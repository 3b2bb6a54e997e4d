import Foundation

/// Where everything lives under the output folder:
/// - `articles/<id>.json`: one article document per page;
/// - `stats.json`: corpus statistics; `run-report.json`: what the last run did;
/// - `stages.sqlite`: stored stage outputs that a single-stage rerun starts from (see `StageOutputs`);
/// - `manifest.sqlite`: what each stored output was made from (see `Manifest`);
/// - `runs/<time>-<pid>.json`: the reports of the last runs; `wirepipe.lock`: held while a run writes;
/// - `fetched/`: pages read from WARC files and URL lists (only when such inputs are given).
/// A shard (`run --shard I/N`) has its own manifest, stage outputs, lock and run report (`manifest.part-I-of-N.sqlite`,
/// `stages.part-I-of-N.sqlite`,
/// `wirepipe.part-I-of-N.lock`, `run-report.part-I-of-N.json`) and writes `stats.part-I-of-N.json`
/// instead of stats.json, so that shards can share one output folder.
public struct OutputLayout: Sendable {
    public var root: URL
    public var shard: Shard?

    public init(root: URL, shard: Shard? = nil) {
        self.root = root
        self.shard = shard
    }

    public var articles: URL { root.appendingPathComponent("articles") }
    public var statistics: URL { root.appendingPathComponent("stats.json") }
    public var runReport: URL { root.appendingPathComponent(sharded("run-report.json")) }
    public var manifest: URL { root.appendingPathComponent(sharded(Manifest.fileName)) }
    public var stageOutputs: URL { root.appendingPathComponent(sharded(StageOutputs.fileName)) }
    public var lockName: String { sharded(RunLock.fileName) }
    /// `stats.part-I-of-N.json`, for a shard.
    public var partialStatistics: URL? { shard.map { root.appendingPathComponent(PartialStatistics.fileName(for: $0)) } }

    /// `name.ext` → `name.part-I-of-N.ext` for a shard.
    private func sharded(_ name: String) -> String {
        guard let shard, let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot]) + "." + shard.suffix + String(name[dot...])
    }
    public var runs: URL { root.appendingPathComponent("runs") }
    /// Where versions before `StageOutputs` kept one file per page and stage (removed by a run).
    public var legacyStageFolders: URL { root.appendingPathComponent("stages") }

    /// Pages read from WARC files and fetched from URLs, one file each (`fetched/<id>.html`), and what is
    /// known of each such input (`fetched/inputs/`), so reruns neither read an unchanged WARC nor fetch twice.
    public var fetched: URL { root.appendingPathComponent("fetched") }
    public func fetchedPage(_ id: String) -> URL { fetched.appendingPathComponent(id + ".html") }
    public var inputIndexes: URL { fetched.appendingPathComponent("inputs") }

    public func article(_ id: String) -> URL { articles.appendingPathComponent(id + ".json") }

    /// The stages whose outputs are stored for reruns.
    public static let storedStages: [StageName] = [.strip, .normalise]

    /// Creates the folders and removes the temporary files a killed run left. A shard removes only its own
    /// (those of its pages' ids and of its own files): the other shards' may be in use.
    public func createFolders() throws {
        for folder in [articles, runs] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if let shard {
                guard folder != runs else { continue }
                AtomicWriter.removeLeftovers(in: folder) { target in
                    target.hasSuffix(".json") && shard.contains(pageID: String(target.dropLast(5)))
                }
            } else {
                AtomicWriter.removeLeftovers(in: folder)
            }
        }
        if let shard {
            AtomicWriter.removeLeftovers(in: root) { $0.contains("." + shard.suffix + ".") }
        } else {
            AtomicWriter.removeLeftovers(in: root)
        }
        // Created only by WARC and URL inputs; a missing folder holds no leftovers. A shard cannot tell
        // which input indexes are its own, so it leaves those to a run without shards.
        if let shard {
            AtomicWriter.removeLeftovers(in: fetched) { target in
                target.hasSuffix(".html") && shard.contains(pageID: String(target.dropLast(5)))
            }
        } else {
            AtomicWriter.removeLeftovers(in: fetched)
            AtomicWriter.removeLeftovers(in: inputIndexes)
        }
    }

    /// Ids of the JSON files in a folder, sorted.
    public func ids(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }
}
