import ArgumentParser
import Foundation
import WirePipe

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one article JSON per line on stdout for the given pages; no output folder needed.",
        discussion: "A page that fails prints {\"error\": …, \"input\": …} on its line instead, so there is always one line per page.")

    @OptionGroup var options: ConfigOptions

    @Argument(help: "Saved pages (.html, .htm, optionally .gz).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one page") }
    }

    func run() throws {
        let (configuration, _) = try options.load()
        let pipeline = Pipeline(configuration: configuration)
        HTMLDocument.initialiseParser()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var failed = 0
        for file in files {
            // Relative paths stay as given (they become source.path); an absolute path is read from its folder.
            let url = URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL
            let location = file.hasPrefix("/")
                ? PageLocation(root: url.deletingLastPathComponent(), relativePath: url.lastPathComponent)
                : PageLocation(root: cwd, relativePath: file)
            let line: Data
            do {
                line = try encoder.encode(pipeline.article(from: location))
            } catch {
                failed += 1
                let failure = ["error": "\(error)", "input": file]
                line = (try? encoder.encode(failure)) ?? Data()
            }
            FileHandle.standardOutput.write(line + Data("\n".utf8))
        }
        if failed > 0 { throw ExitStatus.pageFailures }
    }
}
