import ArgumentParser
import Foundation
import WirePipe

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the statistics of separate runs into one stats.json, as if one run had seen all their pages.",
        discussion: """
            Each STATS is a stats.json or an output folder holding one. The inputs must come from disjoint sets \
            of pages and the same syndication settings; clusters are found again over all articles, so copies \
            split across the runs are clustered together.
            """)

    @OptionGroup var options: ConfigOptions

    @Argument(help: "Statistics files (stats.json) or output folders.")
    var statistics: [String]

    @Option(help: "Folder to write the merged stats.json into.")
    var output: String

    func validate() throws {
        if statistics.isEmpty { throw ValidationError("give at least one statistics file") }
    }

    func run() throws {
        let (configuration, _) = try options.load()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var merged = CorpusStatistics()
        for path in statistics {
            let part: CorpusStatistics
            do {
                part = try StatisticsFile.read(resolve(path, against: cwd))
            } catch {
                printError("\(error)")
                throw ExitStatus.fatal
            }
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
        print("merged \(statistics.count) statistics: \(merged.pagesSeen) pages, \(merged.articlesOK) articles, \(merged.clusters.count) clusters → \(OutputLayout(root: folder).statistics.path)")
    }
}
