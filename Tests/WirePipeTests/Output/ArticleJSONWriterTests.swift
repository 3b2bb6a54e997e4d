import Foundation
import Testing
@testable import WirePipe

/// `ArticleJSONWriter` must write exactly the bytes `SortedJSONEncoder` writes for an article (articles are
/// compared byte for byte between runs, and a field it forgot or misplaced would change them).
@Suite struct ArticleJSONWriterTests {
    static let pages = Fixtures.seedPages + [
        "pages/ctpost-deval-patrick.html.gz", "pages/entermedia-ko.html.gz", "multilingual/fr-tramway.html",
        "multilingual/ja-sakura.html", "multilingual/ar-kitab.html", "multilingual/ru-metro.html",
    ]

    func expectSameBytes(_ document: ArticleDocument, _ name: String) throws {
        for pretty in [false, true] {
            let expected = try SortedJSONEncoder(prettyPrinted: pretty).encode(document)
            let written = Data(try ArticleJSONWriter.bytes(of: document, pretty: pretty))
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(name), pretty: \(pretty)")
        }
    }

    @Test(arguments: pages) func writesWhatSortedJSONEncoderWritesForRealArticles(name: String) throws {
        var article = try Fixtures.article(name)
        article.versions = Pipeline.versions
        try expectSameBytes(article, name)
    }

    @Test func writesWhatSortedJSONEncoderWritesForTheSampleCorpus() throws {
        for document in SampleArticles.corpus() { try expectSameBytes(document, document.id) }
    }

    /// Every optional field set (and, in the second document, every one unset), with text that needs escaping,
    /// non-ASCII, and map keys whose byte order differs from their order as written.
    @Test func writesWhatSortedJSONEncoderWritesForEveryField() throws {
        let awkward = "quotes \" and \\ and / slashes, controls \u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}\u{1F}\u{7F}, "
            + "Kyiv’s “quotes” — é, ß, 日本語, 🇺🇦, line\u{2028}separator"
        var full = ArticleDocument(
            id: "full", status: .ok,
            source: PageSource(path: "a/b c.html", sha256: String(repeating: "ab", count: 32), bytes: 12_345, encoding: "windows-1252",
                               encodingSource: "meta", compressed: true, url: "https://example.com/a/b?c=d&e=\"f\"",
                               date: "2024-06-03T09:00:00Z", recordID: "<urn:uuid:1234>"),
            url: "https://example.com/story", title: awkward, titleSource: "og:title", siteName: "Site “Name”",
            siteNameSource: "og:site_name", authors: ["Anna Berg", "Zoë \"Z\" Ng"], authorsSource: "meta", published: "2024-06-03",
            publishedSource: "json-ld", language: "en", languageSource: "text", description: awkward, text: awkward + "\n\n" + awkward,
            dateline: .init(location: "KYIV", date: "June 3", agency: "Reuters"),
            credits: ["reporting": ["Anna Berg"], "editing": [], "additional_reporting": ["B", "A"], "Z": ["z"], "é": ["e"], "_": []],
            creditLine: "(Reporting by Anna Berg; editing by nobody)",
            metrics: .init(words: 0, sentences: 1, paragraphs: 10, characters: Int.max), flags: ["b", "a", awkward],
            versions: ["strip": "6", "fetch": "3", "aggregate": "2", "Analyse": "x"])
        full.modified = "2024-06-04"
        full.modifiedSource = "meta"
        full.section = "World"
        full.tags = ["war", "peace"]
        full.comments = [awkward, ""]
        full.quotes = [
            Quotation(text: awkward, kind: .direct, speaker: "Anna Berg", speakerMention: "she", cue: "said", anonymous: false,
                      group: 0, paragraph: 2, start: 10, end: 95),
            Quotation(text: "scare", kind: .scare, speaker: nil, speakerMention: nil, cue: nil, anonymous: true, group: -1,
                      paragraph: 0, start: 0, end: 5),
        ]
        full.entities = [
            NamedEntity(name: "Joe Biden", type: .person, title: "President", count: 3,
                        mentions: [.init(text: "Biden", paragraph: 0, start: 1, end: 6), .init(text: awkward, paragraph: 1, start: 0, end: 0)]),
            NamedEntity(name: "Kyiv", type: .place, title: nil, count: 1, mentions: []),
        ]
        full.sourcing = Sourcing(
            anonymityPhrases: [.init(text: "on condition of anonymity", paragraph: 3, start: 4, end: 29)],
            unnamedAttributions: [], anonymousQuoteShare: 0.333)
        full.keyphrases = [.init(phrase: "a", score: 9), .init(phrase: "b", score: 3.5), .init(phrase: "c", score: 0.1),
                           .init(phrase: "d", score: 1e-7), .init(phrase: "e", score: 1e21), .init(phrase: "f", score: -0.0)]
        full.readability = Readability(fleschReadingEase: -12.25, fleschKincaidGrade: 100, readingTimeMinutes: 0.5)
        try expectSameBytes(full, "every field set")

        var bare = full
        bare.source = PageSource(path: "p.html", sha256: "0", bytes: 0, encoding: "utf-8", encodingSource: "utf8-valid", compressed: false)
        bare.status = .empty
        (bare.url, bare.title, bare.titleSource, bare.siteName, bare.siteNameSource) = (nil, nil, nil, nil, nil)
        (bare.authorsSource, bare.published, bare.publishedSource, bare.modified, bare.modifiedSource) = (nil, nil, nil, nil, nil)
        (bare.section, bare.description, bare.credits, bare.creditLine) = (nil, nil, nil, nil)
        (bare.authors, bare.tags, bare.comments, bare.flags) = ([], [], [], [])
        (bare.quotes, bare.entities, bare.keyphrases, bare.versions) = ([], [], [], [:])
        (bare.dateline, bare.sourcing, bare.readability) = (.init(location: "", date: nil, agency: nil), nil, nil)
        bare.text = ""
        try expectSameBytes(bare, "every field unset")
        bare.credits = [:]
        bare.dateline = nil
        try expectSameBytes(bare, "empty credits, no dateline")
    }

    @Test func rejectsNonFiniteScoresAsTheEncoderDoes() {
        var document = SampleArticles.corpus()[0]
        document.keyphrases = [.init(phrase: "x", score: .nan)]
        #expect(throws: EncodingError.self) { try ArticleJSONWriter.bytes(of: document, pretty: true) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder(prettyPrinted: true).encode(document) }
    }
}
