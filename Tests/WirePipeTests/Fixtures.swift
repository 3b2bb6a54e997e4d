import Foundation
@testable import WirePipe

/// The test fixtures, shared by every test: the seed pages, their expectations and sample pages.
enum Fixtures {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

    static let seedPages = ["wordpress-repost.html", "aggregator-copy-cp1252.html"]

    /// expected.json of the seed story.
    struct Expected: Decodable {
        struct Story: Decodable {
            struct Dateline: Decodable {
                var location: String
                var date: String
                var agency: String
            }
            var title: String
            var published: String
            var language: String
            var dateline: Dateline
            var credits: [String: [String]]
            var text_first_words: String
            var text_must_not_contain_everywhere: [String]
            struct Quote: Decodable {
                var starts: String
                var speaker_any_of: [String]
                var anonymous: Bool
            }
            var quotes: [Quote]
            var anonymous_sourcing_phrases_at_least: Int
            var entities_must_include: [String: [String]]
            var entity_case_variants: [String: Int]
        }
        struct Page: Decodable {
            var site_name: String?
            var encoding: String?
            var authors: [String]?
        }
        var story: Story
        var pages: [String: Page]
    }

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url("expected.json")))
    }

    /// The article paragraphs of the seed story (seed.txt from the dateline to "the second US official
    /// said.", without the promotion lines), NFC and whitespace folded.
    static func seedParagraphs() throws -> [String] {
        let lines = try String(contentsOf: url("seed.txt"), encoding: .utf8)
            .split(separator: "\n").map { TextFolding.foldWhitespace(TextFolding.nfc(String($0))) }.filter { !$0.isEmpty }
        guard let first = lines.firstIndex(where: { $0.hasPrefix("WASHINGTON, May 26") }),
              let last = lines.firstIndex(where: { $0.hasSuffix("the second US official said.") })
        else { return [] }
        return lines[first...last].filter { !$0.contains("Join now for FREE") }
    }

    /// A page run through fetch and strip.
    static func stripped(_ name: String) throws -> StrippedArticle {
        let location = PageLocation(root: folder, relativePath: name)
        let page = try FetchStage(settings: FetchSettings()).process(location)
        return try StripStage(settings: StripSettings()).process(page)
    }

    /// A page run through fetch, strip, normalise and analyse.
    static func article(_ name: String) throws -> ArticleDocument {
        try Pipeline(configuration: PipelineConfiguration()).article(from: PageLocation(root: folder, relativePath: name))
    }

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wirepipe-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
