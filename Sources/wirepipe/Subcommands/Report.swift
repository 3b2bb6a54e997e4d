import ArgumentParser
import Foundation
import WirePipe

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report (SVG charts, no scripts, no network) of the corpus statistics.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Output folder of the run, or a stats.json (default: `output` in pipeline.json).")
    var output: String?

    @Option(name: .customLong("to"), help: "The HTML file to write (default: report.html beside stats.json).")
    var destination: String?

    @Option(help: "The report's title.")
    var title = "wirepipe corpus report"

    func run() throws {
        let (configuration, base) = try options.load()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let source = output.map { resolve($0, against: cwd) } ?? resolve(configuration.output, against: base)
        let stats: CorpusStatistics
        do {
            stats = try StatisticsFile.read(source)
        } catch {
            printError("\(error); run `wirepipe run` first")
            throw ExitStatus.fatal
        }
        let folder = source.pathExtension == "json" ? source.deletingLastPathComponent() : source
        let target = destination.map { resolve($0, against: cwd) } ?? folder.appendingPathComponent("report.html")
        let html = HTMLReport(stats: stats, settings: configuration.aggregate, title: title).render()
        do {
            try AtomicWriter.write(Data(html.utf8), to: target, durable: false)
        } catch {
            printError("cannot write \(target.path): \(error.localizedDescription)")
            throw ExitStatus.fatal
        }
        print(target.path)
    }
}
