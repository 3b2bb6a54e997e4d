import ArgumentParser
import Foundation
import WirePipe

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print one article JSON per line on stdout for the given pages; no output folder needed.",
        discussion: """
            A page that fails prints {"error": …, "input": …} on its line instead, so there is always one line per page. \
            With `-` the pages come as JSON lines on stdin, each {"path": FILE} or {"url": URL, "html_base64": BYTES} \
            (gzipped bytes are fine), and the articles go out in the same order: the streaming mode for Spark's \
            RDD.pipe and Hadoop Streaming.
            """)

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
        let encoder = SortedJSONEncoder()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if files == ["-"] {
            let failed = streamFromStandardInput(pipeline: pipeline, encoder: encoder)
            if failed > 0 { throw ExitStatus.pageFailures }
            return
        }
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

    /// One input record per stdin line, one output line per record, in order; a bad record never stops the stream.
    private func streamFromStandardInput(pipeline: Pipeline, encoder: SortedJSONEncoder) -> Int {
        struct Record: Decodable {
            var path: String?
            var url: String?
            var html_base64: String?
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var failed = 0
        while let line = readLine(strippingNewline: true) {
            var output: Data
            do {
                let record = try JSONDecoder().decode(Record.self, from: Data(line.utf8))
                let document: ArticleDocument
                if let path = record.path {
                    let url = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
                    document = try pipeline.article(from: PageLocation(root: url.deletingLastPathComponent(), relativePath: url.lastPathComponent))
                } else if let url = record.url, let encoded = record.html_base64 {
                    guard let bytes = Data(base64Encoded: encoded) else { throw StreamError("html_base64 is not valid base64") }
                    let page = try pipeline.fetch.page(from: [UInt8](bytes), id: PageLocation.id(forRelativePath: url), path: url)
                    var article = try pipeline.article(from: page)
                    if article.url == nil { article.url = url }
                    document = article
                } else {
                    throw StreamError("a record needs \"path\", or \"url\" and \"html_base64\"")
                }
                output = try encoder.encode(document)
            } catch {
                failed += 1
                output = (try? encoder.encode(["error": "\(error)", "input": String(line.prefix(300))])) ?? Data("{\"error\":\"unencodable\"}".utf8)
            }
            output.append(0x0A)
            FileHandle.standardOutput.write(output)
        }
        return failed
    }
}

struct StreamError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
