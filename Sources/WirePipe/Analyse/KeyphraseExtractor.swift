/// Keyphrases of one document by RAKE (Rose et al., 2010, "Automatic keyword extraction from individual
/// documents"): candidate phrases are the runs of words between stop words and punctuation; a word scores
/// its degree (co-occurrences within candidates, itself included) over its frequency; a phrase scores the
/// sum of its words. Needs no corpus, so every article is scored on its own.
struct KeyphraseExtractor {
    let lists: WordLists
    /// Longest candidate phrase, in words: longer runs are lists, not phrases.
    static let maxPhraseWords = 4

    func keyphrases(in text: AnalysisText, count: Int) -> [Keyphrase] {
        var phrases: [[String]] = []
        for paragraph in text.paragraphs {
            var current: [String] = []
            func flush() {
                if !current.isEmpty, current.count <= Self.maxPhraseWords { phrases.append(current) }
                current = []
            }
            for token in paragraph.tokens {
                let isNumber = token.lower.unicodeScalars.allSatisfy { ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "," || $0 == "." }
                if token.kind == .word, !lists.stopWords.contains(token.lower), !isNumber, token.lower.unicodeScalars.count > 1 {
                    current.append(token.lower)
                } else if token.kind == .possessive {
                    continue
                } else {
                    flush()
                }
            }
            flush()
        }
        var frequency: [String: Int] = [:]
        var degree: [String: Int] = [:]
        var occurrences: [String: (words: [String], count: Int)] = [:]
        for phrase in phrases {
            for word in phrase {
                frequency[word, default: 0] += 1
                degree[word, default: 0] += phrase.count
            }
            let key = phrase.joined(separator: " ")
            occurrences[key, default: (phrase, 0)].count += 1
        }
        // Phrases seen once that are single words say little: prefer repeated or multi-word phrases.
        let ranked = occurrences.compactMap { key, value -> (key: String, value: Double)? in
            guard value.count > 1 || value.words.count > 1 else { return nil }
            return (key, value.words.reduce(0) { $0 + Double(degree[$1]!) / Double(frequency[$1]!) })
        }
        .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return ranked.prefix(count).map { Keyphrase(phrase: $0.key, score: ($0.value * 100).rounded() / 100) }
    }
}
