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
        for token in tokenizer.tokens(in: text) where token.isWord {
            let word = token.text.lowercased()
            words.append(word)
            if let term = Self.term(word, language: language) { terms[term, default: 0] += 1 }
        }
        return Counted(words: words, terms: terms)
    }

    static func term(_ word: String, language: String) -> String? {
        var term = word
        // English possessives count with their noun ("Ukraine's" is Ukraine).
        if language == "en", term.hasSuffix("'s") { term.removeLast(2) }
        guard term.unicodeScalars.count >= 2, term.unicodeScalars.contains(where: \.properties.isAlphabetic) else { return nil }
        return StopWords.contains(term, language: language) ? nil : term
    }
}
