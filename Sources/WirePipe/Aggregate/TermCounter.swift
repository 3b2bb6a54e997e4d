/// Turns an article's text into the words the statistics count: every word token in match form and
/// lowercase (for shingles, where function words matter), and the terms among them (for rankings: at least
/// two characters, at least one letter, not a stop word of the article's language).
struct TermCounter: Sendable {
    private let tokenizer = Tokenizer()

    struct Counted {
        /// Every word of the text, in order.
        var words: [String]
        /// Term → occurrences in this text.
        var terms: [String: Int]
    }

    func count(_ text: String, language: String) -> Counted {
        var words: [String] = []
        var terms: [String: Int] = [:]
        // Looked up once per article rather than per word.
        let stopWords = StopWords.lists[language] ?? []
        for token in tokenizer.tokens(in: text) where token.isWord {
            let word = token.text.lowercased()
            words.append(word)
            if let term = Self.candidate(word, language: language), !stopWords.contains(term) { terms[term, default: 0] += 1 }
        }
        return Counted(words: words, terms: terms)
    }

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
