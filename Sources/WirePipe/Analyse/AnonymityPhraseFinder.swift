/// Finds the phrases that mark a source as anonymous ("speaking on condition of anonymity", "who asked not
/// to be named"), matching the word list `anonymity-phrases.txt` word by word, case-insensitively.
struct AnonymityPhraseFinder {
    let lists: WordLists

    func phrases(in text: AnalysisText) -> [Sourcing.Phrase] {
        let byFirstWord = lists.anonymityPhrasesByFirstWord

        var result: [Sourcing.Phrase] = []
        for paragraph in text.paragraphs {
            let tokens = paragraph.tokens
            // Only a word that opens some phrase is looked up; the phrase is then matched on the word tokens
            // that follow (other tokens between them are skipped, as the phrases are lists of words).
            var words: [Int] = []
            for k in tokens.indices where tokens[k].kind == .word { words.append(k) }
            var k = 0
            while k < words.count {
                var matched = 0
                if tokens[words[k]].is(.anonymityStart), let candidates = byFirstWord[tokens[words[k]].lower] {
                    for phrase in candidates where k + phrase.count <= words.count {
                        if (0..<phrase.count).allSatisfy({ tokens[words[k + $0]].lower == phrase[$0] }) {
                            let start = tokens[words[k]].start, end = tokens[words[k + phrase.count - 1]].end
                            result.append(Sourcing.Phrase(text: paragraph.string(start..<end), paragraph: paragraph.index,
                                                          start: paragraph.offset + start, end: paragraph.offset + end))
                            matched = phrase.count
                            break
                        }
                    }
                }
                k += max(matched, 1)
            }
        }
        return result
    }
}
