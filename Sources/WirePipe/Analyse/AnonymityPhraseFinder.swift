/// Finds the phrases that mark a source as anonymous ("speaking on condition of anonymity", "who asked not
/// to be named"), matching the word list `anonymity-phrases.txt` word by word, case-insensitively.
struct AnonymityPhraseFinder {
    let lists: WordLists

    func phrases(in text: AnalysisText) -> [Sourcing.Phrase] {
        let byFirstWord = lists.anonymityPhrasesByFirstWord

        var result: [Sourcing.Phrase] = []
        for paragraph in text.paragraphs {
            let words = paragraph.tokens.filter { $0.kind == .word }
            var k = 0
            while k < words.count {
                var matched = 0
                if let candidates = byFirstWord[words[k].lower] {
                    for phrase in candidates where k + phrase.count <= words.count {
                        if (0..<phrase.count).allSatisfy({ words[k + $0].lower == phrase[$0] }) {
                            let start = words[k].start, end = words[k + phrase.count - 1].end
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
