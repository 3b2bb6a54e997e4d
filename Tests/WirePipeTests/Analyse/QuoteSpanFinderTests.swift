import Foundation
import Testing
@testable import WirePipe

@Suite struct QuoteSpanFinderTests {
    private func spans(_ text: String) -> [String] {
        let paragraph = AnalysisText(paragraphs: [text], title: nil).paragraphs[0]
        return QuoteSpanFinder().spans(in: paragraph).map { paragraph.string($0.inner) }
    }

    @Test func curlyStraightAndGuillemets() {
        #expect(spans("“One,” he said, “two.”") == ["One,", "two."])
        #expect(spans("\"One,\" he said, \"two.\"") == ["One,", "two."])
        #expect(spans("Il a dit « bonjour » hier.") == ["bonjour"])
        #expect(spans("Er sagte „Guten Tag“ und ging.") == ["Guten Tag"])
    }

    @Test func singleQuotesNestInsideAndApostrophesAreIgnored() {
        #expect(spans("“She said ‘no’ and left,” he recalled. It’s over.") == ["She said ‘no’ and left,"])
    }

    @Test func unclosedQuotationRunsToTheParagraphEnd() {
        #expect(spans("“The first thing we did was call home.") == ["The first thing we did was call home."])
    }
}
