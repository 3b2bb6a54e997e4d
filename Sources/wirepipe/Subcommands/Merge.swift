import ArgumentParser
import Foundation
import WirePipe

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the statistics of separate runs into one stats.json, as if one run had seen all their pages.",
        discussion: """
            Each STATS is a stats.json, a shard's stats.part-I-of-N.json (from `run --shard I/N`), or an output \
            folder (its stats.json, or when it has none, every stats.part-*.json in it). The inputs must come \
            from disjoint sets of pages and the same syndication settings; clusters are found again over all \
            articles, so copies split across the runs are clustered together. Partial statistics are merged \
            only as a complete set of one split: a shard given twice, different N, different input lists or \
            missing shards (named) are refused with exit code 2; partial and plain statistics are not mixed.
            """)

    @OptionGroup var options: ConfigOptions

    @Argument(help: "Statistics files (stats.json, stats.part-I-of-N.json) or output folders.")
    var statistics: [String]

    @Option(help: "Folder to write the merged stats.json into.")
    var output: String

    func validate() throws {
        if statistics.isEmpty { throw ValidationError("give at least one statistics file") }
    }

    /// One statistics file given to the merge, plain or a shard's.
    enum Input {
        case plain(String, CorpusStatistics)
        case partial(String, PartialStatistics)
    }

    func run() throws {
        let (configuration, _) = try options.load()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var inputs: [Input] = []
        for path in statistics {
            inputs += try read(resolve(path, against: cwd), as: path)
        }
        let partials = inputs.compactMap { input -> (path: String, partial: PartialStatistics)? in
            if case .partial(let path, let partial) = input { return (path, partial) }
            return nil
        }
        var parts: [(String, CorpusStatistics)] = []
        if partials.isEmpty {
            parts = inputs.compactMap { input in
                if case .plain(let path, let stats) = input { return (path, stats) }
                return nil
            }
        } else {
            if partials.count != inputs.count {
                printError("cannot merge shards' partial statistics with plain stats.json files: give every stats.part-I-of-N.json of one split, or stats.json files")
                throw ExitStatus.usage
            }
            if let problem = PartialStatistics.problem(with: partials) {
                printError("cannot merge: \(problem)")
                throw ExitStatus.usage
            }
            parts = partials.sorted { $0.partial.shard.index < $1.partial.shard.index }.map { ($0.path, $0.partial.statistics) }
        }
        var merged = CorpusStatistics()
        for (path, part) in parts {
            if let conflict = merged.mergeConflict(with: part) {
                printError("cannot merge \(path): \(conflict)")
                throw ExitStatus.fatal
            }
            merged.merge(part)
        }
        let folder = resolve(output, against: cwd)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try StatisticsFile.write(merged, settings: configuration.aggregate, to: OutputLayout(root: folder).statistics)
        } catch {
            printError("cannot write \(OutputLayout(root: folder).statistics.path): \(error.localizedDescription)")
            throw ExitStatus.fatal
        }
        let what = partials.isEmpty ? "\(parts.count) statistics" : "\(parts.count) shards"
        print("merged \(what): \(merged.pagesSeen) pages, \(merged.articlesOK) articles, \(merged.clusters.count) clusters → \(OutputLayout(root: folder).statistics.path)")
    }

    /// A file is read as partial statistics when it holds a `shard` header; a folder stands for its
    /// stats.json or, when it has none, for the partial statistics files in it.
    private func read(_ url: URL, as path: String) throws -> [Input] {
        var isFolder: ObjCBool = false
        var files = [url]
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            let layout = OutputLayout(root: url)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            let partialNames = names.filter(PartialStatistics.isPartialFileName).sorted()
            files = FileManager.default.fileExists(atPath: layout.statistics.path) || partialNames.isEmpty
                ? [layout.statistics] : partialNames.map { url.appendingPathComponent($0) }
        }
        return try files.map { file -> Input in
            let shown = files.count == 1 && file == url ? path : file.path
            guard let data = FileManager.default.contents(atPath: file.path) else {
                printError("\(StatisticsFile.ReadError.missing(file.path))")
                throw ExitStatus.fatal
            }
            do {
                if PartialStatistics.isPartial(data) {
                    return .partial(shown, try PartialStatistics.decode(data, path: file.path))
                }
                return .plain(shown, try StatisticsFile.read(file))
            } catch {
                printError("\(error)")
                throw ExitStatus.fatal
            }
        }
    }
}
