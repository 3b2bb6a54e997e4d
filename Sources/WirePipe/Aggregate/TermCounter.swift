/// Turns an article's text into the words the statistics count: every word token in match form and
/// lowercase (for shingles, where function words matter), and the terms among them (for rankings: at least
/// two characters, at least one letter, not a stop word of the article's language).
struct TermCounter: Sendable {
    private let tokenizer = Tokenizer()

    struct Counted {
        /// `MinHash.fnv1a` of every word of the text, in order (for shingles).
        var wordHashes: [UInt64]
        /// Term → occurrences in this text.
        var terms: [String: Int]
    }

    func count(_ text: String, language: String) -> Counted {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(text.utf8.count / 5)
        var terms: [String: Int] = [:]
        // About one distinct term in three words: room made once rather than by repeated doubling.
        terms.reserveCapacity(text.utf8.count / 16)
        // Looked up once per article rather than per word.
        let stopWords = StopWords.lists[language] ?? []
        let english = language == "en"
        tokenizer.forEachWord(in: text) { form in
            guard form.allSatisfy({ $0 < 0x80 }) else {
                let word = String(decoding: form, as: UTF8.self).lowercased()
                hashes.append(MinHash.fnv1a(word))
                if let term = Self.candidate(word, language: language), !stopWords.contains(term) { terms[term, default: 0] += 1 }
                return
            }
            // ASCII words, nearly all: lowercased, hashed and checked on the bytes, one string made for a term.
            // The same steps as above (`lowercased`, `candidate`) for text that has no other case or scalars.
            var hash = MinHash.fnvOffset
            var letter = false
            for byte in form {
                let lower = Self.lowerASCII(byte)
                hash = MinHash.fnvStep(hash, lower)
                if lower >= 0x61 && lower <= 0x7A { letter = true }
            }
            hashes.append(hash)
            var length = form.count
            if english, length >= 2, form[length - 2] == UInt8(ascii: "'"), Self.lowerASCII(form[length - 1]) == UInt8(ascii: "s") {
                length -= 2
                letter = form[..<length].contains { Self.lowerASCII($0) >= 0x61 && Self.lowerASCII($0) <= 0x7A }
            }
            guard length >= 2, letter else { return }
            let term = String(unsafeUninitializedCapacity: length) { buffer in
                for i in 0..<length { buffer[i] = Self.lowerASCII(form[i]) }
                return length
            }
            if !stopWords.contains(term) { terms[term, default: 0] += 1 }
        }
        return Counted(wordHashes: hashes, terms: terms)
    }

    @inline(__always)
    static func lowerASCII(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }

    /// The term a word counts as before the stop-word check, or nil when it cannot be a term.
    static func candidate(_ word: String, language: String) -> String? {
        var term = word
        // English possessives count with their noun ("Ukraine's" is Ukraine).
        if language == "en", term.utf8.count >= 2, term.utf8.suffix(2).elementsEqual("'s".utf8) { term.removeLast(2) }
        return hasTwoScalarsAndALetter(term) ? term : nil
    }

    /// Byte-level for ASCII words, the common case: this runs for every word of every article.
    static func hasTwoScalarsAndALetter(_ term: String) -> Bool {
        var ascii = true, letter = false
        for byte in term.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { letter = true }
        }
        if ascii { return term.utf8.count >= 2 && letter }
        return term.unicodeScalars.count >= 2 && term.unicodeScalars.contains(where: \.properties.isAlphabetic)
    }
}
