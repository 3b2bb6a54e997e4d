/// Flesch reading ease, Flesch-Kincaid grade level and reading time of English text.
///
/// Syllables are counted by rule (groups of vowels, a final silent "e" dropped, "-le" after a consonant
/// kept, at least one per word), as is usual when no pronouncing dictionary is at hand; the formulas are
/// Flesch (1948) and Kincaid et al. (1975).
struct ReadabilityScorer {
    func score(words: [String], sentences: Int, wordsPerMinute: Double) -> Readability? {
        score(wordCount: words.count, syllables: words.reduce(0) { $0 + Self.syllables($1) }, sentences: sentences,
              wordsPerMinute: wordsPerMinute)
    }

    /// The scores of an article's words, each of its distinct lowercase words counted once: the syllables of
    /// `AnalysisText.lowerWords[id]` times how often the paragraphs use the word.
    func score(_ text: AnalysisText, sentences: Int, wordsPerMinute: Double) -> Readability? {
        var uses = [Int](repeating: 0, count: text.lowerWords.count)
        var wordCount = 0
        for paragraph in text.paragraphs {
            let tokens = paragraph.tokens
            for k in tokens.indices where tokens[k].kind == .word {
                uses[Int(tokens[k].wordID)] += 1
                wordCount += 1
            }
        }
        var syllables = 0
        for (id, count) in uses.enumerated() where count > 0 { syllables += count * Self.syllables(text.lowerWords[id]) }
        return score(wordCount: wordCount, syllables: syllables, sentences: sentences, wordsPerMinute: wordsPerMinute)
    }

    private func score(wordCount: Int, syllables: Int, sentences: Int, wordsPerMinute: Double) -> Readability? {
        guard wordCount > 0, sentences > 0 else { return nil }
        let wordsPerSentence = Double(wordCount) / Double(sentences)
        let syllablesPerWord = Double(syllables) / Double(wordCount)
        let ease = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
        let grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
        func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }
        return Readability(fleschReadingEase: round(ease), fleschKincaidGrade: round(grade),
                           readingTimeMinutes: round(Double(wordCount) / wordsPerMinute))
    }

    /// Syllables of one lowercase word. Works on the UTF-8 bytes: letters outside ASCII count as consonants,
    /// which is right for the English text this is used on.
    static func syllables(_ word: String) -> Int {
        var count = 0
        var previousVowel = false
        var letters = 0
        var last: UInt8 = 0, beforeLast: UInt8 = 0, beforeBeforeLast: UInt8 = 0
        for byte in word.utf8 {
            let isLetter = (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
            guard isLetter else { continue }
            letters += 1
            let vowel = isVowel(byte)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
            (beforeBeforeLast, beforeLast, last) = (beforeLast, last, byte)
        }
        guard letters > 0 else { return 0 }
        if letters > 2, last == 0x65, !isVowel(beforeLast) {
            // "make" has one syllable, "table" two.
            if !(beforeLast == 0x6C && letters > 3 && !isVowel(beforeBeforeLast)) { count -= 1 }
        }
        return max(count, 1)
    }

    @inline(__always)
    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79
    }
}
