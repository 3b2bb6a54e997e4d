import Foundation
import Testing
@testable import WirePipe

@Suite struct MinHashTests {
    let minHash = MinHash(shingleSize: 5, hashes: 128)

    func words(_ text: String) -> [String] { TermCounter().count(text, language: "en").words }

    /// FNV-1a's published test vectors: the hash must be the specified function, not a seeded one.
    @Test func wordHashIsFNV1a() {
        #expect(MinHash.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(MinHash.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(MinHash.fnv1a("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test func signaturesDependOnlyOnTheWords() {
        let text = words("The quick brown fox jumps over the lazy dog while the farmer watches from the gate.")
        #expect(minHash.signature(words: text) == MinHash(shingleSize: 5, hashes: 128).signature(words: text))
        #expect(minHash.signature(words: text).count == 128)
        #expect(minHash.signature(words: text) != minHash.signature(words: Array(text.reversed())))
    }

    @Test func similarityTracksShingleOverlap() throws {
        let paragraphs = try Fixtures.seedParagraphs()
        #expect(paragraphs.count > 10)
        let story = words(paragraphs.joined(separator: "\n\n"))
        let cut = words(paragraphs.dropLast(2).joined(separator: "\n\n"))
        let signature = minHash.signature(words: story)
        #expect(MinHash.similarity(signature, signature) == 1)
        // A copy with the last two paragraphs cut keeps most shingles.
        #expect(MinHash.similarity(signature, minHash.signature(words: cut)) > 0.75)
        // Word order matters: the same words shuffled share almost no five-word shingle.
        var generator = SplitMix(seed: 7)
        let shuffled = minHash.signature(words: story.shuffled(using: &generator))
        #expect(MinHash.similarity(signature, shuffled) < 0.1)
    }
}
