/// Finds speech cues in a paragraph ("X said", "said X", "X told Reuters", "according to X") and the noun
/// phrase of the one who speaks, working on tokens outside quotation marks.
///
/// The speaker is the subject before the verb ("the second US official said"), skipping adverbs and
/// auxiliaries ("has also said") and, across commas, an apposition or relative clause ("Crow, who visited
/// Ukraine, said"); or, when nothing stands before the verb but a quotation or a comma, the phrase after it
/// ("…,” said Crow, an Army Ranger veteran"); or the phrase after "according to".
struct SpeechCueFinder {
    struct Cue {
        /// Token index of the speech verb (of "according" for "according to").
        var verb: Int
        /// The verb as written ("said", "according to").
        var verbText: String
        /// Token indices of the speaker's phrase.
        var phrase: Range<Int>
    }

    let lists: WordLists

    /// Words that may stand between a subject and its speech verb.
    private static let skippable: Set<String> = [
        "also", "later", "then", "previously", "once", "again", "further", "has", "have", "had", "would", "will",
        "did", "does", "do", "has", "earlier", "recently", "repeatedly", "frequently", "often", "still", "even",
        "reportedly", "separately", "privately", "publicly", "simply", "flatly", "only", "just", "first",
    ]
    /// Words that end a speaker's phrase.
    private static let phraseStops: Set<String> = [
        "that", "which", "who", "whom", "whose", "but", "as", "when", "while", "if", "because", "since", "so",
        "than", "then", "where", "after", "before", "although", "though", "or", "nor", "to", "in", "on", "at",
        "for", "with", "by", "from", "about", "into", "over", "under", "during", "is", "was", "were", "are", "be",
        "been", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did",
        "do", "does", "not", "also", "and", "adding", "noting", "this", "last", "it's", "there", "here", "what",
        "how", "why", "until", "without", "against", "like", "per", "via", "once", "said", "says", "say",
    ]
    /// Prepositions allowed inside a speaker's phrase after a describing noun ("a spokesman for the ministry").
    private static let innerPrepositions: Set<String> = ["for", "at", "with", "in", "from", "of"]
    /// Verbs that never invert ("told Reuters" names the listener) or that are mostly plural nouns.
    private static let subjectOnly: Set<String> = [
        "told", "tell", "tells", "ask", "asks", "asked", "remarks", "comments", "reports", "claims", "notes",
        "posts", "states", "demands", "promises", "tweets", "counters", "continues", "describes", "report",
        "comment", "claim", "note", "post", "state", "demand", "promise", "tweet", "counter", "continue",
        "describe", "saying", "adding", "noting", "explaining", "warning", "arguing", "writing", "telling",
        "acknowledging", "confirm", "deny", "agree", "stress", "caution", "warn", "say", "add", "write",
    ]

    func cues(in paragraph: AnalysisText.Paragraph, quoted: [Bool]) -> [Cue] {
        let tokens = paragraph.tokens
        var result: [Cue] = []
        // By index, reading the fields in place: most tokens are skipped without copying them.
        for index in tokens.indices where tokens[index].kind == .word && !quoted[index] && !tokens[index].isCapitalised
            && (tokens[index].is(.speechVerb) || tokens[index].lower == "according") {
            let token = tokens[index]
            if token.lower == "according", index + 1 < tokens.count, tokens[index + 1].lower == "to" {
                let phrase = forwardPhrase(tokens, quoted, from: index + 2)
                if !phrase.isEmpty, isSpeakerPhrase(tokens, phrase) {
                    result.append(Cue(verb: index, verbText: "according to", phrase: phrase))
                }
                continue
            }
            guard token.is(.speechVerb) else { continue }
            if let phrase = subjectPhrase(tokens, quoted, verb: index), isSpeakerPhrase(tokens, phrase) {
                result.append(Cue(verb: index, verbText: token.text, phrase: phrase))
                continue
            }
            // "Omar asked for compassion, saying …": a participle's speaker is the one named first in its sentence.
            if token.lower.hasSuffix("ing"), index > 0, tokens[index - 1].isPunctuation(","),
               let phrase = firstNameInSentence(tokens, quoted, before: index) {
                result.append(Cue(verb: index, verbText: token.text, phrase: phrase))
                continue
            }
            // Inversion: nothing but a quotation or a comma stands before the verb.
            guard !Self.subjectOnly.contains(token.lower), index > 0 else { continue }
            let before = tokens[index - 1]
            let afterQuote = quoted[index - 1] || before.kind == .quoteMark
                || (before.isPunctuation(",") && index > 1 && (quoted[index - 2] || tokens[index - 2].kind == .quoteMark))
            guard afterQuote || before.isPunctuation(",") else { continue }
            var phrase = forwardPhrase(tokens, quoted, from: index + 1)
            // "said another witness in the probe, former adviser Fiona Hill": the name in the apposition.
            if !phrase.isEmpty, !phrase.contains(where: { tokens[$0].isCapitalised }), phrase.upperBound + 1 < tokens.count,
               tokens[phrase.upperBound].isPunctuation(",") {
                let apposition = forwardPhrase(tokens, quoted, from: phrase.upperBound + 1)
                if apposition.contains(where: { tokens[$0].isCapitalised }) { phrase = phrase.lowerBound..<apposition.upperBound }
            }
            if !phrase.isEmpty, isSpeakerPhrase(tokens, phrase) {
                result.append(Cue(verb: index, verbText: token.text, phrase: phrase))
            }
        }
        return result
    }

    // MARK: - Phrases

