/// Keyphrases of one document by RAKE (Rose et al., 2010, "Automatic keyword extraction from individual
/// documents"): candidate phrases are the runs of words between stop words and punctuation; a word scores
/// its degree (co-occurrences within candidates, itself included) over its frequency; a phrase scores the
/// sum of its words. Needs no corpus, so every article is scored on its own.
struct KeyphraseExtractor {
    let lists: WordLists
    /// Longest candidate phrase, in words: longer runs are lists, not phrases.
    static let maxPhraseWords = 4

    func keyphrases(in text: AnalysisText, count: Int) -> [Keyphrase] {
        // Words are numbered once (`Token.wordID`), so phrases are arrays of integers: cheap to hash and count.
        let words = text.lowerWords
        var frequency = [Int](repeating: 0, count: words.count)
        var degree = [Int](repeating: 0, count: words.count)
        // A phrase (at most four word numbers) packed into two integers: a key that needs no array of its own.
        var occurrences: [PhraseKey: Int] = [:]
        occurrences.reserveCapacity(words.count)
        var current: [Int32] = []
        for paragraph in text.paragraphs {
            func flush() {
                if !current.isEmpty, current.count <= Self.maxPhraseWords {
                    for id in current {
                        frequency[Int(id)] += 1
                        degree[Int(id)] += current.count
                    }
                    occurrences[PhraseKey(current), default: 0] += 1
                }
                current.removeAll(keepingCapacity: true)
            }
            let tokens = paragraph.tokens
            for k in tokens.indices {
                if tokens[k].kind == .possessive { continue }
                guard tokens[k].kind == .word, !tokens[k].is(.stopWord), tokens[k].end - tokens[k].start > 1 || tokens[k].lower.utf8.count > 1,
                      !tokens[k].lower.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E }) else {
                    flush()
                    continue
                }
                current.append(tokens[k].wordID)
            }
            flush()
        }
        // Phrases seen once that are single words say little: prefer repeated or multi-word phrases.
        // Only phrases scoring at least the count-th best score can be kept: the names (for the tie order) are
        // built for those alone.
        let scored = occurrences.compactMap { phrase, seen -> (phrase: PhraseKey, score: Double)? in
            guard seen > 1 || phrase.count > 1 else { return nil }
            var score = 0.0
            phrase.forEachWord { id in score += Double(degree[Int(id)]) / Double(frequency[Int(id)]) }
            return (phrase, score)
        }
        var cutoff = -Double.infinity
        if count > 0, scored.count > count {
            cutoff = scored.map(\.score).sorted(by: >)[count - 1]
        }
        var ranked: [(key: String, value: Double)] = []
        for candidate in scored where candidate.score >= cutoff {
            let key = candidate.phrase.words.map { words[Int($0)] }.joined(separator: " ")
            ranked.append((key: key, value: candidate.score))
        }
        ranked.sort { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return ranked.prefix(count).map { Keyphrase(phrase: $0.key, score: ($0.value * 100).rounded() / 100) }
    }
}

/// Up to `KeyphraseExtractor.maxPhraseWords` (four) word numbers, each kept in 32 bits.
private struct PhraseKey: Hashable {
    var low: UInt64
    var high: UInt64

    init(_ words: [Int32]) {
        precondition(words.count <= 4, "a phrase has at most four words")
        // Numbers are stored plus one, so that 0 marks an absent word.
        func part(_ k: Int) -> UInt64 { k < words.count ? UInt64(UInt32(bitPattern: words[k])) + 1 : 0 }
        low = part(0) | part(1) << 32
        high = part(2) | part(3) << 32
    }

    /// How many words the phrase has.
    var count: Int {
        var count = 0
        forEachWord { _ in count += 1 }
        return count
    }

    /// The word numbers, first to last.
    var words: [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(4)
        forEachWord { result.append($0) }
        return result
    }

    @inline(__always)
    func forEachWord(_ body: (Int32) -> Void) {
        for k in 0..<4 {
            let part = ((k < 2 ? low : high) >> UInt64(k % 2 * 32)) & 0xFFFF_FFFF
            guard part != 0 else { return }  // absent words come last
            body(Int32(bitPattern: UInt32(part - 1)))
        }
    }
}
