import Foundation
import Testing
@testable import WirePipe

/// The WARC reader on `Fixtures/warc/samples.warc.gz`, written by warcio (scripts/make-warc.py --extras) from
/// two sample pages: warcinfo, request and response per page, a 404, a PNG, a metadata record, the first page
/// again with chunked transfer coding and gzip content coding, and a revisit record (10 records).
@Suite struct WARCInputTests {
    static let fixture = Fixtures.url("warc/samples.warc.gz")
    static let wordpressURI = "https://www.example.org/2022/05/26/wordpress-repost.html"

    func collect(_ file: URL, into output: URL) -> ([PageLocation], InputSummary) {
        WARCInput(file: file, settings: FetchSettings(), layout: OutputLayout(root: output), writes: true).collect()
    }

    /// The fixture inflated: the same records as a plain .warc.
    func plainCopy(in folder: URL) throws -> URL {
        let plain = try Gzip.decompress(Fixtures.bytes("warc/samples.warc.gz"), limit: 10_000_000)
        let url = folder.appendingPathComponent("samples.warc")
        try Data(plain).write(to: url)
        return url
    }

    @Test func readsEveryRecordOfAGzippedWARC() throws {
        let reader = try WARCReader(path: Self.fixture.path, blockLimit: 1_000_000)
        var types: [String] = []
        while let record = try reader.next() { types.append(record.type) }
        #expect(types == ["warcinfo", "request", "response", "request", "response", "response", "response", "metadata", "response", "revisit"])
    }

