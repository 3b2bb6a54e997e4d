/// Flesch reading ease, Flesch-Kincaid grade level and reading time of English text.
///
/// Syllables are counted by rule (groups of vowels, a final silent "e" dropped, "-le" after a consonant
/// kept, at least one per word), as is usual when no pronouncing dictionary is at hand; the formulas are
/// Flesch (1948) and Kincaid et al. (1975).
struct ReadabilityScorer {
    func score(words: [String], sentences: Int, wordsPerMinute: Double) -> Readability? {
        guard !words.isEmpty, sentences > 0 else { return nil }
        let syllables = words.reduce(0) { $0 + Self.syllables($1) }
        let wordsPerSentence = Double(words.count) / Double(sentences)
        let syllablesPerWord = Double(syllables) / Double(words.count)
        let ease = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
        let grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
        func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }
        return Readability(fleschReadingEase: round(ease), fleschKincaidGrade: round(grade),
                           readingTimeMinutes: round(Double(words.count) / wordsPerMinute))
    }

    /// Syllables of one lowercase word.
    static func syllables(_ word: String) -> Int {
        let letters = Array(word.unicodeScalars.filter { $0.properties.isAlphabetic })
        guard !letters.isEmpty else { return 0 }
        func isVowel(_ c: Unicode.Scalar) -> Bool { "aeiouy".unicodeScalars.contains(c) }
        var count = 0
        var previousVowel = false
        for c in letters {
            let vowel = isVowel(c)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        let n = letters.count
        if n > 2, letters[n - 1] == "e", !isVowel(letters[n - 2]) {
            // "make" has one syllable, "table" two.
            if !(letters[n - 2] == "l" && n > 3 && !isVowel(letters[n - 3])) { count -= 1 }
        }
        return max(count, 1)
    }
}
