import Foundation
import Testing
@testable import WirePipe

@Suite struct AnalyseStageTests {
    @Test(arguments: Fixtures.seedPages)
    func seedDatelineCreditsAndLanguage(_ name: String) throws {
        let expected = try Fixtures.expected().story
        let article = try Fixtures.article(name)
        let dateline = try #require(article.dateline)
        #expect(dateline.location == expected.dateline.location)
        #expect(dateline.date == expected.dateline.date)
        #expect(dateline.agency == expected.dateline.agency)
        #expect(article.credits?["reporting"] == expected.credits["reporting"])
        #expect(article.credits?["editing"] == expected.credits["editing"])
        #expect(article.language == expected.language)
    }

    @Test(arguments: Fixtures.seedPages)
    func seedMetrics(_ name: String) throws {
        let article = try Fixtures.article(name)
        let paragraphs = try Fixtures.seedParagraphs()
        // Every story paragraph, without the credit line (it moved to `credits`) and nothing of the chrome.
        #expect(article.metrics.paragraphs == paragraphs.count)
        #expect(!article.text.contains("Reporting by"))
        #expect(article.creditLine?.hasPrefix("Reporting by Phil Stewart") == true)
        let expectedWords = paragraphs.reduce(0) { $0 + Tokenizer().wordCount(in: $1) }
        #expect(article.metrics.words >= expectedWords && article.metrics.words <= expectedWords + 20)
        #expect(article.metrics.sentences >= paragraphs.count)
        #expect(article.text.hasPrefix("WASHINGTON, May 26 (Reuters) \u{2013} As the United States"))
        #expect(article.text.components(separatedBy: "\n\n").count == article.metrics.paragraphs)
    }

    @Test func koreanPageIsDetectedAsKorean() throws {
        let article = try Fixtures.article("pages/entermedia-ko.html.gz")
        #expect(article.language == "ko")
        #expect(article.metrics.words > 100)
        // The English rules do not run; the document says so.
        #expect(article.flags.contains(ArticleAnalyser.englishOnlyFlag))
        #expect(article.quotes.isEmpty && article.entities.isEmpty && article.readability == nil)
    }

    @Test func englishArticleGetsTheAnalysis() throws {
        let article = try Fixtures.article("pages/ctpost-deval-patrick.html.gz")
        #expect(!article.flags.contains(ArticleAnalyser.englishOnlyFlag))
        #expect(article.quotes.contains { $0.speaker == "Deval Patrick" })
        #expect(article.entities.contains { $0.name == "Deval Patrick" && $0.type == .person })
        #expect(article.readability != nil)
        #expect(!article.keyphrases.isEmpty)
    }

    @Test func apStoryHasItsDateline() throws {
        let article = try Fixtures.article("pages/ctpost-deval-patrick.html.gz")
        #expect(article.dateline?.location == "COLUMBIA, S.C.")
        #expect(article.dateline?.agency == "AP")
        #expect(article.language == "en")
    }
}
