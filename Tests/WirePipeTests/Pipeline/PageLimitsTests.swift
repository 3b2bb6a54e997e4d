import Foundation
import Testing
@testable import WirePipe

/// Per-page limits: each one, exceeded, is a per-page error that names its key; the run goes on.
@Suite struct PageLimitsTests {
    static let sentence = "The council voted on Tuesday to approve the budget after a long debate that lasted into the night."

    func nested(_ depth: Int) -> [UInt8] {
        Array(("<html><body>" + String(repeating: "<div>", count: depth) + "<p>\(Self.sentence)</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>").utf8)
    }

    func paragraphs(_ count: Int) -> [UInt8] {
        Array(("<html><body>" + String(repeating: "<p>\(Self.sentence)</p>", count: count) + "</body></html>").utf8)
    }

    func failure(_ body: () throws(PageError) -> Void) -> PageError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func aTreeDeeperThanTheLimitIsTooComplex() throws {
        let limits = HTMLDocument.Limits(maxDepth: 100, maxNodes: 1_000_000)
        let error = failure { () throws(PageError) in _ = try HTMLDocument.parse(nested(150), encoding: "UTF-8", limits: limits) }
        #expect(error?.kind == .tooComplex)
        #expect(error?.message.contains("strip.max_dom_depth (100)") == true, "\(String(describing: error))")
        // Under the limit the same markup parses and keeps its text.
        let tree = try HTMLDocument.parse(nested(80), encoding: "UTF-8", limits: limits)
        #expect(tree.nodes.contains { $0.text.contains("council voted") })
    }

    @Test func aTreeWithMoreNodesThanTheLimitIsTooComplex() throws {
        let limits = HTMLDocument.Limits(maxDepth: 512, maxNodes: 500)
        let error = failure { () throws(PageError) in _ = try HTMLDocument.parse(paragraphs(400), encoding: "UTF-8", limits: limits) }
        #expect(error?.kind == .tooComplex)
        #expect(error?.message.contains("strip.max_dom_nodes (500)") == true, "\(String(describing: error))")
        let tree = try HTMLDocument.parse(paragraphs(200), encoding: "UTF-8", limits: limits)
        #expect(tree.nodes.count <= 500)
    }

    @Test func theStripStageUsesItsSettings() throws {
        var settings = StripSettings()
        settings.maxDOMDepth = 64
        let page = try FetchStage(settings: FetchSettings()).page(from: nested(100), id: "deep", path: "deep.html")
        let error = failure { () throws(PageError) in _ = try StripStage(settings: settings).process(page) }
        #expect(error?.kind == .tooComplex && error?.stage == .strip)
        settings.maxDOMDepth = 512
        #expect(try StripStage(settings: settings).process(page).blocks.count == 1)
    }

    @Test func aPageOverItsTimeBudgetStopsWithATimeLimitError() throws {
        let page = try FetchStage(settings: FetchSettings()).page(from: paragraphs(50), id: "slow", path: "slow.html")
        let pipeline = Pipeline(configuration: PipelineConfiguration())
        // A budget already spent: the first check inside strip stops the page.
        let spent = PageDeadline(seconds: 0.5, from: DispatchTime.now().uptimeNanoseconds - 1_000_000_000)
        let error = failure { () throws(PageError) in
            _ = try PageDeadline.with(spent) { () throws(PageError) in try pipeline.article(from: page) }
        }
        #expect(error?.kind == .timeLimit)
        #expect(error?.stage == .strip)
        #expect(error?.message.contains("run.page_time_limit (0.5 s)") == true, "\(String(describing: error))")
        // A budget with time left, and no budget at all, let the page through.
        let generous = PageDeadline(seconds: 60)
        #expect(try PageDeadline.with(generous) { () throws(PageError) in try pipeline.article(from: page) }.status == .ok)
        #expect(try pipeline.article(from: page).status == .ok)
    }

    @Test func limitsStopTheirPagesAndTheRunGoesOn() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data(nested(300)).write(to: input.appendingPathComponent("deep.html"))
        try Data(paragraphs(3_000)).write(to: input.appendingPathComponent("many-nodes.html"))
        try Data(paragraphs(20)).write(to: input.appendingPathComponent("good.html"))
        try Data(repeating: UInt8(ascii: " "), count: 1_200_000).write(to: input.appendingPathComponent("large.html"))
        var configuration = PipelineConfiguration()
        configuration.strip.maxDOMDepth = 200
        configuration.strip.maxDOMNodes = 5_000
        configuration.fetch.maxPageBytes = 1_000_000
        let output = root.appendingPathComponent("out")
        let report = try PipelineRunner(configuration: configuration, inputRoot: input, outputRoot: output).run()
        let failures = Dictionary(uniqueKeysWithValues: report.failures.map { ($0.path, $0) })
        #expect(failures["deep.html"]?.kind == .tooComplex)
        #expect(failures["deep.html"]?.message.contains("strip.max_dom_depth") == true)
        #expect(failures["many-nodes.html"]?.kind == .tooComplex)
        #expect(failures["many-nodes.html"]?.message.contains("strip.max_dom_nodes") == true)
        #expect(failures["large.html"]?.kind == .tooLarge)
        #expect(failures["large.html"]?.message.contains("fetch.max_page_bytes") == true)
        #expect(report.pages.ok == 1 && report.pages.failed == 3)
        let layout = OutputLayout(root: output)
        #expect(FileManager.default.fileExists(atPath: layout.article(PageLocation.id(forRelativePath: "good.html")).path))
        #expect(!FileManager.default.fileExists(atPath: layout.article(PageLocation.id(forRelativePath: "deep.html")).path))

        // A time limit no page can meet: every page fails with time_limit, and the next run retries them.
        configuration.run.pageTimeLimit = 1e-9
        let timed = try PipelineRunner(configuration: configuration, inputRoot: input, outputRoot: root.appendingPathComponent("timed")).run()
        let kinds = Set(timed.failures.map(\.kind))
        #expect(kinds.contains(.timeLimit))
        #expect(timed.failures.first { $0.path == "good.html" }?.message.contains("run.page_time_limit") == true)
        configuration.run.pageTimeLimit = 60
        let dry = try PipelineRunner(configuration: configuration, inputRoot: input, outputRoot: root.appendingPathComponent("timed")).dryRun()
        #expect(dry.stages.first { $0.stage == .fetch }?.reasons[.retry] == 4)
        let retried = try PipelineRunner(configuration: configuration, inputRoot: input, outputRoot: root.appendingPathComponent("timed")).run()
        #expect(retried.pages.ok == 1)
    }

    @Test func theLimitsAreSettingsWithCheckedValues() throws {
        let json = #"{"strip": {"max_dom_depth": 64, "max_dom_nodes": 1000}, "run": {"page_time_limit": 2.5}, "fetch": {"follow_symlinks_outside_input": true}}"#
        let configuration = try JSONDecoder().decode(PipelineConfiguration.self, from: Data(json.utf8))
        #expect(configuration.strip.maxDOMDepth == 64 && configuration.strip.maxDOMNodes == 1000)
        #expect(configuration.run.pageTimeLimit == 2.5)
        #expect(configuration.fetch.followSymlinksOutsideInput)
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(PipelineConfiguration.self, from: Data(#"{"strip": {"max_dom_depth": 0}}"#.utf8))
        }
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(PipelineConfiguration.self, from: Data(#"{"run": {"page_time_limit": -1}}"#.utf8))
        }
    }
}
