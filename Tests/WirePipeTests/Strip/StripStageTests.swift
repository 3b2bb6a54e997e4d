import Foundation
import Testing
@testable import WirePipe

@Suite struct StripStageTests {
    @Test(arguments: Fixtures.seedPages)
    func seedPageKeepsEveryArticleParagraph(_ name: String) throws {
        let article = try Fixtures.stripped(name)
        let text = article.blocks.map { TextFolding.foldWhitespace(TextFolding.nfc($0.text)) }.joined(separator: "\n\n")
        for paragraph in try Fixtures.seedParagraphs() {
            #expect(text.contains(paragraph), "\(name) lacks: \(paragraph.prefix(60))")
        }
    }

    @Test(arguments: Fixtures.seedPages)
    func seedPageDropsTheChrome(_ name: String) throws {
        let article = try Fixtures.stripped(name)
        let text = article.blocks.map(\.text).joined(separator: "\n\n")
        for chrome in try Fixtures.expected().story.text_must_not_contain_everywhere {
            #expect(!text.contains(chrome), "\(name) keeps chrome: \(chrome)")
        }
    }

    @Test(arguments: Fixtures.seedPages)
    func seedPageTextStartsWithTheDateline(_ name: String) throws {
        let article = try Fixtures.stripped(name)
        let first = try #require(article.blocks.first).text
        #expect(first.hasPrefix(try Fixtures.expected().story.text_first_words))
    }

