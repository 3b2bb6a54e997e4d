import ArgumentParser
import Foundation
import WirePipe

@main
struct WirePipeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wirepipe",
        abstract: "Turns a folder of saved news and wire-story pages into clean, analysed articles and corpus statistics.",
        discussion: """
            Exit codes: 0 success; 1 fatal error (bad configuration, missing input, unwritable output); \
            2 the run finished but some pages failed (see run-report.json); 64 usage error.
            """,
        subcommands: [Run.self, Extract.self, Stats.self, Merge.self, Report.self],
        defaultSubcommand: Run.self)
}

/// Exit codes shared by the subcommands.
enum ExitStatus {
    static let fatal = ExitCode(1)
    static let pageFailures = ExitCode(2)
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
            throw ExitStatus.fatal
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data(("wirepipe: " + message + "\n").utf8))
}

func resolve(_ path: String, against base: URL) -> URL {
    URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
}
