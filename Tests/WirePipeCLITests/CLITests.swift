import Foundation
import Testing
@testable import WirePipe

/// End to end: the `wirepipe` binary that `swift test` builds, run as a user would.
@Suite struct CLITests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        let besideTests = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("wirepipe")
        if let besideTests, FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/wirepipe")
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func wirepipe(_ arguments: [String], in folder: URL? = nil, input: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wirepipe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    var samples: URL { Self.packageRoot.appendingPathComponent("samples") }

    /// `--input` repeated: a folder and a WARC file; a file of another kind is a usage error.
    @Test func runTakesSeveralInputs() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let warc = Self.packageRoot.appendingPathComponent("Tests/WirePipeTests/Fixtures/warc/samples.warc.gz")
        let result = try wirepipe(["run", "--input", samples.path, "--input", warc.path, "--output", out.path], in: out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("warc \(warc.path): 3 pages, 10 records read"), "\(result.stdout)")
        let report = try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: out.appendingPathComponent("run-report.json")))
        #expect(report.inputs?.map(\.kind) == [.folder, .warc])
        #expect(report.pages.seen == (try InputWalker(settings: FetchSettings()).pages(under: samples)).count + 3)

        let wrongKind = try wirepipe(["run", "--input", Self.packageRoot.appendingPathComponent("README.md").path, "--output", out.path], in: out)
        #expect(wrongKind.status == 2)
        #expect(wrongKind.stderr.contains("neither a folder"), "\(wrongKind.stderr)")
    }

    @Test func runOverTheSamplesWritesOneArticlePerPage() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try wirepipe(["run", "--config", Self.packageRoot.appendingPathComponent("pipeline.json").path, "--output", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try InputWalker(settings: FetchSettings()).pages(under: samples)
        let articles = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("articles").path).filter { $0.hasSuffix(".json") }
        #expect(articles.count == pages.count)
        #expect(pages.count >= 2)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("stats.json").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("run-report.json").path))
        #expect(result.stdout.contains("\(pages.count) pages: \(pages.count) ok"))

        let stats = try wirepipe(["stats", "--output", out.path])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("World News Desk"))
        #expect(stats.stdout.contains("Reuters"))
        #expect(stats.stdout.contains("Length (words)"))
        let json = try wirepipe(["stats", "--output", out.path, "--json"])
        let decoded = try JSONDecoder().decode(CorpusStatistics.self, from: Data(json.stdout.utf8))
        #expect(decoded.articlesOK == pages.count)

        let rerun = try wirepipe(["run", "--input", samples.path, "--output", out.path, "--stage", "analyse"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("stages run: analyse → aggregate   html parsed: 0"), "\(rerun.stdout)")
        let report = try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: out.appendingPathComponent("run-report.json")))
        #expect(report.htmlParsed == 0 && report.startStage == .analyse)
    }

    @Test func extractPrintsOneJSONLinePerPage() throws {
        let files = ["wordpress-repost.html", "aggregator-copy-cp1252.html"].map { samples.appendingPathComponent($0).path }
        let result = try wirepipe(["extract"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let articles = try lines.map { try JSONDecoder().decode(ArticleDocument.self, from: Data($0.utf8)) }
        #expect(articles.allSatisfy { $0.title == "Exclusive: US, Ukraine discuss danger of escalation as new weapons extend kyiv\u{2019}s reach" })
        #expect(articles[1].authors == ["Phil Stewart", "Idrees Ali"])
        #expect(articles[1].text.contains("\u{201C}So far we\u{2019}ve been on the same page"))
    }

    @Test func extractGivesAnErrorLineForABadPageAndGoesOn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("empty.html"))
        let result = try wirepipe(["extract", folder.appendingPathComponent("empty.html").path, samples.appendingPathComponent("wordpress-repost.html").path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].contains("\"error\"") && lines[0].contains("empty"))
        #expect(lines[1].contains("\"title\""))
    }

    @Test func extractStreamsJSONLinesFromStandardInputInOrder() throws {
        let page = try Data(contentsOf: samples.appendingPathComponent("aggregator-copy-cp1252.html")).base64EncodedString()
        let input = [
            #"{"path": "\#(samples.appendingPathComponent("wordpress-repost.html").path)"}"#,
            "this is not json",
            #"{"url": "https://news.example/story", "html_base64": "\#(page)"}"#,
            #"{"url": "https://news.example/nothing"}"#,
        ].joined(separator: "\n") + "\n"
        let result = try wirepipe(["extract", "-"], input: input)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(result.status == 1)
        let first = try JSONDecoder().decode(ArticleDocument.self, from: Data(lines[0].utf8))
        #expect(first.siteName == "World News Desk")
        #expect(lines[1].hasPrefix(#"{"error""#) && lines[1].contains("this is not json"))
        let third = try JSONDecoder().decode(ArticleDocument.self, from: Data(lines[2].utf8))
        #expect(third.source.path == "https://news.example/story" && third.source.encoding == "windows-1252")
        #expect(third.authors == ["Phil Stewart", "Idrees Ali"])
        #expect(lines[3].contains("html_base64"))
    }

    @Test func badConfigurationIsRejectedWithTheKey() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"strip": {"max_link_densty": 0.3}}"#.utf8).write(to: folder.appendingPathComponent("pipeline.json"))
        let result = try wirepipe(["run"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("strip.max_link_densty"))
    }

    @Test func usageErrorsHaveTheirOwnExitCode() throws {
        let result = try wirepipe(["run", "--stage", "polish"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown stage 'polish'"))
        let combined = try wirepipe(["run", "--stage", "analyse", "--force"])
        #expect(combined.status == 2 && combined.stderr.contains("cannot be combined"))
        let unknownFlag = try wirepipe(["run", "--no-such-flag"])
        #expect(unknownFlag.status == 2)
        let missing = try wirepipe(["run", "--input", "/nonexistent/folder", "--output", FileManager.default.temporaryDirectory.appendingPathComponent("wp-none-\(UUID().uuidString)").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("does not exist"))
    }

    @Test func failingPagesGiveExitCodeOneAndTheRestIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: samples.appendingPathComponent("wordpress-repost.html"), to: input.appendingPathComponent("good.html"))
        try Data([0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 1, 2]).write(to: input.appendingPathComponent("bad.html"))
        let result = try wirepipe(["run", "--input", input.path, "--output", folder.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.html"))
        let articles = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out/articles").path)
        #expect(articles.count == 1)
    }

    @Test func aFailureRatioWithinTheLimitExitsZero() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: samples.appendingPathComponent("wordpress-repost.html"), to: input.appendingPathComponent("good.html"))
        try Data().write(to: input.appendingPathComponent("bad.html"))
        try Data(#"{"run": {"max_failure_ratio": 0.5}}"#.utf8).write(to: folder.appendingPathComponent("pipeline.json"))
        let result = try wirepipe(["run", "--input", input.path, "--output", folder.appendingPathComponent("out").path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("bad.html"))
    }

    @Test func helpDocumentsTheExitCodes() throws {
        let help = try wirepipe(["--help"])
        #expect(help.status == 0)
        for code in ["0 success", "1 some pages failed", "2 usage or configuration error", "3 fatal"] {
            #expect(help.stdout.contains(code), "\(code)")
        }
    }

    @Test func runsListsTheKeptReportsAndADryRunChangesNothing() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let pages = try InputWalker(settings: FetchSettings()).pages(under: samples).count
        #expect(try wirepipe(["run", "--input", samples.path, "--output", out.path]).status == 0)
        let dry = try wirepipe(["run", "--input", samples.path, "--output", out.path, "--dry-run", "--stage", "analyse"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("\(pages) unchanged"))
        #expect(dry.stdout.contains("\(pages) to process") && dry.stdout.contains("\(pages) forced"))
        let second = try wirepipe(["run", "--input", samples.path, "--output", out.path, "--quiet"])
        #expect(second.status == 0 && second.stdout.isEmpty)
        let report = try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: out.appendingPathComponent("run-report.json")))
        // The dry run forced analyse without doing it: the real run after it had nothing to do.
        #expect(report.htmlParsed == 0 && report.pages.processed == 0 && report.pages.unchanged == pages)

        let runs = try wirepipe(["runs", "--output", out.path])
        #expect(runs.status == 0)
        let lines = runs.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(runs.stdout)")
        #expect(lines.first?.contains("pages/s") == true)
    }

    @Test func aSecondRunOnTheSameOutputIsRefused() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let held = try RunLock(folder: out)
        let refused = try wirepipe(["run", "--input", samples.path, "--output", out.path])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("another wirepipe run (pid \(getpid())) is writing to \(out.path)"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("articles").path))
        withExtendedLifetime(held) {}
    }

    /// A bigger input: the samples copied into many sub-folders, so a run lasts long enough to be killed.
    func manyPages(in folder: URL, copies: Int) throws -> URL {
        let input = folder.appendingPathComponent("many")
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { !$0.hasSuffix(".md") }
        for copy in 0..<copies {
            let sub = input.appendingPathComponent(String(format: "batch-%03d", copy))
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            for name in names {
                try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: sub.appendingPathComponent(name))
            }
        }
        return input
    }

    func outputs(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let articles = folder.appendingPathComponent("articles")
        for name in try FileManager.default.contentsOfDirectory(atPath: articles.path) {
            files["articles/" + name] = try Data(contentsOf: articles.appendingPathComponent(name))
        }
        files["stats.json"] = try Data(contentsOf: folder.appendingPathComponent("stats.json"))
        return files
    }

    /// Starts a run and sends `signal` once `articles` articles are written; returns the process, ended.
    func interrupt(input: URL, output: URL, after articles: Int, with signal: Int32) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["run", "--input", input.path, "--output", output.path, "--quiet", "--jobs", "2"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let folder = output.appendingPathComponent("articles").path
        while process.isRunning {
            let written = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).count { $0.hasSuffix(".json") }
            if written >= articles || (articles == 0 && FileManager.default.fileExists(atPath: output.appendingPathComponent("wirepipe.lock").path)) {
                kill(process.processIdentifier, signal)
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        return process
    }

    @Test func aRunKilledAtSeveralPointsThenRerunGivesTheOutputsOfACleanRun() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try manyPages(in: folder, copies: 30)
        let clean = folder.appendingPathComponent("clean")
        #expect(try wirepipe(["run", "--input", input.path, "--output", clean.path, "--quiet"]).status == 0)
        let expected = try outputs(clean)
        #expect(expected.count == 30 * 6 + 1)

        for point in [0, 25, 120] {
            let out = folder.appendingPathComponent("killed-\(point)")
            let killed = try interrupt(input: input, output: out, after: point, with: SIGKILL)
            // The kill landed while the run was working (not after it had finished).
            #expect(killed.terminationReason == .uncaughtSignal && killed.terminationStatus == SIGKILL, "kill point \(point)")
            let rerun = try wirepipe(["run", "--input", input.path, "--output", out.path, "--quiet"])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try outputs(out) == expected, "kill point \(point)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("articles").path).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func sigintStopsAfterThePagesInHandAndTheNextRunFinishes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try manyPages(in: folder, copies: 30)
        let clean = folder.appendingPathComponent("clean")
        #expect(try wirepipe(["run", "--input", input.path, "--output", clean.path, "--quiet"]).status == 0)
        let out = folder.appendingPathComponent("stopped")
        let stopped = try interrupt(input: input, output: out, after: 10, with: SIGINT)
        #expect(stopped.terminationReason == .exit && stopped.terminationStatus == 130)
        let report = try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: out.appendingPathComponent("run-report.json")))
        #expect(report.interrupted && report.pages.processed < 30 * 6)
        #expect(try wirepipe(["run", "--input", input.path, "--output", out.path, "--quiet"]).status == 0)
        #expect(try outputs(out) == outputs(clean))
    }
}
