import ArgumentParser
import Foundation
import WirePipe

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the corpus statistics of the last run as readable tables.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Output folder of the run (default: `output` in pipeline.json).")
    var output: String?

    @Flag(help: "Print stats.json as it is.")
    var json = false

    func run() throws {
        let (configuration, base) = try options.load()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = output.map { resolve($0, against: cwd) } ?? resolve(configuration.output, against: base)
        let url = OutputLayout(root: folder).statistics
        guard let data = FileManager.default.contents(atPath: url.path) else {
            printError("no statistics at \(url.path); run `wirepipe run` first")
            throw ExitStatus.fatal
        }
        if json {
            FileHandle.standardOutput.write(data)
            print()
            return
        }
        let stats: CorpusStatistics
        do {
            stats = try JSONDecoder().decode(CorpusStatistics.self, from: data)
        } catch {
            printError("\(url.path) is not a statistics file of this version: \(error)")
            throw ExitStatus.fatal
        }
        print(Summary.statistics(stats, settings: configuration.aggregate))
    }
}
