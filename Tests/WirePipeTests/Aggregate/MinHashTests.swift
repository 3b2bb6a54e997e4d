import Foundation
import Testing
@testable import WirePipe

@Suite struct MinHashTests {
    let minHash = MinHash(shingleSize: 5, hashes: 128)

    func words(_ text: String) -> [UInt64] { TermCounter().count(text, language: "en").wordHashes }

    /// The signature as defined: for each hash function (its seed the mixed 1-based index), the smallest high
    /// half of the mixed shingle hash, one function at a time. The signature loop, four functions at a time
    /// with a remainder, must give exactly this (signatures are stored and compared across runs).
    @Test(arguments: [128, 7, 3, 1]) func signatureIsTheMinimumOfEachHashFunction(hashes: Int) throws {
        let text = try words(Fixtures.seedParagraphs().joined(separator: " "))
        for wordHashes in [text, Array(text.prefix(3)), [], Array(text.prefix(40))] {
            let shingleSize = 5
            var shingles: [UInt64] = []
            for start in 0..<max(1, wordHashes.count - shingleSize + 1) {
                var h: UInt64 = 0x51_7CC1_B727_220A
                for k in start..<min(start + shingleSize, wordHashes.count) { h = MinHash.mix(h ^ wordHashes[k]) }
                shingles.append(h)
            }
            let expected = (0..<hashes).map { i in
                let seed = MinHash.mix(UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15)
                return shingles.map { UInt32(truncatingIfNeeded: MinHash.mix($0 ^ seed) >> 32) }.min()!
            }
            #expect(MinHash(shingleSize: shingleSize, hashes: hashes).signature(wordHashes: wordHashes) == expected)
        }
    }

    /// FNV-1a's published test vectors: the hash must be the specified function, not a seeded one.
    @Test func wordHashIsFNV1a() {
        #expect(MinHash.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(MinHash.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(MinHash.fnv1a("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test func signaturesDependOnlyOnTheWords() {
        let text = words("The quick brown fox jumps over the lazy dog while the farmer watches from the gate.")
        #expect(minHash.signature(wordHashes: text) == MinHash(shingleSize: 5, hashes: 128).signature(wordHashes: text))
        #expect(minHash.signature(wordHashes: text).count == 128)
        #expect(minHash.signature(wordHashes: text) != minHash.signature(wordHashes: Array(text.reversed())))
    }

    @Test func similarityTracksShingleOverlap() throws {
        let paragraphs = try Fixtures.seedParagraphs()
        #expect(paragraphs.count > 10)
        let story = words(paragraphs.joined(separator: "\n\n"))
        let cut = words(paragraphs.dropLast(2).joined(separator: "\n\n"))
        let signature = minHash.signature(wordHashes: story)
        #expect(MinHash.similarity(signature, signature) == 1)
        // A copy with the last two paragraphs cut keeps most shingles.
        #expect(MinHash.similarity(signature, minHash.signature(wordHashes: cut)) > 0.75)
        // Word order matters: the same words shuffled share almost no five-word shingle.
        var generator = SplitMix(seed: 7)
        let shuffled = minHash.signature(wordHashes: story.shuffled(using: &generator))
        #expect(MinHash.similarity(signature, shuffled) < 0.1)
    }

    /// The term counter's byte-level path for ASCII words counts and hashes what the token-by-token path
    /// (`Token.text`, `lowercased`, `candidate`, stop words) gives, in English (possessives) and elsewhere.
    @Test(arguments: ["en", "de"]) func termCounterMatchesTheTokenPath(language: String) throws {
        let text = try Fixtures.seedParagraphs().joined(separator: "\n\n")
            + " Ukraine's ALLIES' U.S. F-16 3.5 1,000 don’t O'S 's Straße ÉCOLE naïve 東京 x's a's 'S"
            // Spellings again, in other cases: each distinct spelling is worked out once and its repeats looked up.
            + " école École ÉCOLE Straße STRASSE ukraine's UKRAINE'S Ukraine The THE the x's X'S 東京 don't DON’T"
        var words: [String] = []
        var terms: [String: Int] = [:]
        let stopWords = StopWords.lists[language] ?? []
        for token in Tokenizer().tokens(in: text) where token.isWord {
            let word = token.text.lowercased()
            words.append(word)
            if let term = TermCounter.candidate(word, language: language), !stopWords.contains(term) { terms[term, default: 0] += 1 }
        }
        let counted = TermCounter().count(text, language: language)
        #expect(counted.wordHashes == words.map(MinHash.fnv1a))
        #expect(counted.terms == terms)
        #expect(terms.count > 100)
    }
}
