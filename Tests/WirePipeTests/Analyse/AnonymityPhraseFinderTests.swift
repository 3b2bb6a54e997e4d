import Foundation
import Testing
@testable import WirePipe

@Suite struct AnonymityPhraseFinderTests {
    @Test(arguments: Fixtures.seedPages)
    func seedHasItsAnonymityPhrases(_ name: String) throws {
        let expected = try Fixtures.expected().story
        let article = try Fixtures.article(name)
        let sourcing = try #require(article.sourcing)
        #expect(sourcing.anonymityPhrases.count >= expected.anonymous_sourcing_phrases_at_least)
        #expect(sourcing.unnamedAttributions.contains { $0.text == "a diplomatic source said" })
        // Three of the eight quotations rest on unnamed US officials.
        #expect(sourcing.anonymousQuoteShare == 0.375)
    }

    @Test func phrasesAreFoundCaseInsensitivelyWithOffsets() throws {
        let paragraphs = [
            "The plan is on hold, said two people familiar with the talks, who asked not to be named.",
            "Speaking on condition of anonymity, a diplomat said the vote was delayed.",
        ]
        let text = AnalysisText(paragraphs: paragraphs, title: nil)
        let phrases = AnonymityPhraseFinder(lists: try AnalysisFixtures.lists()).phrases(in: text)
        #expect(phrases.map(\.text) == ["who asked not to be named", "on condition of anonymity"])
        let joined = Array(paragraphs.joined(separator: "\n\n").unicodeScalars)
        for phrase in phrases {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: joined[phrase.start..<phrase.end])
            #expect(String(view) == phrase.text)
        }
    }

    @Test func unnamedSourcesAreCounted() throws {
        let sourcing = try #require(try AnalysisFixtures.analyse([
            "The agency will cut 300 jobs, officials said on Monday.",
            "Mayor Karen Bass said the cuts were painful.",
        ]).sourcing)
        #expect(sourcing.unnamedAttributions.map(\.text) == ["officials said"])
        #expect(sourcing.anonymityPhrases.isEmpty)
    }
}