    @Test func keepsHTMLResponsesAndCountsTheRest() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pages, summary) = collect(Self.fixture, into: folder)
        #expect(pages.count == 3)
        #expect(summary.records == 10)
        #expect(summary.skipped == ["not_response": 5, "status_404": 1, "not_html": 1])
        #expect(summary.errors.isEmpty)
        #expect(pages.allSatisfy { $0.origin?.failure == nil })
        #expect(pages.map { $0.origin?.url } == [Self.wordpressURI, "https://news.example.com/world/aggregator-copy", Self.wordpressURI + "?chunked"])
        #expect(pages[1].origin?.charset == "windows-1252")
        #expect(pages[0].origin?.date == "2024-03-01T12:00:00Z")
        // The chunked, gzip-encoded copy is stored as the page itself.
        let original = try Fixtures.bytes("wordpress-repost.html")
        #expect(try [UInt8](Data(contentsOf: pages[0].url)) == original)
        #expect(try [UInt8](Data(contentsOf: pages[2].url)) == original)
        // Ids are stable (URI + record id), distinct, and safe file names.
        #expect(Set(pages.map(\.id)).count == 3)
        #expect(collect(Self.fixture, into: folder).0.map(\.id) == pages.map(\.id))
    }

    @Test func aPlainWARCGivesTheSamePages() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try plainCopy(in: folder)
        let (gzipped, _) = collect(Self.fixture, into: folder.appendingPathComponent("a"))
        let (pages, summary) = collect(plain, into: folder.appendingPathComponent("b"))
        #expect(summary.records == 10)
        #expect(pages.map(\.id) == gzipped.map(\.id))
    }

    @Test func anUnchangedWARCIsNotReadAgain() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try plainCopy(in: folder)
        let output = folder.appendingPathComponent("out")
        let (first, summary) = collect(plain, into: output)
        #expect(!summary.reused)
        let (second, again) = collect(plain, into: output)
        #expect(again.reused)
        #expect(second == first)
        // A changed file is read again.
        let handle = try FileHandle(forWritingTo: plain)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\r\n".utf8))
        try handle.close()
        #expect(!collect(plain, into: output).1.reused)
    }

    @Test(arguments: [true, false]) func aTruncatedWARCKeepsTheRecordsBeforeTheDamage(gzipped: Bool) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = gzipped ? try Fixtures.bytes("warc/samples.warc.gz") : try [UInt8](Data(contentsOf: plainCopy(in: folder)))
        // Cut inside the second page's response (records 4-5 of 10).
        let cut = folder.appendingPathComponent(gzipped ? "cut.warc.gz" : "cut.warc")
        try Data(whole.prefix(whole.count * 55 / 100)).write(to: cut)
        let (pages, summary) = collect(cut, into: folder.appendingPathComponent("out"))
        #expect(summary.errors.count == 1)
        #expect(summary.errors.first?.contains("truncated") == true)
        #expect(pages.count >= 1 && pages.count < 3)
        #expect(pages.first?.origin?.url == Self.wordpressURI)
        #expect(try [UInt8](Data(contentsOf: pages[0].url)) == Fixtures.bytes("wordpress-repost.html"))
    }

    @Test func aFileThatIsNotAWARCIsAClearError() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("page.warc")
        try FileManager.default.copyItem(at: Fixtures.url("wordpress-repost.html"), to: fake)
        let (pages, summary) = collect(fake, into: folder.appendingPathComponent("out"))
        #expect(pages.isEmpty)
        #expect(summary.errors.count == 1)
        #expect(summary.errors.first?.hasPrefix("not a WARC file") == true)
        // Gzipped bytes that are not a WARC either.
        let fakeGzip = folder.appendingPathComponent("page.warc.gz")
        try FileManager.default.copyItem(at: Fixtures.url("pages/entermedia-ko.html.gz"), to: fakeGzip)
        #expect(collect(fakeGzip, into: folder.appendingPathComponent("out2")).1.errors.first?.hasPrefix("not a WARC file") == true)
    }

    /// A WARC/1.1 file written by hand: a response without a Content-Type (sniffed as HTML), one whose chunked
    /// body breaks off (a per-page `bad_record` failure), one with a 301.
    @Test func recordsThatCannotBeReadFailAsPages() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func record(_ uri: String, _ id: String, _ http: String) -> String {
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: \(uri)\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\n"
                + "WARC-Date: 2024-03-01T12:00:00.123456Z\r\nContent-Type: application/http; msgtype=response\r\n"
                + "Content-Length: \(http.utf8.count)\r\n\r\n\(http)\r\n\r\n"
        }
        let warc = record("http://a.example/sniffed", "1", "HTTP/1.1 200 OK\r\n\r\n<!DOCTYPE html><html><body><p>Hello.</p></body></html>")
            + record("http://a.example/broken", "2", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nff\r\n<html>")
            + record("http://a.example/moved", "3", "HTTP/1.1 301 Moved Permanently\r\nLocation: /x\r\n\r\n")
        let file = folder.appendingPathComponent("hand.warc")
        try Data(warc.utf8).write(to: file)
        let (pages, summary) = collect(file, into: folder.appendingPathComponent("out"))
        #expect(summary.records == 3)
        #expect(summary.skipped == ["status_301": 1])
        #expect(summary.errors.isEmpty)
        #expect(pages.map { $0.origin?.url } == ["http://a.example/sniffed", "http://a.example/broken"])
        #expect(pages[0].origin?.failure == nil)
        #expect(pages[1].origin?.failure?.kind == .badRecord)
        #expect(pages[1].relativePath == "hand.warc#urn:uuid:2")

        let report = try PipelineRunner(configuration: PipelineConfiguration(), inputs: [file], outputRoot: folder.appendingPathComponent("run")).run()
        #expect(report.pages.seen == 2)
        #expect(report.failures.map(\.kind) == [.badRecord])
        #expect(report.failures.first?.message.contains("http://a.example/broken") == true)
    }

    @Test func dechunksAndKeepsBodiesThatAreNotChunked() throws {
        #expect(try HTTPResponse.dechunk(Array("5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n".utf8)) == Array("hello world".utf8))
        // Stored already de-chunked under a chunked header: taken as it is.
        #expect(try HTTPResponse.dechunk(Array("<html>".utf8)) == Array("<html>".utf8))
        #expect(throws: HTTPResponse.Failure.self) { try HTTPResponse.dechunk(Array("ff\r\nshort".utf8)) }
        let response = try HTTPResponse(parsing: Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>x".utf8), limit: 100)
        #expect(response.status == 200)
        #expect(response.mediaType == "text/html")
        #expect(response.charset == "windows-1252")
        #expect(response.body == Array("<p>x".utf8))
    }

    /// The whole pipeline on the WARC gives the articles of the same pages in a folder, with the record's
    /// URI and date in `source`; a rerun reads neither the WARC nor a page.
    @Test func runsThePipelineOnAWARC() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = PipelineConfiguration()
        configuration.jobs = 2
        let output = folder.appendingPathComponent("out")
        let runner = PipelineRunner(configuration: configuration, inputs: [Self.fixture], outputRoot: output)
        let report = try runner.run()
        #expect(report.pages.seen == 3)
        #expect(report.pages.ok == 3)
        #expect(report.inputs?.first?.skipped["not_html"] == 1)
        let layout = OutputLayout(root: output)
        let articles = try layout.ids(in: layout.articles).map {
            try JSONDecoder().decode(ArticleDocument.self, from: Data(contentsOf: layout.article($0)))
        }
        let fromFolder = try Fixtures.article("wordpress-repost.html")
        let fromWARC = try #require(articles.first { $0.source.url == Self.wordpressURI })
        #expect(fromWARC.text == fromFolder.text)
        #expect(fromWARC.title == fromFolder.title)
        #expect(fromWARC.source.date == "2024-03-01T12:00:00Z")
        #expect(fromWARC.source.recordID?.hasPrefix("urn:uuid:") == true)
        let cp1252 = try #require(articles.first { $0.source.url == "https://news.example.com/world/aggregator-copy" })
        #expect(cp1252.source.encoding == "windows-1252")
        #expect(cp1252.source.encodingSource == "http-header")
        #expect(cp1252.text == (try Fixtures.article("aggregator-copy-cp1252.html")).text)

        let rerun = try runner.run()
        #expect(rerun.inputs?.first?.reused == true)
        #expect(rerun.htmlParsed == 0)
        #expect(rerun.pages.unchanged == 3)
    }

    @Test func aRunTakesSeveralInputs() throws {
        let corpus = try TestCorpus()
        defer { corpus.cleanUp() }
        let runner = PipelineRunner(configuration: PipelineConfiguration(), inputs: [corpus.input, Self.fixture], outputRoot: corpus.output)
        let report = try runner.run()
        #expect(report.pages.seen == 6 + 3)
        #expect(report.inputs?.map(\.kind) == [.folder, .warc])
        // Folder pages keep the ids they have in a run of the folder alone.
        #expect(FileManager.default.fileExists(atPath: corpus.layout.article(PageLocation.id(forRelativePath: "wordpress-repost.html")).path))
        let stored = try FileManager.default.contentsOfDirectory(atPath: corpus.layout.fetched.path).filter { $0.hasSuffix(".html") }
        #expect(stored.count == 3)

        // The WARC dropped from the inputs: its pages are deleted, articles and stored bodies alike.
        let folderOnly = try PipelineRunner(configuration: PipelineConfiguration(), inputs: [corpus.input], outputRoot: corpus.output).run()
        #expect(folderOnly.pages.deleted == 3)
        #expect(folderOnly.pages.unchanged == 6)
        #expect(folderOnly.htmlParsed == 0)
        #expect(corpus.layout.ids(in: corpus.layout.articles).count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: corpus.layout.fetched.path).filter { $0.hasSuffix(".html") }.isEmpty)
    }
}
