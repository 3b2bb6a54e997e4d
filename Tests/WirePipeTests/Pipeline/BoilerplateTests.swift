import Foundation
import Testing
@testable import WirePipe

/// Corpus-learned boilerplate (issue 3): blocks repeated on many pages of a site are removed before
/// normalise, learnt from the whole manifest so that the result does not depend on how pages were split
/// over runs.
@Suite struct BoilerplateTests {
    static let promo = "Join now for FREE unlimited access to Example News, the paper of record since 1901."
    static let footer = "Example News is published by Example Media Group, all rights reserved."
    static let seriesNote = "This story is the second part of a series on the city budget and its critics."

    /// A small article page of example-news.com: four paragraphs of its own, the promo in the middle, the
    /// footer line at the end, and `extra` paragraphs.
    static func page(_ number: Int, extra: [String] = []) -> String {
        let words = ["council", "harbour", "school", "railway", "museum", "library", "hospital", "bridge"]
        func own(_ paragraph: Int) -> String {
            let a = words[(number + paragraph) % words.count], b = words[(number * 3 + paragraph) % words.count]
            return "<p>Story \(number) paragraph \(paragraph): the \(a) committee met on Tuesday to discuss the \(b) plan, "
                + "and members said the vote number \(number * 10 + paragraph) would decide how the money is spent next year.</p>"
        }
        let body = [own(1), own(2), "<p>\(promo)</p>", own(3), own(4)] + extra.map { "<p>\($0)</p>" } + ["<p>\(footer)</p>"]
        return """
            <!doctype html><html lang="en"><head><title>Story \(number) | Example News</title>
            <link rel="canonical" href="https://www.example-news.com/2022/05/story-\(number).html"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Story \(number)</h1>\(body.joined(separator: "\n"))</article>
            <footer><a href="/about">About</a></footer></body></html>
            """
    }

    static func write(pages numbers: [Int], to input: URL) throws {
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for number in numbers {
            let extra = number <= 2 ? [seriesNote] : []
            try Data(page(number, extra: extra).utf8).write(to: input.appendingPathComponent("story-\(number).html"))
        }
    }

    static func runner(input: URL, output: URL, minPages: Int = 3) -> PipelineRunner {
        var configuration = PipelineConfiguration()
        configuration.jobs = 2
        configuration.strip.boilerplateMinPages = minPages
        return PipelineRunner(configuration: configuration, inputRoot: input, outputRoot: output)
    }

    static func text(_ output: URL, page number: Int) throws -> [String] {
        let layout = OutputLayout(root: output)
        let data = try Data(contentsOf: layout.article(PageLocation.id(forRelativePath: "story-\(number).html")))
        return try JSONDecoder().decode(ArticleDocument.self, from: data).text.components(separatedBy: "\n").filter { !$0.isEmpty }
    }

    @Test func aPromoAndAFooterRepeatedOnEveryPageOfASiteAreRemovedFromAll() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("input"), output = root.appendingPathComponent("out")
        try Self.write(pages: [1, 2, 3, 4, 5], to: input)
        let report = try Self.runner(input: input, output: output).run()
        #expect(report.pages.ok == 5)
        for number in 1...5 {
            let text = try Self.text(output, page: number)
            #expect(!text.contains(Self.promo), "page \(number)")
            #expect(!text.contains(Self.footer), "page \(number)")
            #expect(text.contains { $0.hasPrefix("Story \(number) paragraph 4") }, "page \(number)")
            // On two pages only: not boilerplate.
            #expect(text.contains(Self.seriesNote) == (number <= 2), "page \(number)")
        }
        // The stored strip output stays the raw extraction.
        let layout = OutputLayout(root: output)
        let store = StageStore(layout: layout, pipeline: Pipeline(configuration: PipelineConfiguration()), outputs: try StageOutputs(url: layout.stageOutputs))
        let stripped: StrippedArticle = try store.load(.strip, id: PageLocation.id(forRelativePath: "story-1.html"))
        #expect(stripped.blocks.contains { $0.text == Self.promo })

