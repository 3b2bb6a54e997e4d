import Foundation
import Testing
@testable import WirePipe

/// The quality floor: extraction on nine carried benchmark pages must not fall more than the tolerance below
/// the F1 pinned in Fixtures/benchmark/pinned-f1.json (scored like ../shared/tools/extract_eval.py).
@Suite struct ExtractionQualityTests {
    struct Truth: Decodable {
        struct Page: Decodable {
            var url: String
            var articleBody: String
        }
        var pages: [String: Page]
    }
    struct Pins: Decodable {
        var tolerance: Double
        var f1: [String: Double]
    }

    static let pins: Pins = try! JSONDecoder().decode(Pins.self, from: Data(contentsOf: Fixtures.url("benchmark/pinned-f1.json")))
    static let truth: Truth = try! JSONDecoder().decode(Truth.self, from: Data(contentsOf: Fixtures.url("benchmark/ground-truth.json")))

    /// Word 4-gram shingles with counts; words are runs of letters, digits and underscores.
    static func shingles(_ text: String) -> [[String]: Int] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" || scalar.properties.generalCategory == .nonspacingMark {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var result: [[String]: Int] = [:]
        if words.isEmpty { return result }
        if words.count < 4 { return [words: 1] }
        for i in 0...(words.count - 4) { result[Array(words[i..<(i + 4)]), default: 0] += 1 }
        return result
    }

    static func f1(truth: String, predicted: String) -> Double {
        let t = shingles(truth), p = shingles(predicted)
        let tp = t.reduce(0) { $0 + min($1.value, p[$1.key] ?? 0) }
        let precision = p.isEmpty ? 0 : Double(tp) / Double(p.values.reduce(0, +))
        let recall = t.isEmpty ? 0 : Double(tp) / Double(t.values.reduce(0, +))
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    @Test(arguments: pins.f1.keys.sorted())
    func pageStaysAboveItsPinnedF1(_ key: String) throws {
        let article = try Fixtures.stripped("benchmark/\(key).html.gz")
        let text = article.blocks.map(\.text).joined(separator: "\n\n")
        let truth = try #require(Self.truth.pages[key]).articleBody
        let score = Self.f1(truth: truth, predicted: text)
        let pinned = try #require(Self.pins.f1[key])
        #expect(score >= pinned - Self.pins.tolerance, "\(key): F1 \(score) fell below the pinned \(pinned)")
    }

    @Test func shinglesCountLikeTheEvaluator() {
        #expect(Self.f1(truth: "one two three four five", predicted: "one two three four five") == 1)
        #expect(Self.f1(truth: "one two three four five", predicted: "six seven eight nine") == 0)
        // 2 true shingles, 7 predicted: P 2/7, R 1, F1 4/9.
        let diluted = Self.f1(truth: "a b c d e", predicted: "a b c d e x y z w v")
        #expect(abs(diluted - 4.0 / 9.0) < 1e-9)
    }
}

