import Foundation
import Testing
@testable import WirePipe

@Suite struct StopWordsTests {
    @Test func listsAreBundledPerLanguage() {
        for language in ["en", "de", "fr", "es", "it", "pt", "nl", "ru"] {
            #expect((StopWords.lists[language]?.count ?? 0) > 40, "\(language)")
        }
        #expect(StopWords.contains("the", language: "en"))
        #expect(StopWords.contains("und", language: "de"))
        #expect(!StopWords.contains("und", language: "en"))
        #expect(!StopWords.contains("ukraine", language: "en"))
    }

    @Test func parseSkipsCommentsAndFoldsApostrophes() {
        let words = StopWords.parse("# a comment\n\nDon\u{2019}t\n  we  \n")
        #expect(words == ["don't", "we"])
    }
}
