import Foundation
import Testing
@testable import WirePipe

/// `stats`, `merge` and `report` end to end.
extension CLITests {
    /// Runs the pipeline over the given sample pages (copied into a folder of their own) into `output`.
    func run(_ pages: [String], into output: URL, scratch: URL) throws {
        let input = scratch.appendingPathComponent("in-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for page in pages { try FileManager.default.copyItem(at: samples.appendingPathComponent(page), to: input.appendingPathComponent(page)) }
        let result = try wirepipe(["run", "--input", input.path, "--output", output.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    var samplePages: [String] {
        get throws { try InputWalker(settings: FetchSettings()).pages(under: samples).map(\.relativePath).sorted() }
    }

    @Test func mergeOfSplitRunsEqualsOneRunByteForByte() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pages = try samplePages
        #expect(pages.count >= 4)
        let whole = scratch.appendingPathComponent("whole")
        try run(pages, into: whole, scratch: scratch)
        let expected = try Data(contentsOf: whole.appendingPathComponent("stats.json"))
        let splits: [(String, (Int) -> Int)] = [("halves", { $0 < pages.count / 2 ? 0 : 1 }), ("alternate", { $0 % 2 }),
                                                 ("one and the rest", { $0 == 0 ? 0 : 1 }), ("three ways", { $0 % 3 })]
        for (name, part) in splits {
            var folders: [URL] = []
            let groups = Dictionary(grouping: pages.indices, by: part)
            for key in groups.keys.sorted() {
                let folder = scratch.appendingPathComponent("\(name)-\(key)")
                try run(groups[key]!.map { pages[$0] }, into: folder, scratch: scratch)
                folders.append(folder)
            }
            let merged = scratch.appendingPathComponent("merged-\(name)")
            // Folders in reverse order: the merge must not depend on it.
            let result = try wirepipe(["merge"] + folders.reversed().map(\.path) + ["--output", merged.path])
            #expect(result.status == 0, "\(result.stderr)")
            let data = try Data(contentsOf: merged.appendingPathComponent("stats.json"))
            #expect(data == expected, "split \(name)")
        }
        // The seed pages are split across runs in "alternate" and still one cluster after the merge.
        let stats = try StatisticsFile.read(whole)
        #expect(stats.clusters.contains { Set($0.members.map(\.sourcePath)) == ["wordpress-repost.html", "aggregator-copy-cp1252.html"] })
    }

    @Test func mergeRefusesOverlappingStatistics() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        try run(["wordpress-repost.html", "aggregator-copy-cp1252.html"], into: out, scratch: scratch)
        let result = try wirepipe(["merge", out.path, out.appendingPathComponent("stats.json").path, "--output", scratch.appendingPathComponent("m").path])
        // Refused inputs are fatal for the merge (exit 3), as the README documents.
        #expect(result.status == 3)
        #expect(result.stderr.contains("in both"))
        let missing = try wirepipe(["merge", scratch.appendingPathComponent("nowhere").path, "--output", scratch.path])
        #expect(missing.status == 3 && missing.stderr.contains("no statistics"))
    }

    @Test func statsPrintsEverySectionAndFilters() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        try run(try samplePages, into: out, scratch: scratch)
        let all = try wirepipe(["stats", "--output", out.path, "--top", "3"])
        #expect(all.status == 0, "\(all.stderr)")
        for section in ["Pages", "not an article", "vocabulary", "Sites", "Languages", "Wire agencies", "Length (words)", "Top terms",
                        "Distinctive terms", "Speakers", "Datelines by location", "Reporters", "Editors", "Flesch reading ease",
                        "Quality flags", "Syndication clusters (1;"] {
            #expect(all.stdout.contains(section), "\(section)")
        }
        // --top 3: the top-terms table has a title, a header and three rows.
        let terms = all.stdout.components(separatedBy: "\n\n").first { $0.hasPrefix("Top terms") }
        #expect(terms?.split(separator: "\n").count == 5)

        let site = try wirepipe(["stats", "--output", out.path, "--site", "World News Desk", "--json"])
        #expect(site.status == 0, "\(site.stderr)")
        let filtered = try JSONDecoder().decode(CorpusStatistics.self, from: Data(site.stdout.utf8))
        #expect(filtered.bySite.keys.sorted() == ["World News Desk"])
        #expect(filtered.articlesOK >= 1)

        let days = try wirepipe(["stats", "--output", out.path, "--since", "2022-05-26", "--until", "2022-05-26", "--json"])
        let onDay = try JSONDecoder().decode(CorpusStatistics.self, from: Data(days.stdout.utf8))
        #expect(onDay.byDay.keys.sorted() == ["2022-05-26"])

        let bad = try wirepipe(["stats", "--output", out.path, "--since", "May 26"])
        #expect(bad.status == 2 && bad.stderr.contains("YYYY-MM-DD"))
    }

    @Test func reportWritesOneSelfContainedPage() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        try run(try samplePages, into: out, scratch: scratch)
        let result = try wirepipe(["report", "--output", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        for id in HTMLReport.chartIDs { #expect(html.contains("id=\"\(id)\""), "\(id)") }
        #expect(!html.contains("<script") && !html.contains("src="))
        let elsewhere = scratch.appendingPathComponent("r.html")
        let to = try wirepipe(["report", "--output", out.appendingPathComponent("stats.json").path, "--to", elsewhere.path])
        #expect(to.status == 0 && FileManager.default.fileExists(atPath: elsewhere.path))
    }
}
