import Foundation
import Testing
@testable import WirePipe

@Suite struct FetchStageTests {
    let fetch = FetchStage(settings: FetchSettings())

    @Test func readsTheWindows1252SeedAsUTF8WithCurlyQuotes() throws {
        let page = try fetch.process(PageLocation(root: Fixtures.folder, relativePath: "aggregator-copy-cp1252.html"))
        #expect(page.source.encoding == "windows-1252")
        #expect(page.parserEncoding == "UTF-8")
        let text = String(decoding: page.html, as: UTF8.self)
        #expect(text.contains("\u{201C}We have concerns about escalation"))
        #expect(text.contains("Ukraine\u{2019}s Defense Ministry"))
        #expect(!text.contains("\u{FFFD}"))
        #expect(page.flags.isEmpty)
    }

    @Test func hashesTheStoredBytes() throws {
        let page = try fetch.process(PageLocation(root: Fixtures.folder, relativePath: "wordpress-repost.html"))
        // sha256 of the file as stored, checked against an independent implementation (coreutils).
        let data = try Data(contentsOf: Fixtures.url("wordpress-repost.html"))
        #expect(page.source.sha256.count == 64)
        #expect(page.source.bytes == data.count)
        let other = try fetch.process(PageLocation(root: Fixtures.folder, relativePath: "aggregator-copy-cp1252.html"))
        #expect(page.source.sha256 != other.source.sha256)
        #expect(page.source.sha256 == "\(try shellSHA256(Fixtures.url("wordpress-repost.html")))")
    }

    @Test func decompressesGzippedPages() throws {
        let page = try fetch.process(PageLocation(root: Fixtures.folder, relativePath: "pages/ctpost-deval-patrick.html.gz"))
        #expect(page.source.compressed)
        #expect(page.source.bytes > 50_000)
        #expect(String(decoding: page.html.prefix(200), as: UTF8.self).lowercased().contains("<html") ||
                String(decoding: page.html.prefix(200), as: UTF8.self).lowercased().contains("<!doctype"))
    }

    @Test func idsAreStableSafeAndDistinct() {
        let a = PageLocation.id(forRelativePath: "2022/05/Ukraine story (final).html.gz")
        #expect(a == PageLocation.id(forRelativePath: "2022/05/Ukraine story (final).html.gz"))
        #expect(a.hasPrefix("2022-05-Ukraine-story-final-"))
        #expect(a.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        #expect(a != PageLocation.id(forRelativePath: "2022/05/Ukraine story final.html.gz"))
        #expect(PageLocation.id(forRelativePath: "../../etc/passwd").contains("/") == false)
        #expect(!PageLocation.id(forRelativePath: "\u{65E5}\u{672C}.html").isEmpty)
    }

    @Test func emptyBinaryAndCorruptPagesAreTypedErrors() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("  \n\t ".utf8).write(to: folder.appendingPathComponent("blank.html"))
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) }).write(to: folder.appendingPathComponent("binary.html"))
        try Data([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]).write(to: folder.appendingPathComponent("broken.html.gz"))
        func kind(_ name: String) -> PageError.Kind? {
            do {
                _ = try fetch.process(PageLocation(root: folder, relativePath: name))
                return nil
            } catch {
                return error.kind
            }
        }
        #expect(kind("blank.html") == .empty)
        #expect(kind("binary.html") == .binary)
        #expect(kind("broken.html.gz") == .badCompression)
        #expect(kind("missing.html") == .unreadable)
    }

    @Test func gzipBombStopsAtTheLimit() throws {
        var settings = FetchSettings()
        settings.maxPageBytes = 10_000
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = Data(("<p>" + String(repeating: "a", count: 200_000) + "</p>").utf8)
        try big.write(to: folder.appendingPathComponent("big.html"))
        try runGzip(folder.appendingPathComponent("big.html"))
        #expect {
            try FetchStage(settings: settings).process(PageLocation(root: folder, relativePath: "big.html.gz"))
        } throws: { ($0 as? PageError)?.kind == .tooLarge }
    }

    @Test func walkerFindsPagesAndSkipsOthers() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub dir"), withIntermediateDirectories: true)
        for name in ["a.html", "b.HTM", "sub dir/c.html.gz", "notes.txt", "d.html.bak", ".hidden.html"] {
            try Data("<p>x</p>".utf8).write(to: folder.appendingPathComponent(name))
        }
        let pages = try InputWalker(settings: FetchSettings()).pages(under: folder).map(\.relativePath)
        #expect(pages == ["a.html", "b.HTM", "sub dir/c.html.gz"])
    }
}

private func shellSHA256(_ url: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [url.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return String(output.prefix(64))
}

private func runGzip(_ url: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-f", url.path]
    try process.run()
    process.waitUntilExit()
}
