import Foundation
import Testing
@testable import WirePipe

@Suite struct ReadabilityScorerTests {
    @Test(arguments: [("cat", 1), ("make", 1), ("table", 2), ("water", 2), ("escalation", 4), ("beautiful", 3), ("the", 1)])
    func syllables(_ word: String, _ count: Int) {
        #expect(ReadabilityScorer.syllables(word) == count)
    }

    @Test func simpleTextReadsEasierThanHardText() throws {
        let scorer = ReadabilityScorer()
        let easy = try #require(scorer.score(words: "the cat sat on the mat the dog ran to the park".split(separator: " ").map(String.init),
                                             sentences: 2, wordsPerMinute: 238))
        let hard = try #require(scorer.score(words: "international negotiations regarding comprehensive nuclear disarmament continued indefinitely".split(separator: " ").map(String.init),
                                             sentences: 1, wordsPerMinute: 238))
        #expect(easy.fleschReadingEase > 90)
        #expect(hard.fleschReadingEase < 0)
        #expect(easy.fleschKincaidGrade < hard.fleschKincaidGrade)
    }

    @Test func readingTimeFollowsTheSetting() throws {
        let words = [String](repeating: "word", count: 476)
        #expect(ReadabilityScorer().score(words: words, sentences: 20, wordsPerMinute: 238)?.readingTimeMinutes == 2)
        #expect(ReadabilityScorer().score(words: [], sentences: 0, wordsPerMinute: 238) == nil)
    }
}