    @Test(arguments: Fixtures.seedPages)
    func seedPageMetadata(_ name: String) throws {
        let expected = try Fixtures.expected()
        let metadata = try Fixtures.stripped(name).metadata
        #expect(metadata.title == expected.story.title)
        #expect(metadata.published?.hasPrefix(expected.story.published) == true)
        #expect(metadata.titleSource != nil && metadata.publishedSource != nil)
        if let site = expected.pages[name]?.site_name { #expect(metadata.siteName == site) }
        if let authors = expected.pages[name]?.authors { #expect(metadata.authors == authors) }
    }

    @Test func keepsTheHeadingOfTheArticle() throws {
        let article = try Fixtures.stripped("wordpress-repost.html")
        #expect(article.blocks.contains(TextBlock(kind: .heading, text: "MILITARY TARGETS")))
        // The title repeated as the page's <h1> is not part of the text.
        #expect(!article.blocks.contains { $0.kind == .heading && $0.text.hasPrefix("Exclusive") })
    }

    @Test func windows1252CopyKeepsCurlyQuotes() throws {
        let text = try Fixtures.stripped("aggregator-copy-cp1252.html").blocks.map(\.text).joined(separator: " ")
        #expect(text.contains("\u{201C}So far we\u{2019}ve been on the same page about thresholds,\u{201D} the official said."))
        #expect(!text.contains("\""))
    }

    @Test func extractsAnAPStoryFromAHearstPage() throws {
        let article = try Fixtures.stripped("pages/ctpost-deval-patrick.html.gz")
        #expect(article.blocks.first?.text.hasPrefix("COLUMBIA, S.C. (AP)") == true)
        #expect(article.metadata.published?.hasPrefix("2019-11-") == true)
        #expect(article.blocks.count >= 10)
    }
}

@Suite struct ContentExtractorTests {
    func extract(_ html: String) throws -> [TextBlock] {
        let tree = try HTMLDocument.parse(Array(html.utf8), encoding: "UTF-8")
        return ContentExtractor(settings: StripSettings()).extract(from: tree, title: nil)
    }

    static let prose = [
        "The council voted on Tuesday to approve the new budget after a long debate that lasted well into the night.",
        "Opponents said the plan would raise taxes for families, while supporters argued it was overdue and necessary.",
        "The mayor is expected to sign the measure next week, according to a spokeswoman for the city government.",
    ]

    @Test func dropsNavigationListsAndKeepsProse() throws {
        let html = """
            <html><body><ul class="x"><li><a href="/a">World</a></li><li><a href="/b">Business</a></li><li><a href="/c">Sport news today</a></li></ul>
            <div><p>\(Self.prose[0])</p><p>\(Self.prose[1])</p><p>\(Self.prose[2])</p></div>
            <div><a href="/1">Another story about something else entirely</a><br><a href="/2">And one more about a different topic</a></div>
            </body></html>
            """
        let blocks = try extract(html).map(\.text)
        #expect(blocks == Self.prose)
    }

    @Test func splitsParagraphsAtLineBreaks() throws {
        let html = "<html><body><div>\(Self.prose[0])<br><br>\(Self.prose[1])<br>\(Self.prose[2])</div></body></html>"
        #expect(try extract(html).map(\.text) == Self.prose)
    }

    @Test func hiddenScriptsAndFormsNeverAppear() throws {
        let html = """
            <html><body><div><p>\(Self.prose[0])</p><script>var secret = "script text";</script>
            <p style="display: none">Hidden text that readers never see on the page at all.</p>
            <p>\(Self.prose[1])</p><button>Click the button now</button></div></body></html>
            """
        let text = try extract(html).map(\.text).joined(separator: " ")
        #expect(!text.contains("script text"))
        #expect(!text.contains("Hidden text"))
        #expect(!text.contains("Click the button"))
        #expect(text.contains(Self.prose[1]))
    }

    @Test func commentsBesideTheArticleAreLeftOut() throws {
        let comments = (1...3).map { "<div class=\"comment\"><p>Comment number \($0) says this is a truly terrible idea and nobody wanted it.</p></div>" }
        let html = """
            <html><body><div id="col"><div class="story"><p>\(Self.prose[0])</p><p>\(Self.prose[1])</p><p>\(Self.prose[2])</p>
            <p>\(Self.prose[0])</p></div><div id="comments">\(comments.joined())</div></div></body></html>
            """
        let text = try extract(html).map(\.text).joined(separator: " ")
        #expect(text.contains(Self.prose[2]))
        #expect(!text.contains("Comment number"))
    }

    @Test func worksWithoutEnglishWords() throws {
        let russian = "Совет директоров одобрил новый бюджет во вторник после долгих споров, которые продолжались до поздней ночи."
        let html = """
            <html><body><nav><a href="/">Главная</a> <a href="/n">Новости</a></nav><article><p>\(russian)</p><p>\(russian)</p></article>
            <footer><a href="/about">О нас</a></footer></body></html>
            """
        #expect(try extract(html).map(\.text) == [russian, russian])
    }
}

@Suite struct DateNormaliserTests {
    @Test func readsTheFormatsPagesUse() {
        #expect(DateNormaliser.iso("2022-05-26T18:42:07+00:00") == "2022-05-26T18:42:07+00:00")
        #expect(DateNormaliser.iso("2022-05-26T18:42:07Z") == "2022-05-26T18:42:07+00:00")
        #expect(DateNormaliser.iso("2022-05-26T18:42:07.123-0400") == "2022-05-26T18:42:07-04:00")
        #expect(DateNormaliser.iso("2022-05-26") == "2022-05-26")
        #expect(DateNormaliser.iso("20220526") == "2022-05-26")
        #expect(DateNormaliser.iso("Thu May 26, 2022 2:42pm EDT") == "2022-05-26")
        #expect(DateNormaliser.iso("Thu, 26 May 2022 18:42:07 GMT") == "2022-05-26")
        #expect(DateNormaliser.iso("September 3, 2019") == "2019-09-03")
        #expect(DateNormaliser.fromURL("https://x.example/2022/05/26/story/") == "2022-05-26")
    }

    @Test func rejectsWhatIsNotADate() {
        #expect(DateNormaliser.iso("newsdesk") == nil)
        #expect(DateNormaliser.iso("2022-13-40") == nil)
        #expect(DateNormaliser.iso("") == nil)
        #expect(DateNormaliser.fromURL("https://x.example/2022/story") == nil)
    }
}
