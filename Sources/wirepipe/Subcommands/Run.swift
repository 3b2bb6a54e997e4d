import ArgumentParser
import Foundation
import Synchronization
import WirePipe

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the pipeline over the input folder and write articles, stats.json and run-report.json.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Folder of saved pages (overrides `input` in pipeline.json).")
    var input: String?

    @Option(help: "Output folder (overrides `output` in pipeline.json).")
    var output: String?

    @Option(help: "Pages processed at once (default: one per core).")
    var jobs: Int?

    @Option(help: "Rerun from this stage's stored input, and every stage after it: \(StageName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var stage: String?

    @Flag(help: "Print only errors.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let stage, StageName(rawValue: stage) == nil {
            throw ValidationError("unknown stage '\(stage)'; choose one of \(StageName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        var (configuration, base) = try options.load()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let jobs { configuration.jobs = jobs }
        let inputRoot = input.map { resolve($0, against: cwd) } ?? resolve(configuration.input, against: base)
        let outputRoot = output.map { resolve($0, against: cwd) } ?? resolve(configuration.output, against: base)
        let startStage = stage.flatMap(StageName.init(rawValue:)) ?? .fetch

        let runner = PipelineRunner(configuration: configuration, inputRoot: inputRoot, outputRoot: outputRoot)
        let progress = quiet ? nil : ProgressLine.make()
        let report: RunReport
        do {
            report = try runner.run(from: startStage, progress: progress)
        } catch {
            printError("\(error)")
            throw ExitStatus.fatal
        }
        if !quiet {
            ProgressLine.finish()
            print(Summary.run(report))
        }
        if report.pages.failed > 0 {
            for failure in report.failures.prefix(10) {
                printError("\(failure.path): \(failure.stage.rawValue): \(failure.kind.rawValue): \(failure.message)")
            }
            throw ExitStatus.pageFailures
        }
    }
}

/// A progress line on stderr when it is a terminal; nothing otherwise (logs stay clean).
enum ProgressLine {
    static func make() -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let start = Date()
        let lastShown = Mutex(Date.distantPast)
        return { done, total in
            let now = Date()
            let show = lastShown.withLock { last -> Bool in
                guard done == total || now.timeIntervalSince(last) > 0.2 else { return false }
                last = now
                return true
            }
            guard show else { return }
            let elapsed = max(now.timeIntervalSince(start), 0.001)
            let rate = Double(done) / elapsed
            let left = rate > 0 ? Double(total - done) / rate : 0
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let line = "\r" + bar + String(format: " %d/%d pages  %.0f pages/s  %.0fs left ", done, total, rate, left)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    static func finish() {
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
