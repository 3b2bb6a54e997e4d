import Foundation
import Testing
@testable import WirePipe

/// A corpus of hostile pages: the run completes and every page gets its documented outcome.
@Suite struct HostilePagesTests {
    enum Outcome: Equatable {
        case failed(PageError.Kind)
        case article(status: ArticleDocument.Status, flag: String?)
    }

    /// name → (bytes, documented outcome)
    /// A local file an XXE attempt points at: its text must never appear in an article.
    static let secret = "secret-\(UUID().uuidString)"
    static let secretFile = FileManager.default.temporaryDirectory.appendingPathComponent("wirepipe-xxe-\(UUID().uuidString).txt")

    static func corpus() -> [(String, [UInt8], Outcome)] {
        var pages: [(String, [UInt8], Outcome)] = []
        let sentence = "The council voted on Tuesday to approve the budget after a long debate that lasted into the night."
        pages.append(("empty.html", [], .failed(.empty)))
        var generator = SystemRandomNumberGenerator()
        pages.append(("random.html", (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }, .failed(.binary)))
        pages.append(("truncated.html", Array("<html><body><div><p>\(sentence) And then the mayor said that".utf8), .article(status: .ok, flag: "very-short")))
        pages.append(("one-line-30mb.html", Array(("<html><body><p>" + String(repeating: "word ", count: 6_000_000) + "</p></body></html>").utf8), .article(status: .ok, flag: nil)))
        pages.append(("nested.html", Array(("<html><body>" + String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000) + "</body></html>").utf8), .failed(.tooComplex)))
        pages.append(("nul.html", Array("<html><body><p>\(sentence)\u{0}\(sentence)</p></body></html>".utf8), .article(status: .ok, flag: "very-short")))
        pages.append(("utf16.html", Array("<html><body><p>\(sentence)</p></body></html>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), .article(status: .ok, flag: "very-short")))
        pages.append(("bad-utf8.html", Array("<html><meta charset=utf-8><body><p>Caf".utf8) + [0xE9, 0xFF] + Array(" \(sentence)</p></body></html>".utf8), .article(status: .ok, flag: "invalid-bytes-replaced")))
        pages.append(("xxe.html", Array("<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY xxe SYSTEM \"file://\(secretFile.path)\">]><html><body><p>&xxe; \(sentence)</p></body></html>".utf8), .article(status: .ok, flag: "very-short")))
        pages.append(("only-scripts.html", Array("<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script></body></html>".utf8), .article(status: .empty, flag: "empty")))
        return pages
    }

    @Test func runCompletesAndEveryPageGetsItsOutcome() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data(Self.secret.utf8).write(to: Self.secretFile)
        defer { try? FileManager.default.removeItem(at: Self.secretFile) }
        let corpus = Self.corpus()
        for (name, bytes, _) in corpus { try Data(bytes).write(to: input.appendingPathComponent(name)) }
        // A gzip bomb: 60 MB of one letter (60 KB compressed), against a 40 MB limit.
        let bomb = input.appendingPathComponent("bomb.html")
        try Data(repeating: UInt8(ascii: "a"), count: 60_000_000).write(to: bomb)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-1", "-f", bomb.path]
        try gzip.run()
        gzip.waitUntilExit()

        var configuration = PipelineConfiguration()
        configuration.fetch.maxPageBytes = 40_000_000
        // The 30 MB page takes seconds in a debug build on a loaded machine; the time limit has its own tests.
        configuration.run.pageTimeLimit = 0
        let report = try PipelineRunner(configuration: configuration, inputRoot: input, outputRoot: root.appendingPathComponent("out")).run()
        #expect(report.pages.seen == corpus.count + 1)
        let failures = Dictionary(uniqueKeysWithValues: report.failures.map { ($0.path, $0.kind) })
        #expect(failures["bomb.html.gz"] == .tooLarge)
        let layout = OutputLayout(root: root.appendingPathComponent("out"))
        for (name, _, outcome) in corpus {
            switch outcome {
            case .failed(let kind):
                #expect(failures[name] == kind, "\(name)")
            case .article(let status, let flag):
                let article = try JSONDecoder().decode(ArticleDocument.self, from: Data(contentsOf: layout.article(PageLocation.id(forRelativePath: name))))
                #expect(article.status == status, "\(name)")
                if let flag { #expect(article.flags.contains(flag), "\(name): \(article.flags)") }
                if name == "one-line-30mb.html" { #expect(article.metrics.words == 6_000_000, "libxml2 cut the text: \(article.metrics.words) words") }
                #expect(!article.text.contains(Self.secret), "\(name) shows a local file's text")
            }
        }
    }
}
