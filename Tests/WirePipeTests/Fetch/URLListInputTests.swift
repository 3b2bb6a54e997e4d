import Foundation
import Testing
@testable import WirePipe

/// A local web site (scripts/test-http-server.py, Python's standard library, on 127.0.0.1).
final class TestSite {
    let process = Process()
    let port: Int

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/test-http-server.py")

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    init(slow: Double = 3) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.script.path, "--slow", "\(slow)", "--lifetime", "120"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    struct Request: Decodable {
        var path: String
        var time: Double
        var user_agent: String?
        var if_none_match: String?
        var if_modified_since: String?
    }

    func log() throws -> [Request] {
        try JSONDecoder().decode([Request].self, from: Data(contentsOf: URL(string: url("/__log"))!))
    }
}

@Suite(.serialized, .enabled(if: TestSite.available)) struct URLListInputTests {
    @Test func robotsRulesTakeTheLongestMatch() {
        let text = """
            User-agent: otherbot
            Disallow: /

            User-agent: *
            Disallow: /private/
            Allow: /private/open
            Disallow: /*.pdf$
            """
        let rules = RobotsRules(parsing: text, agent: "wirepipe")
        #expect(rules.allows("/news/story.html"))
        #expect(!rules.allows("/private/x.html"))
        #expect(rules.allows("/private/open/x.html"))
        #expect(!rules.allows("/files/report.pdf"))
        #expect(rules.allows("/files/report.pdf?download=1"))
        let own = RobotsRules(parsing: "User-agent: *\nDisallow: /\n\nUser-agent: wirepipe\nDisallow: /drafts\n", agent: "wirepipe")
        #expect(own.allows("/news"))
        #expect(!own.allows("/drafts/1"))
    }

    @Test func fetchesPolitelyAndAsksConditionallyOnTheNextRun() throws {
        let site = try TestSite(slow: 3)
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["/page-a.html", "/page-b.html", "/moved", "/flaky.html", "/missing.html", "/slow.html", "/private/secret.html",
                     "/image.png", "/loop"]
        let list = folder.appendingPathComponent("stories.txt")
        try ("# tonight's stories\n\n" + paths.map(site.url).joined(separator: "\n") + "\n").write(to: list, atomically: true, encoding: .utf8)
        var configuration = PipelineConfiguration()
        configuration.jobs = 2
        configuration.fetch.http.delaySeconds = 0.15
        configuration.fetch.http.timeoutSeconds = 1
        configuration.fetch.http.retries = 1
        configuration.fetch.http.retryBackoffSeconds = 0.1
        configuration.fetch.http.maxRedirects = 3
        let output = folder.appendingPathComponent("out")
        let runner = PipelineRunner(configuration: configuration, inputs: [list], outputRoot: output)

        let first = try runner.run()
        #expect(first.pages.seen == 9)
        #expect(first.pages.ok == 4)
        let kinds = Dictionary(uniqueKeysWithValues: first.failures.map { ($0.path.replacingOccurrences(of: site.url(""), with: ""), $0.kind) })
        #expect(kinds == ["/missing.html": .httpStatus, "/slow.html": .unreachable, "/private/secret.html": .robotsDisallowed,
                          "/image.png": .notHTML, "/loop": .unreachable])
        let summary = try #require(first.inputs?.first)
        #expect(summary.downloaded == 4)
        #expect(summary.failed == 5)
        let layout = OutputLayout(root: output)
        let articles = try layout.ids(in: layout.articles).map {
            try JSONDecoder().decode(ArticleDocument.self, from: Data(contentsOf: layout.article($0)))
        }
        #expect(Set(articles.compactMap(\.source.url)) == Set(["/page-a.html", "/page-b.html", "/target.html", "/flaky.html"].map(site.url)))
        #expect(articles.first { $0.source.url == site.url("/target.html") }?.title == "Sea wall repairs")

        let log = try site.log()
        #expect(log.allSatisfy { $0.path == "/__log" || $0.user_agent?.hasPrefix("wirepipe/") == true })
        #expect(!log.contains { $0.path.hasPrefix("/private/") })
        #expect(log.count { $0.path == "/flaky.html" } == 2)  // a 500, then the page
        #expect(log.count { $0.path == "/slow.html" } == 2)  // a timeout, one retry
        #expect(log.count { $0.path == "/robots.txt" } == 1)
        // One host: one request at a time, each about the delay (0.15 s) after the one before (measured on
        // arrival, so a little loopback jitter is allowed for).
        let pageRequests = log.filter { $0.path != "/robots.txt" && $0.path != "/__log" }
        let gaps = zip(pageRequests.dropFirst(), pageRequests).map { $0.time - $1.time }
        #expect(gaps.allSatisfy { $0 >= 0.1 }, "gaps between requests: \(gaps)")

        let second = try runner.run()
        let again = try #require(second.inputs?.first)
        #expect(again.notModified == 4)
        #expect(again.downloaded == 0)
        #expect(second.htmlParsed == 0)
        #expect(second.pages.processed == 0)
        #expect(second.pages.ok == 4)
        let revalidated = try site.log().dropFirst(log.count)
        #expect(revalidated.contains { $0.path == "/page-a.html" && $0.if_none_match == "\"a1\"" })
        #expect(revalidated.contains { $0.path == "/page-b.html" && $0.if_modified_since != nil })
    }
}
