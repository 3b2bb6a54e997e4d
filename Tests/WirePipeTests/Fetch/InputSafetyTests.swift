import Foundation
import Testing
@testable import WirePipe

/// Inputs: links out of the input folder are not followed, odd file names work, ids are safe file names and
/// no output lands outside the output folder.
@Suite struct InputSafetyTests {
    static let page = Data("<html><body><p>The council voted on Tuesday to approve the budget after a long debate.</p></body></html>".utf8)

    /// in/ with a page, a link to a page inside, a link to a page outside and a link to a folder outside.
    func linkedInput(_ root: URL) throws -> URL {
        let fm = FileManager.default
        let input = root.appendingPathComponent("in"), outside = root.appendingPathComponent("in-other")
        try fm.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try fm.createDirectory(at: outside.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try Self.page.write(to: input.appendingPathComponent("sub/a.html"))
        try Self.page.write(to: outside.appendingPathComponent("secret.html"))
        try Self.page.write(to: outside.appendingPathComponent("folder/b.html"))
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("inside-link.html").path, withDestinationPath: "sub/a.html")
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("outside-link.html").path, withDestinationPath: "../in-other/secret.html")
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("outside-folder").path, withDestinationPath: outside.appendingPathComponent("folder").path)
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        return input
    }

    @Test func linksLeadingOutOfTheInputAreNotFollowed() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try linkedInput(root)
        var settings = FetchSettings()
        #expect(try InputWalker(settings: settings).pages(under: input).map(\.relativePath) == ["sub/a.html"])
        settings.followSymlinks = true
        #expect(try InputWalker(settings: settings).pages(under: input).map(\.relativePath) == ["inside-link.html", "sub/a.html"])
        settings.followSymlinksOutsideInput = true
        #expect(try InputWalker(settings: settings).pages(under: input).map(\.relativePath)
            == ["inside-link.html", "outside-folder/b.html", "outside-link.html", "sub/a.html"])
    }

    @Test func anInputFolderReachedThroughALinkStillCountsAsTheRoot() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try linkedInput(root)
        let alias = root.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: input.path)
        var settings = FetchSettings()
        settings.followSymlinks = true
        #expect(try InputWalker(settings: settings).pages(under: alias).map(\.relativePath) == ["inside-link.html", "sub/a.html"])
    }

    @Test func isInsideComparesWholePathComponents() {
        #expect(InputWalker.isInside("/data/in/a.html", "/data/in"))
        #expect(InputWalker.isInside("/data/in", "/data/in"))
        #expect(!InputWalker.isInside("/data/in-other/a.html", "/data/in"))
        #expect(!InputWalker.isInside("/data", "/data/in"))
    }

    @Test func idsAreSafeFileNames() {
        let paths = [
            "../../etc/passwd.html", "a/../../b.html", "/absolute/x.html", "..", ".hidden.html", "name with spaces.html",
            "line\nbreak.html", "caf\u{e9}/\u{65e5}\u{672c}.html", "nul\u{0}byte.html", String(repeating: "very-long-", count: 100) + ".html",
            "back\\slash.html", "con.html", "-.html", "",
        ]
        var seen: Set<String> = []
        for path in paths {
            let id = PageLocation.id(forRelativePath: path)
            #expect(!id.isEmpty && id.utf8.count <= 100, "\(path) → \(id)")
            #expect(id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._".unicodeScalars.contains($0)) }, "\(path) → \(id)")
            #expect(!id.hasPrefix(".") && !id.hasPrefix("-") && id != "..", "\(path) → \(id)")
            seen.insert(id)
        }
        #expect(seen.count == paths.count, "two paths share an id")
    }

    @Test func oddFileNamesRunAndEveryOutputStaysInTheOutputFolder() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        let names = ["name with spaces.html", "caf\u{e9} \u{65e5}\u{672c}.html", "line\nbreak.html", "dots..in...the name.html", "-dash.html", "tab\there.htm"]
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub dir"), withIntermediateDirectories: true)
        for name in names { try Self.page.write(to: input.appendingPathComponent(name)) }
        try Self.page.write(to: input.appendingPathComponent("sub dir/\u{e9}..html"))
        let output = root.appendingPathComponent("out")
        let report = try PipelineRunner(configuration: PipelineConfiguration(), inputRoot: input, outputRoot: output).run()
        #expect(report.pages.seen == names.count + 1)
        #expect(report.pages.failed == 0, "\(report.failures)")
        // The articles are exactly one per page, and nothing was written beside the output folder.
        let articles = OutputLayout(root: output).ids(in: OutputLayout(root: output).articles)
        #expect(articles.count == names.count + 1)
        let rootContents = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(rootContents == ["in", "out"])
        for name in names + ["sub dir/\u{e9}..html"] {
            let article = try JSONDecoder().decode(
                ArticleDocument.self, from: Data(contentsOf: OutputLayout(root: output).article(PageLocation.id(forRelativePath: name))))
            #expect(article.source.path == name)
            #expect(article.text.contains("council voted"))
        }
    }
}
