import Foundation
import Testing
@testable import WirePipe

@Suite struct ManifestTests {
    func page(_ path: String, sha: String = "abc") -> ManifestPage {
        ManifestPage(
            path: path, id: PageLocation.id(forRelativePath: path), size: 10, mtime: 1_700_000_000_123_456_789, sha256: sha, status: .ok,
            contribution: Data("{}".utf8),
            stages: [
                .fetch: .init(fingerprint: "f1", status: .ok, seconds: 0.5),
                .strip: .init(fingerprint: "s1", status: .failed, error: "strip: unparsable: x", seconds: 0.25),
            ])
    }

    @Test func recordsSurviveReopening() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(Manifest.fileName)
        var failing = page("b/failing.html")
        failing.status = .failed
        failing.failure = RunReport.Failure(id: failing.id, path: failing.path, stage: .strip, kind: .unparsable, message: "x")
        do {
            let manifest = try Manifest(url: url)
            try manifest.record(page("a.html"))
            try manifest.record(failing)
        }
        let pages = try Manifest(url: url).pages()
        #expect(pages.count == 2)
        #expect(pages["a.html"] == page("a.html"))
        #expect(pages["b/failing.html"] == failing)
    }

    @Test func recordingAPageAgainReplacesItsStages() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try Manifest(url: folder.appendingPathComponent(Manifest.fileName))
        try manifest.record(page("a.html"))
        var again = page("a.html", sha: "def")
        again.stages = [.fetch: .init(fingerprint: "f2", status: .ok, seconds: 1)]
        try manifest.record(again)
        #expect(try manifest.pages()["a.html"] == again)
    }

    @Test func fileStatsAreUpdatedAndDeletedPagesForgotten() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try Manifest(url: folder.appendingPathComponent(Manifest.fileName))
        try manifest.record(page("a.html"))
        try manifest.record(page("b.html"))
        try manifest.updateFileStats([(path: "a.html", size: 99, mtime: 42)])
        try manifest.remove(paths: ["b.html"])
        let pages = try manifest.pages()
        #expect(Array(pages.keys) == ["a.html"])
        #expect(pages["a.html"]?.size == 99 && pages["a.html"]?.mtime == 42 && pages["a.html"]?.sha256 == "abc")
    }

    @Test func theKeptStatisticsAreClearedByEveryPageChange() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try Manifest(url: folder.appendingPathComponent(Manifest.fileName))
        try manifest.record(page("a.html"))
        var merged = CorpusStatistics()
        merged.recordFailure(PageError(.binary, stage: .fetch, "junk"))
        merged.bySite["example.com"] = 3
        try manifest.storeStatistics(merged)
        #expect(manifest.cachedStatistics() == CounterArchive.encode(merged))
        try manifest.updateFileStats([(path: "a.html", size: 1, mtime: 2)])
        #expect(manifest.cachedStatistics() == CounterArchive.encode(merged))
        try manifest.record(page("b.html"))
        #expect(manifest.cachedStatistics() == nil)
        try manifest.storeStatistics(merged)
        try manifest.remove(paths: ["b.html"])
        #expect(manifest.cachedStatistics() == nil)
    }

    @Test func noManifestMeansNothingForADryRun() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Manifest.existing(at: folder.appendingPathComponent(Manifest.fileName)) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(Manifest.fileName).path))
    }
}
