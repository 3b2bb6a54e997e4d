import Foundation

/// Where everything lives under the output folder:
/// - `articles/<id>.json`: one article document per page;
/// - `stats.json`: corpus statistics; `run-report.json`: what the last run did;
/// - `stages/<stage>/<id>.json`: stored stage outputs that a single-stage rerun starts from;
/// - `manifest.sqlite`: what each stored output was made from (see `Manifest`);
/// - `runs/<time>-<pid>.json`: the reports of the last runs; `wirepipe.lock`: held while a run writes;
/// - `fetched/`: pages read from WARC files and URL lists (only when such inputs are given).
public struct OutputLayout: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    public var articles: URL { root.appendingPathComponent("articles") }
    public var statistics: URL { root.appendingPathComponent("stats.json") }
    public var runReport: URL { root.appendingPathComponent("run-report.json") }
    public var manifest: URL { root.appendingPathComponent(Manifest.fileName) }
    public var runs: URL { root.appendingPathComponent("runs") }
    public func stageFolder(_ stage: StageName) -> URL { root.appendingPathComponent("stages").appendingPathComponent(stage.rawValue) }

    /// Pages read from WARC files and fetched from URLs, one file each (`fetched/<id>.html`), and what is
    /// known of each such input (`fetched/inputs/`), so reruns neither read an unchanged WARC nor fetch twice.
    public var fetched: URL { root.appendingPathComponent("fetched") }
    public func fetchedPage(_ id: String) -> URL { fetched.appendingPathComponent(id + ".html") }
    public var inputIndexes: URL { fetched.appendingPathComponent("inputs") }

    public func article(_ id: String) -> URL { articles.appendingPathComponent(id + ".json") }
    public func stageOutput(_ stage: StageName, _ id: String) -> URL { stageFolder(stage).appendingPathComponent(id + ".json") }

    /// The stages whose outputs are stored for reruns.
    public static let storedStages: [StageName] = [.strip, .normalise]

    public func createFolders() throws {
        for folder in [articles, runs] + Self.storedStages.map(stageFolder) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            AtomicWriter.removeLeftovers(in: folder)
        }
        AtomicWriter.removeLeftovers(in: root)
        // Created only by WARC and URL inputs; a missing folder holds no leftovers.
        AtomicWriter.removeLeftovers(in: fetched)
        AtomicWriter.removeLeftovers(in: inputIndexes)
    }

    /// Ids of the JSON files in a folder, sorted.
    public func ids(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }
}