@Suite struct CommentsAndFlagsTests {
    @Test func readerCommentsAreKeptApartFromTheText() throws {
        let article = try Fixtures.stripped("aggregator-copy-cp1252.html")
        #expect(article.comments.count == 3)
        #expect(article.comments.contains { $0.hasPrefix("HIMARS would change everything") })
        let text = article.blocks.map(\.text).joined(separator: " ")
        for comment in article.comments { #expect(!text.contains(comment)) }
    }

    @Test func theCommentFormIsNeitherTextNorComment() throws {
        let article = try Fixtures.stripped("wordpress-repost.html")
        #expect(article.comments.isEmpty)
        #expect(!article.blocks.contains { $0.text.contains("Your email address will not be published") })
    }

    func strip(_ html: String) throws -> StrippedArticle {
        let page = try FetchStage(settings: FetchSettings()).decode(Array(html.utf8), id: "t", path: "t.html", sha256: "", compressed: false)
        return try StripStage(settings: StripSettings()).process(page)
    }

    @Test func indexPagesShortAndEmptyPagesAreFlagged() throws {
        let links = (1...30).map { "<li><a href=\"/story/\($0)\">Headline number \($0) of the day in the news</a></li>" }.joined()
        let index = try strip("<html><head><link rel=canonical href=\"https://news.example/tag/ukraine/\"></head><body><ul>\(links)</ul><p>Stories tagged Ukraine, newest first, from our newsroom and the wires.</p></body></html>")
        #expect(index.flags.contains("not-an-article"))
        // By the URL alone, in other languages too: a topic page with an introduction is still an index.
        let prose = "<p>Die Stadt baut neue Radwege entlang der großen Straßen, und der Rat hat dafür mehr Geld freigegeben als je zuvor.</p>"
        for url in ["https://zeitung.example/thema/radwege/", "https://journal.example/rubrique/velo/", "https://diario.example/etiqueta/bicis/"] {
            let topic = try strip("<html><head><link rel=canonical href=\"\(url)\"></head><body>\(prose)</body></html>")
            #expect(topic.flags.contains("not-an-article"), "\(url)")
        }
        let story = try strip("<html><head><link rel=canonical href=\"https://zeitung.example/politik/radwege-123.html\"></head><body>\(prose)</body></html>")
        #expect(!story.flags.contains("not-an-article"))
        let short = try strip("<html><body><p>The council approved the budget on Tuesday after a short debate.</p></body></html>")
        #expect(short.flags.contains("very-short"))
        #expect(!short.flags.contains("not-an-article"))
        let empty = try strip("<html><body><nav><a href=/>Home</a></nav></body></html>")
        #expect(empty.flags.contains("empty"))
        let seed = try Fixtures.stripped("wordpress-repost.html")
        #expect(seed.flags.isEmpty)
    }

    @Test func teaserEndingInAnEllipsisIsSuspectedTruncation() throws {
        let body = String(repeating: "The council voted on Tuesday to approve the new budget after a long debate. ", count: 12)
        let article = try strip("<html><body><article><p>\(body)</p><p>Subscribers can read the rest of the story, which goes on to say that the mayor…</p></article></body></html>")
        #expect(article.flags.contains("suspected-truncation"))
    }
}

@Suite struct MetadataExtractorTests {
    func metadata(_ head: String, _ body: String = "") throws -> ArticleMetadata {
        MetadataExtractor().extract(from: try HTMLDocument.parse(Array("<html><head>\(head)</head><body>\(body)</body></html>".utf8), encoding: "UTF-8"))
    }

    @Test func modifiedSectionAndTagsComeFromTheirMetaTags() throws {
        let m = try metadata("""
            <meta property="article:published_time" content="2022-05-26T18:42:07Z">
            <meta property="article:modified_time" content="2022-05-27T08:00:00+02:00">
            <meta property="article:section" content="World">
            <meta property="article:tag" content="Ukraine"><meta property="article:tag" content="Russia"><meta property="article:tag" content="ukraine">
            """)
        #expect(m.published == "2022-05-26T18:42:07+00:00" && m.publishedSource == "article:published_time")
        #expect(m.modified == "2022-05-27T08:00:00+02:00" && m.modifiedSource == "article:modified_time")
        #expect(m.section == "World")
        #expect(m.tags == ["Ukraine", "Russia"])
    }

    @Test func bylinesLoseRolesPromptsAndOrganisations() {
        #expect(MetadataExtractor.splitNames("By Jane Doe, Senior Writer | Email the author") == ["Jane Doe"])
        #expect(MetadataExtractor.splitNames("By MEG KINNARD and ERRIN HAINES, Associated Press") == ["MEG KINNARD", "ERRIN HAINES"])
        #expect(MetadataExtractor.splitNames("Phil Stewart, Idrees Ali") == ["Phil Stewart", "Idrees Ali"])
        #expect(MetadataExtractor.splitNames("von Anna Müller und Jonas Weber") == ["Anna Müller", "Jonas Weber"])
    }

    @Test func aFuturePublicationDateIsRejected() throws {
        let m = try metadata(#"<meta property="article:published_time" content="2999-01-01T00:00:00Z">"#)
        #expect(m.published == nil)
    }

    @Test func theHeadlineH1IsPreferredOverTheLogoH1() throws {
        let m = try metadata("<title>Council approves budget after long debate - City Times</title>",
                             "<h1 class=\"site-logo\">City Times</h1><h1>Council approves budget after long debate</h1>")
        #expect(m.title == "Council approves budget after long debate")
        #expect(m.titleSource == "h1")
        #expect(m.siteName == "City Times")
    }
}
