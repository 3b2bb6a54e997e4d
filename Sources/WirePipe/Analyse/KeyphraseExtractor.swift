/// Keyphrases of one document by RAKE (Rose et al., 2010, "Automatic keyword extraction from individual
/// documents"): candidate phrases are the runs of words between stop words and punctuation; a word scores
/// its degree (co-occurrences within candidates, itself included) over its frequency; a phrase scores the
/// sum of its words. Needs no corpus, so every article is scored on its own.
struct KeyphraseExtractor {
    let lists: WordLists
    /// Longest candidate phrase, in words: longer runs are lists, not phrases.
    static let maxPhraseWords = 4

    func keyphrases(in text: AnalysisText, count: Int) -> [Keyphrase] {
        // Words are numbered once, so phrases are arrays of integers: cheap to hash and count.
        var ids: [String: Int] = [:]
        var words: [String] = []
        var frequency: [Int] = []
        var degree: [Int] = []
        var occurrences: [[Int]: Int] = [:]
        for paragraph in text.paragraphs {
            var current: [Int] = []
            func flush() {
                if !current.isEmpty, current.count <= Self.maxPhraseWords {
                    for id in current {
                        frequency[id] += 1
                        degree[id] += current.count
                    }
                    occurrences[current, default: 0] += 1
                }
                current.removeAll(keepingCapacity: true)
            }
            for token in paragraph.tokens {
                if token.kind == .possessive { continue }
                let isNumber = token.lower.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E }
                guard token.kind == .word, !isNumber, token.lower.utf8.count > 1, !lists.stopWords.contains(token.lower) else {
                    flush()
                    continue
                }
                if let id = ids[token.lower] {
                    current.append(id)
                } else {
                    ids[token.lower] = words.count
                    current.append(words.count)
                    words.append(token.lower)
                    frequency.append(0)
                    degree.append(0)
                }
            }
            flush()
        }
        // Phrases seen once that are single words say little: prefer repeated or multi-word phrases.
        let ranked = occurrences.compactMap { phrase, seen -> (key: String, value: Double)? in
            guard seen > 1 || phrase.count > 1 else { return nil }
            let score = phrase.reduce(0) { $0 + Double(degree[$1]) / Double(frequency[$1]) }
            return (phrase.map { words[$0] }.joined(separator: " "), score)
        }
        .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return ranked.prefix(count).map { Keyphrase(phrase: $0.key, score: ($0.value * 100).rounded() / 100) }
    }
}