    private func isPhraseWord(_ token: AnalysisText.Token) -> Bool {
        guard token.kind == .word else { return false }
        // A capitalised word inside a sentence is a name even when it is spelt like a stop word ("Will Moy").
        if token.isCapitalised && !token.startsSentence { return true }
        return !Self.phraseStops.contains(token.lower) && !token.is(.speechVerb)
    }

    private func isDotOfAbbreviation(_ tokens: [AnalysisText.Token], _ index: Int) -> Bool {
        guard tokens[index].isPunctuation("."), index > 0 else { return false }
        let previous = tokens[index - 1]
        return previous.kind == .word && previous.end == tokens[index].start
            && (previous.text.unicodeScalars.count == 1 || AnalysisText.abbreviations.contains(previous.lower))
    }

    /// The subject before the verb at `verb`, or nil when there is none.
    private func subjectPhrase(_ tokens: [AnalysisText.Token], _ quoted: [Bool], verb: Int) -> Range<Int>? {
        var p = verb - 1
        while p >= 0, tokens[p].kind == .word, !quoted[p], !tokens[p].isCapitalised,
              Self.skippable.contains(tokens[p].lower) || (tokens[p].lower.hasSuffix("ly") && tokens[p].lower.count > 4) {
            p -= 1
        }
        var hops = 0
        while true {
            let end = p
            var count = 0
            while p >= 0, !quoted[p], count < 10 {
                let t = tokens[p]
                if isPhraseWord(t) || t.kind == .possessive || isDotOfAbbreviation(tokens, p) {
                    p -= 1; count += 1; continue
                }
                // "a spokesman for the ministry", "US and diplomatic officials"
                if t.kind == .word, p > 0, p < end {
                    let before = tokens[p - 1]
                    if Self.innerPrepositions.contains(t.lower), before.kind == .word,
                       before.is(.sourceNoun) || before.is(.title) || t.lower == "of" {
                        p -= 1; count += 1; continue
                    }
                    if t.lower == "and", before.kind == .word, before.isCapitalised || before.isAllCaps, end - p <= 3 {
                        p -= 1; count += 1; continue
                    }
                }
                break
            }
            if p < end {
                var start = p + 1
                while start <= end, tokens[start].kind != .word || tokens[start].lower == "of" { start += 1 }
                return start <= end ? start..<(end + 1) : nil
            }
            // Nothing before the verb but a comma: jump over an apposition or relative clause, twice at most.
            guard hops < 2, p >= 0, tokens[p].isPunctuation(","), !quoted[p] else { return nil }
            var q = p - 1
            while q >= 0, !quoted[q], !tokens[q].isPunctuation(","), !isSentenceEnd(tokens, q) { q -= 1 }
            guard q >= 0, tokens[q].isPunctuation(","), !quoted[q], q < p - 1 else { return nil }
            p = q - 1
            hops += 1
        }
    }

    /// The first run of capitalised words (a name) in the sentence before `index`, outside quotations.
    private func firstNameInSentence(_ tokens: [AnalysisText.Token], _ quoted: [Bool], before index: Int) -> Range<Int>? {
        var start = index - 1
        while start > 0, !isSentenceEnd(tokens, start - 1), !quoted[start - 1] { start -= 1 }
        var k = start
        while k < index {
            let t = tokens[k]
            if t.kind == .word, t.isCapitalised, !quoted[k], !(t.startsSentence && t.is(.stopWord)) {
                var end = k + 1
                while end < index, tokens[end].kind == .word, tokens[end].isCapitalised { end += 1 }
                return k..<end
            }
            k += 1
        }
        return nil
    }

    private func isSentenceEnd(_ tokens: [AnalysisText.Token], _ index: Int) -> Bool {
        let t = tokens[index]
        guard t.kind == .punctuation else { return false }
        if t.isPunctuation("!") || t.isPunctuation("?") || t.isPunctuation(";") || t.isPunctuation(":") { return true }
        // A period ends the sentence only when a sentence starts after it ("R-Neb., called" goes on).
        guard t.isPunctuation("."), !isDotOfAbbreviation(tokens, index) else { return false }
        return index + 1 >= tokens.count || tokens[index + 1].startsSentence || tokens[index + 1].kind == .quoteMark
    }

    /// The phrase after a verb or "according to": up to a comma, a stop word or the end of the clause.
    private func forwardPhrase(_ tokens: [AnalysisText.Token], _ quoted: [Bool], from start: Int) -> Range<Int> {
        var p = start
        while p < tokens.count, !quoted[p], p - start < 10 {
            let t = tokens[p]
            if isPhraseWord(t) && !t.is(.calendarWord) { p += 1; continue }
            if t.kind == .possessive || isDotOfAbbreviation(tokens, p) { p += 1; continue }
            if t.kind == .word, Self.innerPrepositions.contains(t.lower), p > start, p + 1 < tokens.count,
               tokens[p - 1].kind == .word, tokens[p - 1].is(.sourceNoun) || tokens[p - 1].is(.title) || t.lower == "of" {
                p += 1; continue
            }
            break
        }
        while p > start, tokens[p - 1].kind != .word { p -= 1 }
        return start..<p
    }

    /// A phrase can name a speaker: a pronoun, a capitalised name, or a noun for people or organisations.
    func isSpeakerPhrase(_ tokens: [AnalysisText.Token], _ phrase: Range<Int>) -> Bool {
        if phrase.count == 1, SpeakerResolver.pronouns.contains(tokens[phrase.lowerBound].lower) { return true }
        for index in phrase where tokens[index].kind == .word {
            let t = tokens[index]
            if t.isCapitalised && !(t.startsSentence && t.is(.stopWord)) && !t.is(.calendarWord) { return true }
            if t.is(.sourceNoun) || t.is(.personNoun) || t.is(.title)
                || t.is(.organisationWord) { return true }
        }
        return false
    }
}
