import Foundation
import Testing
@testable import WirePipe

/// The binary stored form of the strip and normalise outputs (`StoredForm`): what is written reads back
/// equal, outputs stored as JSON by earlier versions still read, and damaged bodies fail with an error.
@Suite struct StoredFormTests {
    static func source(optionals: Bool) -> PageSource {
        PageSource(
            path: "news/ü-story.html", sha256: String(repeating: "ab", count: 32), bytes: 123_456, encoding: "windows-1252",
            encodingSource: "meta", compressed: true, url: optionals ? "https://example.com/a?b=1" : nil,
            date: optionals ? "2024-05-01T10:00:00Z" : nil, recordID: optionals ? "<urn:uuid:1234>" : nil)
    }

    static func metadata(optionals: Bool) -> ArticleMetadata {
        var metadata = ArticleMetadata()
        guard optionals else { return metadata }
        metadata.title = "Ein Titel — „zitiert“"
        metadata.titleSource = "og:title"
        metadata.siteName = "Example"
        metadata.siteNameSource = "og:site_name"
        metadata.authors = ["Jane Doe", "李明"]
        metadata.authorsSource = "json-ld:author"
        metadata.published = "2024-05-01"
        metadata.publishedSource = "time"
        metadata.modified = "2024-05-02T08:00:00+02:00"
        metadata.modifiedSource = "article:modified_time"
        metadata.section = "World"
        metadata.tags = ["a", "", "c d"]
        metadata.url = "https://example.com/a"
        metadata.declaredLanguage = "de"
        metadata.description = String(repeating: "long ", count: 100)
        return metadata
    }

    static let allKinds: [BlockKind] = [.paragraph, .heading, .listItem, .quote, .preformatted, .tableCell]

    static func stripped(optionals: Bool) -> StrippedArticle {
        StrippedArticle(
            id: "abc123", source: source(optionals: optionals), metadata: metadata(optionals: optionals),
            blocks: allKinds.enumerated().map { TextBlock(kind: $1, text: "Block \($0): émoji 🎉 and\ttabs") } + [TextBlock(kind: .paragraph, text: "")],
            comments: optionals ? ["first", "second"] : [], flags: optionals ? ["very-short", "not-an-article"] : [])
    }

    static func normalised(optionals: Bool) -> NormalisedArticle {
        NormalisedArticle(
            id: "abc123", source: source(optionals: optionals), metadata: metadata(optionals: optionals),
            paragraphs: allKinds.map { NormalisedParagraph(kind: $0, text: "One. Two three.", sentences: [0..<4, 5..<15], words: 3) }
                + [NormalisedParagraph(kind: .quote, text: "x", sentences: [], words: 0)],
            comments: optionals ? ["c"] : [], flags: optionals ? ["f"] : [])
    }

    func roundTrip<T: StoredFormCodable>(_ value: T, stage: StageName) throws -> T {
        let body = StoredForm.encode(value, stage: stage, version: "9", fingerprint: "fp")
        #expect(body.first == 0, "binary, not JSON")
        return try StoredForm.decode(T.self, from: body)
    }

    @Test(arguments: [true, false]) func strippedOutputsReadBackEqual(optionals: Bool) throws {
        let value = Self.stripped(optionals: optionals)
        #expect(try roundTrip(value, stage: .strip) == value)
    }

    @Test(arguments: [true, false]) func normalisedOutputsReadBackEqual(optionals: Bool) throws {
        let value = Self.normalised(optionals: optionals)
        #expect(try roundTrip(value, stage: .normalise) == value)
    }

    /// The stored form lists each field by hand: a field added to one of these types must be added there too
    /// (and `StoredForm.formatVersion` raised), which this count makes impossible to miss.
    @Test func everyFieldOfTheStoredTypesIsCounted() {
        #expect(Mirror(reflecting: Self.source(optionals: true)).children.count == 9)
        #expect(Mirror(reflecting: Self.metadata(optionals: true)).children.count == 15)
        #expect(Mirror(reflecting: TextBlock(kind: .paragraph, text: "")).children.count == 2)
        #expect(Mirror(reflecting: Self.stripped(optionals: true)).children.count == 6)
        #expect(Mirror(reflecting: NormalisedParagraph(kind: .paragraph, text: "", sentences: [], words: 0)).children.count == 4)
        #expect(Mirror(reflecting: Self.normalised(optionals: true)).children.count == 6)
        for kind in Self.allKinds { #expect(BlockKind(code: kind.code) == kind) }
    }

    /// Outputs that an earlier version stored as JSON are read as they are.
    @Test func jsonOutputsOfEarlierVersionsStillRead() throws {
        let stripped = Self.stripped(optionals: true)
        let json = try JSONEncoder().encode(StoredStageOutput(stage: .strip, version: "5", fingerprint: "fp", output: stripped))
        #expect(try StoredForm.decode(StrippedArticle.self, from: json) == stripped)
        let normalised = Self.normalised(optionals: true)
        let json2 = try JSONEncoder().encode(StoredStageOutput(stage: .normalise, version: "2", fingerprint: "fp", output: normalised))
        #expect(try StoredForm.decode(NormalisedArticle.self, from: json2) == normalised)
    }

    /// Damaged or foreign bodies fail with an error at every length, never crash or read past the end.
    @Test func damagedBodiesFailWithAnError() throws {
        let body = StoredForm.encode(Self.stripped(optionals: true), stage: .strip, version: "5", fingerprint: "fp")
        for length in 0..<body.count {
            #expect(throws: (any Error).self) { try StoredForm.decode(StrippedArticle.self, from: body.prefix(length)) }
        }
        var otherFormat = body
        otherFormat[3] = StoredForm.formatVersion + 1
        #expect(throws: (any Error).self) { try StoredForm.decode(StrippedArticle.self, from: otherFormat) }
        #expect(throws: (any Error).self) { try StoredForm.decode(StrippedArticle.self, from: body + [0]) }
        #expect(throws: (any Error).self) { try StoredForm.decode(StrippedArticle.self, from: Data("garbage".utf8)) }
    }

    @Test func integersOfEverySizeReadBack() throws {
        var writer = StoredFormWriter()
        let values = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int.max, Int.min, 1 << 40]
        for value in values { writer.write(value) }
        let read = try writer.bytes.withUnsafeBytes { raw throws(StoredForm.Failure) -> [Int] in
            var reader = StoredFormReader(raw)
            var read: [Int] = []
            for _ in values { read.append(try reader.int()) }
            guard reader.isAtEnd else { throw StoredForm.Failure(description: "bytes left") }
            return read
        }
        #expect(read == values)
    }
}
