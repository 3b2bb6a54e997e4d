import ArgumentParser
import Dispatch
import Foundation
import Logging
import Synchronization
import WirePipe

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline over the input folder, doing only the work that changed pages and settings need.",
        discussion: """
            What each page needs is decided from the manifest (<output>/manifest.sqlite): unchanged pages cost \
            a stat, new and changed pages go through every stage, a changed setting or stage version redoes \
            that stage and the later ones. SIGINT or SIGTERM stops after the pages in hand (a second one \
            stops at once; nothing is lost either way). Exit codes: 0 success; 1 more than \
            run.max_failure_ratio of the pages failed; 2 usage or configuration error; 3 fatal; 130 stopped.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp(
        "A folder of saved pages, a .warc/.warc.gz file or a .txt file of URLs (overrides `input` in pipeline.json).",
        discussion: "Repeat for several inputs."))
    var input: [String] = []

    @Option(help: "Output folder (overrides `output` in pipeline.json).")
    var output: String?

    @Option(help: "Pages processed at once (default: one per core).")
    var jobs: Int?

    @Option(help: "Redo this stage and every later one for every page: \(StageName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var stage: String?

    @Flag(help: "Redo every stage for every page.")
    var force = false

    @Flag(help: "Print per stage how many pages would be processed and why; change nothing.")
    var dryRun = false

    @Flag(help: "Print only errors: no progress, no summary.")
    var quiet = false

    @Option(help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Option(help: ArgumentHelp(
        "Process only shard I of N (I counted from 0: 0/3, 1/3, 2/3), chosen by a stable hash of each page id; write stats.part-I-of-N.json for `wirepipe merge`.",
        valueName: "I/N"))
    var shard: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let stage, StageName(rawValue: stage) == nil {
            throw ValidationError("unknown stage '\(stage)'; choose one of \(StageName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if stage != nil, force { throw ValidationError("--stage and --force cannot be combined: --force already redoes every stage") }
        if let shard {
            do throws(Shard.ParseError) {
                _ = try Shard(parsing: shard)
            } catch {
                throw ValidationError(error.description)
            }
        }
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("unknown log level '\(logLevel)'; choose one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        var (configuration, base) = try options.load()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let jobs { configuration.jobs = jobs }
        let inputs = input.isEmpty ? configuration.inputs.map { resolve($0, against: base) } : input.map { resolve($0, against: cwd) }
        let outputRoot = output.map { resolve($0, against: cwd) } ?? resolve(configuration.output, against: base)
        let forced = force ? StageName.fetch : stage.flatMap(StageName.init(rawValue:))

        let level = quiet ? Logger.Level.error : Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "wirepipe")
        let share = try shard.map { text in try Shard(parsing: text) }
        let runner = PipelineRunner(configuration: configuration, inputs: inputs, outputRoot: outputRoot, shard: share, logger: logger)

        if dryRun {
            let plan: DryRun
            do throws(PipelineRunner.RunError) {
                if let share, forced == nil, try runner.shardIsDone() {
                    print("dry run: shard \(share) is done for this input (\(PartialStatistics.fileName(for: share)) exists); a run would skip it")
                    return
                }
                plan = try runner.dryRun(forcing: forced)
            } catch {
                throw fail(error)
            }
            print(Summary.dryRun(plan))
            return
        }

        let stop = StopFlag()
        let signals = StopSignals.install(stop, logger: logger)
        // Over a file-size limit (ulimit -f) a write must fail with EFBIG, like a full disk, and be reported;
        // SIGXFSZ would kill the run without a word.
        signal(SIGXFSZ, SIG_IGN)
        let progress = quiet ? nil : Progress.make(interval: configuration.run.progressInterval, logger: logger)
        let report: RunReport
        do throws(PipelineRunner.RunError) {
            report = try runner.run(forcing: forced, stop: stop, progress: progress)
        } catch {
            throw fail(error)
        }
        withExtendedLifetime(signals) {}
        if report.skipped == true, let share {
            // Already done for this input (a rerun, or a retried task): nothing was changed. The exit code
            // is still the shard's (from its partial statistics), so a retry cannot hide too many failures.
            if !quiet {
                printError("shard \(share) is already done for this input (\(PartialStatistics.fileName(for: share)) exists); skipped. Use --force to redo it.")
            }
        } else if !quiet {
            Progress.finish()
            print(Summary.run(report))
        }
        if report.interrupted { throw ExitStatus.interrupted }
        let ratio = report.pages.seen == 0 ? 0 : Double(report.pages.failed) / Double(report.pages.seen)
        if report.pages.failed > 0 {
            for failure in report.failures.prefix(10) {
                printError("\(failure.path): \(failure.stage.rawValue): \(failure.kind.rawValue): \(failure.message)")
            }
            if report.failures.count > 10 { printError("… and \(report.failures.count - 10) more in run-report.json") }
        }
        if ratio > configuration.run.maxFailureRatio {
            printError(String(format: "%d of %d pages failed (%.1f%%, more than run.max_failure_ratio %.1f%%)",
                              report.pages.failed, report.pages.seen, ratio * 100, configuration.run.maxFailureRatio * 100))
            throw ExitStatus.pageFailures
        }
    }

    /// Prints a run error and gives its exit code: a wrong input path or a rerun with nothing stored is the
    /// caller's to fix (2); the rest is fatal (3).
    private func fail(_ error: PipelineRunner.RunError) -> ExitCode {
        printError("\(error)")
        switch error {
        case .input, .nothingStored: return ExitStatus.usage
        case .output, .locked: return ExitStatus.fatal
        }
    }
}

/// SIGINT and SIGTERM set the stop flag (workers finish the page in hand); a second signal exits at once,
/// which is safe because every output is written atomically and the manifest lags the outputs.
enum StopSignals {
    static func install(_ stop: StopFlag, logger: Logger) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.isStopped { _exit(ExitStatus.interrupted.rawValue) }
                stop.stop()
                logger.notice("stopping after the pages in hand (signal again to stop at once)")
            }
            source.resume()
            return source
        }
    }
}

/// Progress on stderr: a live bar with pages/s and time left on a terminal; a plain log line every
/// `interval` seconds otherwise (cron and systemd logs).
enum Progress {
    static func make(interval: Double, logger: Logger) -> (@Sendable (Int, Int) -> Void)? {
        let terminal = isatty(STDERR_FILENO) == 1
        let start = Date()
        let lastShown = Mutex(Date.distantPast)
        return { done, total in
            let now = Date()
            let show = lastShown.withLock { last -> Bool in
                let every = terminal ? 0.2 : interval
                guard (terminal && done == total) || now.timeIntervalSince(last) >= every else { return false }
                last = now
                return true
            }
            guard show else { return }
            let elapsed = max(now.timeIntervalSince(start), 0.001)
            let rate = Double(done) / elapsed
            let left = rate > 0 ? Double(total - done) / rate : 0
            if terminal {
                let width = 30
                let filled = total == 0 ? width : width * done / total
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                let line = "\r" + bar + String(format: " %d/%d pages  %.0f pages/s  %.0fs left ", done, total, rate, left)
                FileHandle.standardError.write(Data(line.utf8))
            } else {
                logger.info("\(String(format: "progress: %d/%d pages, %.0f pages/s, about %.0fs left", done, total, rate, left))")
            }
        }
    }

    static func finish() {
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
