import ArgumentParser
import Foundation
import WirePipe

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show the corpus statistics of the last run as readable tables.",
        discussion: """
            Without filters, reads stats.json. With --site, --since or --until, recomputes the statistics from \
            the article documents in the output folder (articles/), since stats.json keeps counters only; pages \
            that failed have no article and are then not counted.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "Output folder of the run (default: `output` in pipeline.json).")
    var output: String?

    @Option(help: "Rows per ranking (default: aggregate.table_rows).")
    var top: Int?

    @Option(help: "Only this site (repeat for several); compared without regard to case.")
    var site: [String] = []

    @Option(help: "Only articles published on or after this day (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only articles published on or before this day (YYYY-MM-DD).")
    var until: String?

    @Flag(help: "Print the statistics as stats.json would hold them.")
    var json = false

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        for (name, day) in [("--since", since), ("--until", until)] {
            if let day, !ArticleFilter.isDay(day) { throw ValidationError("\(name) takes a day as YYYY-MM-DD, got '\(day)'") }
        }
        if let since, let until, since > until { throw ValidationError("--since \(since) is after --until \(until)") }
    }

    func run() throws {
        let (configuration, base) = try options.load()
        var settings = configuration.aggregate
        if let top { settings.tableRows = top }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = output.map { resolve($0, against: cwd) } ?? resolve(configuration.output, against: base)
        let layout = OutputLayout(root: folder)
        let filter = ArticleFilter(sites: site, since: since, until: until)

        let stats: CorpusStatistics
        if filter.isEmpty {
            if json {
                // The file as it is: exactly what the run or merge wrote.
                guard let data = FileManager.default.contents(atPath: layout.statistics.path) else {
                    printError("no statistics at \(layout.statistics.path); run `wirepipe run` first")
                    throw ExitStatus.fatal
                }
                FileHandle.standardOutput.write(data)
                print()
                return
            }
            do {
                stats = try StatisticsFile.read(layout.statistics)
            } catch {
                printError("\(error); run `wirepipe run` first")
                throw ExitStatus.fatal
            }
        } else {
            guard FileManager.default.fileExists(atPath: layout.articles.path) else {
                printError("no articles in \(layout.articles.path); filters need the articles of a run")
                throw ExitStatus.fatal
            }
            do {
                stats = try filter.statistics(articlesIn: layout.articles, settings: configuration.aggregate)
            } catch {
                printError("cannot read the articles in \(layout.articles.path): \(error)")
                throw ExitStatus.fatal
            }
        }
        if json {
            FileHandle.standardOutput.write(try StatisticsFile.encode(stats, settings: configuration.aggregate))
            print()
        } else {
            print(Summary.statistics(stats, settings: settings))
        }
    }
}