        let stats = try JSONDecoder().decode(CorpusStatistics.self, from: Data(contentsOf: OutputLayout(root: output).statistics))
        #expect(stats.boilerplateRemoved == [
            // The promo has 84 characters: its key keeps the first 80.
            "example-news.com | " + Self.promo.prefix(80) + "\u{2026}": 5,
            "example-news.com | " + Self.footer: 5,
        ])
    }

    @Test func pagesSplitOverTwoRunsEndAsOneRunOverAll() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("input"), output = root.appendingPathComponent("out")
        let single = root.appendingPathComponent("single")
        // With 4 pages needed, the first run's 3 pages remove nothing…
        try Self.write(pages: [1, 2, 3], to: input)
        let first = try Self.runner(input: input, output: output, minPages: 4).run()
        #expect(first.pages.processed == 3)
        #expect(try Self.text(output, page: 1).contains(Self.promo))

        // …and the second run, with 2 more pages, removes the promo and footer from all 5: the first 3 are
        // redone from normalise, without being parsed again.
        try Self.write(pages: [4, 5], to: input)
        let second = try Self.runner(input: input, output: output, minPages: 4).run()
        #expect(second.pages.new == 2 && second.pages.unchanged == 3)
        #expect(second.htmlParsed == 2)
        #expect(second.stages["strip"]?.processed == 2)
        #expect(second.stages["normalise"]?.processed == 5)
        #expect(second.pages.processed == 5)

        _ = try Self.runner(input: input, output: single, minPages: 4).run()
        for number in 1...5 {
            let split = try Self.text(output, page: number)
            #expect(split == (try Self.text(single, page: number)), "page \(number)")
            #expect(!split.contains(Self.promo) && !split.contains(Self.footer), "page \(number)")
        }
        let layout = OutputLayout(root: output), singleLayout = OutputLayout(root: single)
        #expect(try Data(contentsOf: layout.statistics) == Data(contentsOf: singleLayout.statistics))

        // Nothing changed: nothing is redone.
        let third = try Self.runner(input: input, output: output, minPages: 4).run()
        #expect(third.pages.processed == 0 && third.htmlParsed == 0)

        // Two pages deleted make the promo fall under 4 pages again: it comes back on the other 3.
        try FileManager.default.removeItem(at: input.appendingPathComponent("story-4.html"))
        try FileManager.default.removeItem(at: input.appendingPathComponent("story-5.html"))
        let fourth = try Self.runner(input: input, output: output, minPages: 4).run()
        #expect(fourth.pages.processed == 3 && fourth.htmlParsed == 0)
        #expect(try Self.text(output, page: 1).contains(Self.promo))
    }

    @Test func theIndexCountsDistinctPagesPerSiteAndHonoursTheShare() {
        var settings = StripSettings()
        settings.boilerplateMinPages = 3
        settings.boilerplateMinShare = 0.5
        // Site a: 4 pages, block 1 on all, block 2 on 2; site b: 6 pages, block 3 on 3 (= half), block 4 on 2.
        // Block 1 also on one page of b: pages of other sites never count.
        var pages: [PageBlocks] = (0..<4).map { PageBlocks(site: "a", hashes: $0 < 2 ? [1, 2] : [1]) }
        pages += (0..<6).map { PageBlocks(site: "b", hashes: $0 < 2 ? [3, 4] : $0 == 2 ? [3] : $0 == 5 ? [1] : []) }
        let index = BoilerplateIndex(pages: pages, settings: settings)
        #expect(index.boilerplate == ["a": [1], "b": [3]])
        // The applied key depends on the page's boilerplate subset only.
        #expect(index.appliedKey(PageBlocks(site: "a", hashes: [1, 2])) == index.appliedKey(PageBlocks(site: "a", hashes: [1])))
        #expect(index.appliedKey(PageBlocks(site: "a", hashes: [2])) == "")
        #expect(index.appliedKey(PageBlocks(site: "b", hashes: [1])) == "")

        settings.boilerplateMinShare = 0.6
        #expect(BoilerplateIndex(pages: pages, settings: settings).boilerplate == ["a": [1]])
        settings.boilerplateMinPages = 0
        #expect(BoilerplateIndex(pages: pages, settings: settings).boilerplate.isEmpty)
    }

    @Test func removalNeverEmptiesAnArticle() throws {
        let settings = StripSettings()
        let source = PageSource(path: "x/a.html", sha256: "", bytes: 0, encoding: "utf-8", encodingSource: "utf8-valid", compressed: false)
        let article = StrippedArticle(
            id: "a", source: source, metadata: ArticleMetadata(),
            blocks: [TextBlock(kind: .paragraph, text: Self.promo), TextBlock(kind: .paragraph, text: Self.footer)], flags: [])
        let page = PageBlocks(of: article, settings: settings)
        #expect(page.site == "folder:x" && page.hashes.count == 2)
        let index = BoilerplateIndex(pages: Array(repeating: page, count: 5), settings: settings)
        let (kept, removed) = index.remove(from: article, page: page, settings: settings)
        #expect(kept == article && removed.isEmpty)
    }

    @Test func theSiteIsTheCanonicalHostThenTheFetchedHostThenTheNameThenTheFolder() {
        var article = StrippedArticle(
            id: "a", source: PageSource(path: "top.html", sha256: "", bytes: 0, encoding: "utf-8", encodingSource: "utf8-valid", compressed: false),
            metadata: ArticleMetadata(), blocks: [], flags: [])
        #expect(PageBlocks.site(of: article) == "folder:")
        article.metadata.siteName = " Example  News "
        #expect(PageBlocks.site(of: article) == "name:example news")
        article.source.url = "https://WWW.Reuters.com/world/x"
        #expect(PageBlocks.site(of: article) == "reuters.com")
        article.metadata.url = "https://news.example.org/a"
        #expect(PageBlocks.site(of: article) == "news.example.org")
        // Folding: case, quotes and whitespace do not make another block.
        #expect(PageBlocks.fingerprint("Don\u{2019}t  miss OUR newsletter") == PageBlocks.fingerprint("don't miss our newsletter"))
    }

    /// The byte path for ASCII text, the scalar path for text with folded punctuation and the full path for
    /// the rest all give the hash of the folded text as the full path makes it.
    @Test func everyFingerprintPathHashesTheFoldedText() {
        func reference(_ text: String) -> UInt64 {
            let folded = TextFolding.foldWhitespace(TextFolding.matchForm(TextFolding.nfc(text)).lowercased())
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in folded.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
        let texts = [
            "", "   ", "Subscribe", "  Join now\tfor FREE \n unlimited access ", "A\r\nB\u{0B}C\u{0C}D", "ZIP 12345-6789!",
            "Don\u{2019}t miss \u{201C}OUR\u{201D} newsletter\u{2026}", "Caf\u{E9}  \u{D6}ffnungszeiten", "\u{41F}\u{440}\u{438}\u{432}\u{435}\u{442} MIR",
        ]
        for text in texts {
            #expect(PageBlocks.fingerprint(text) == reference(text), "\(text.debugDescription)")
        }
        #expect(Array("caf\u{E9}".utf8).withUnsafeBufferPointer { PageBlocks.asciiFingerprint($0) } == nil)
    }

    @Test func theManifestKeepsBlocksWithTheirPageAndForgetsThemWithIt() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let manifest = try Manifest(url: root.appendingPathComponent(Manifest.fileName))
        let page = ManifestPage(path: "a.html", id: "a", size: 1, mtime: 1, sha256: "x", status: .ok)
        let blocks = PageBlocks(site: "example.com", hashes: [0, 1, UInt64.max, 0x8000_0000_0000_0001], applied: "ff", removed: ["example.com | A", "example.com | B"])
        try manifest.record(page, blocks: blocks)
        #expect(try manifest.pageBlocks() == ["a.html": blocks])
        try manifest.settleBoilerplate()
        #expect(manifest.boilerplateIsSettled())
        // Recording a page again (without blocks: it failed in strip) drops its blocks and unsettles.
        try manifest.record(page)
        #expect(try manifest.pageBlocks().isEmpty && !manifest.boilerplateIsSettled())
        try manifest.record(page, blocks: blocks)
        try manifest.remove(paths: ["a.html"])
        #expect(try manifest.pageBlocks().isEmpty)
    }
}
