import ArgumentParser
import Foundation
import WirePipe

@main
struct WirePipeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wirepipe",
        abstract: "Turns a folder of saved news and wire-story pages into clean, analysed articles and corpus statistics.",
        discussion: """
            Exit codes: 0 success; 1 some pages failed (more than run.max_failure_ratio of them; see \
            run-report.json); 2 usage or configuration error (bad flags, bad pipeline.json, missing input \
            folder); 3 fatal (unwritable output, unusable manifest, another run holds the output folder); \
            130 stopped by SIGINT or SIGTERM after the pages in hand (rerun to finish).
            """,
        subcommands: [Run.self, Runs.self, Extract.self, Stats.self, Merge.self, Report.self],
        defaultSubcommand: Run.self)

    /// ArgumentParser exits 64 on a usage error; the documented code for usage errors is 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes shared by the subcommands (documented in `--help` and the README).
enum ExitStatus {
    static let pageFailures = ExitCode(1)
    static let usage = ExitCode(2)
    static let fatal = ExitCode(3)
    static let interrupted = ExitCode(130)
}

/// `--config`, shared by the subcommands that read pipeline.json.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The pipeline configuration (default: ./pipeline.json when present, else built-in defaults).")
    var config: String?

    /// The configuration, and the folder its relative paths are resolved against.
    func load() throws -> (PipelineConfiguration, URL) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let path = config ?? (FileManager.default.fileExists(atPath: "pipeline.json") ? "pipeline.json" : nil)
        guard let path else { return (PipelineConfiguration(), cwd) }
        let url = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
        do {
            return (try PipelineConfiguration.load(from: url), url.deletingLastPathComponent())
        } catch {
            printError("\(error)")
            throw ExitStatus.usage
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data(("wirepipe: " + message + "\n").utf8))
}

func resolve(_ path: String, against base: URL) -> URL {
    URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
}
