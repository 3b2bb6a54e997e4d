import ArgumentParser
import Foundation
import WirePipe

struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the last runs (kept under <output>/runs/, run.keep_reports of them), oldest first.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Output folder of the runs (default: `output` in pipeline.json).")
    var output: String?

    func run() throws {
        let (configuration, base) = try options.load()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = output.map { resolve($0, against: cwd) } ?? resolve(configuration.output, against: base)
        let reports = RunHistory(layout: OutputLayout(root: folder)).reports()
        guard !reports.isEmpty else {
            print("no runs recorded in \(folder.path)")
            return
        }
        print(Summary.runs(reports))
    }
}
