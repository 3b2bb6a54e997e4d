/// Finds speech cues in a paragraph ("X said", "said X", "X told Reuters", "according to X") and the noun
/// phrase of the one who speaks, working on tokens outside quotation marks.
///
/// The speaker is the subject before the verb ("the second US official said"), skipping adverbs and
/// auxiliaries ("has also said") and, across commas, an apposition or relative clause ("Crow, who visited
/// Ukraine, said"); or, when nothing stands before the verb but a quotation or a comma, the phrase after it
/// ("…,” said Crow, an Army Ranger veteran"); or the phrase after "according to". Nouns that double as speech
/// verbs ("comments", "notes") are cues only right after a quotation ("…,” comments Johnston).
struct SpeechCueFinder {
    struct Cue {
        /// Token index of the speech verb (of "according" for "according to").
        var verb: Int
        /// The verb as written ("said", "according to").
        var verbText: String
        /// Token indices of the speaker's phrase.
        var phrase: Range<Int>
        /// The phrase with the appositions around it, up to the verb: "Cmdr. Sean Robertson, a spokesperson for
        /// Inherent Resolve, the US military operation in Syria, told". A name here is the speaker when the
        /// phrase itself names nobody.
        var chain: Range<Int>

        init(verb: Int, verbText: String, phrase: Range<Int>, chain: Range<Int>? = nil) {
            self.verb = verb
            self.verbText = verbText
            self.phrase = phrase
            self.chain = chain ?? phrase
        }
    }

    let lists: WordLists

    /// Words that may stand between a subject and its speech verb.
    private static let skippable: Set<String> = [
        "also", "later", "then", "previously", "once", "again", "further", "has", "have", "had", "would", "will",
        "did", "does", "do", "has", "earlier", "recently", "repeatedly", "frequently", "often", "still", "even",
        "reportedly", "separately", "privately", "publicly", "simply", "flatly", "only", "just", "first",
        "twice", "never", "since", "long", "all", "both", "now", "always", "usually", "sometimes", "instead",
    ]
    /// Nouns before a participle that speak for their subject ("issued a statement saying …").
    private static let documentNouns: Set<String> = [
        "statement", "letter", "post", "tweet", "release", "video", "message", "email", "report", "memo", "filing",
    ]
    /// Words that open an apposition describing the one named before it ("Crow, a veteran", "Hill, the adviser").
    private static let appositionOpeners: Set<String> = ["a", "an", "the", "another", "one", "its", "his", "her", "their"]
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
            && (tokens[index].is(.speechVerb) || tokens[index].lower == "according" || followsQuotation(tokens, quoted, index)) {
            let token = tokens[index]
            if token.lower == "according", index + 1 < tokens.count, tokens[index + 1].lower == "to" {
                let phrase = forwardPhrase(tokens, quoted, from: index + 2)
                if !phrase.isEmpty, isSpeakerPhrase(tokens, phrase) {
                    result.append(Cue(verb: index, verbText: "according to", phrase: phrase))
                }
                continue
            }
            guard token.is(.speechVerb) else {
                // "“…,” comments Johnston in a statement": a noun-like speech verb right after a quotation.
                if lists.invertedSpeechVerbs.contains(token.lower) {
                    let phrase = forwardPhrase(tokens, quoted, from: index + 1)
                    if !phrase.isEmpty, isSpeakerPhrase(tokens, phrase) {
                        result.append(Cue(verb: index, verbText: token.text, phrase: phrase))
                    }
                }
                continue
            }
            // "Omar asked for compassion, saying …", "the commission issued a statement warning …": a participle's
            // speaker is the one named first in its sentence; so is the speaker of a verb joined by "and" ("he
            // asked about …, called Omar a “terrorist” and said, “…”").
            let participle = token.lower.hasSuffix("ing") && index > 0
                && (tokens[index - 1].isPunctuation(",") || (tokens[index - 1].kind == .word && Self.documentNouns.contains(tokens[index - 1].lower)))
            if !participle, let phrase = subjectPhrase(tokens, quoted, verb: index) {
                // "The company that produces the show, Dick Clark Productions, said": the name may be in the chain.
                let chain = appositionChain(tokens, quoted, phrase: phrase, verb: index)
                if isSpeakerPhrase(tokens, phrase) || isSpeakerPhrase(tokens, chain) {
                    result.append(Cue(verb: index, verbText: token.text, phrase: phrase, chain: chain))
                    continue
                }
            }
            let coordinated = index > 0 && tokens[index - 1].kind == .word && tokens[index - 1].lower == "and"
            if participle || coordinated, let phrase = firstNameInSentence(tokens, quoted, before: index) {
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

    /// The word at `index` comes right after a closing quotation mark, or after one and a comma.
    private func followsQuotation(_ tokens: [AnalysisText.Token], _ quoted: [Bool], _ index: Int) -> Bool {
        guard index > 0 else { return false }
        if tokens[index - 1].kind == .quoteMark { return true }
        return index > 1 && tokens[index - 1].isPunctuation(",") && tokens[index - 2].kind == .quoteMark
    }

    /// The subject phrase widened to the appositions before it and up to the verb: while a comma stands before
    /// it and the stretch before that comma (back to the previous comma or the clause's start) is a noun phrase,
    /// two at most. A plural subject ("Biden, the officials said, …") takes no apposition.
    private func appositionChain(_ tokens: [AnalysisText.Token], _ quoted: [Bool], phrase: Range<Int>, verb: Int) -> Range<Int> {
        var start = phrase.lowerBound
        let head = tokens[phrase.upperBound - 1]
        if head.lower.hasSuffix("s"), head.is(.sourceNoun) || head.is(.personNoun) { return phrase.lowerBound..<verb }
        for _ in 0..<2 {
            let comma = start - 1
            guard comma > 0, tokens[comma].isPunctuation(","), !quoted[comma] else { break }
            var q = comma - 1
            while q >= 0, !quoted[q], tokens[q].kind != .quoteMark, !tokens[q].isPunctuation(","), !isSentenceEnd(tokens, q),
                  comma - q <= 12 {
                q -= 1
            }
            let segment = (q + 1)..<comma
            guard !segment.isEmpty, comma - q <= 12, isNounPhrase(tokens, segment) else { break }
            start = segment.lowerBound
            // The clause starts here: nothing further back belongs to the subject.
            if q < 0 || !tokens[q].isPunctuation(",") { break }
        }
        // "“…,” Dylan Nelson, a postdoctoral fellow at the Max Planck Institute in Munich, Germany, said": after a
        // quotation the whole clause up to the verb is the subject with its appositions, whatever separates them.
        var q = start - 1
        while q >= 0, start - q <= 30, !quoted[q], tokens[q].kind != .quoteMark, !isSentenceEnd(tokens, q),
              !(tokens[q].kind == .word && tokens[q].is(.speechVerb)) {
            q -= 1
        }
        if q >= 0, tokens[q].kind == .quoteMark || quoted[q] {
            var clause = q + 1
            while clause < start, tokens[clause].kind == .punctuation { clause += 1 }
            if clause < start, tokens[clause].kind == .word, tokens[clause].isCapitalised, !tokens[clause].is(.stopWord) { start = clause }
        }
        return start..<verb
    }

    /// A stretch that can stand as a name or an apposition: it opens with a name, a title, a determiner or a
    /// noun for people, and holds no speech verb or clause word.
    private func isNounPhrase(_ tokens: [AnalysisText.Token], _ range: Range<Int>) -> Bool {
        let first = tokens[range.lowerBound]
        guard first.kind == .word else { return false }
        let opens = (first.isCapitalised && !first.is(.stopWord)) || Self.appositionOpeners.contains(first.lower)
            || first.is(.title) || first.is(.sourceNoun) || first.is(.personNoun)
        guard opens else { return false }
        for k in range where tokens[k].kind == .word && !tokens[k].isCapitalised {
            if tokens[k].is(.speechVerb) || ["that", "which", "who", "when", "while", "if", "because"].contains(tokens[k].lower) { return false }
        }
        return true
    }

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
        // "In a post at the time she described …": a pronoun right before the verb is the whole subject.
        if p >= 0, !quoted[p], tokens[p].kind == .word, SpeakerResolver.pronouns.contains(tokens[p].lower) { return p..<(p + 1) }
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
                       before.is(.sourceNoun) || before.is(.title) || before.is(.personNoun) || t.lower == "of" {
                        p -= 1; count += 1; continue
                    }
                    if t.lower == "and", before.kind == .word, before.isCapitalised || before.isAllCaps, end - p <= 3 {
                        p -= 1; count += 1; continue
                    }
                    // "the singer and guitarist"
                    if t.lower == "and", before.kind == .word, before.is(.personNoun) || before.is(.title),
                       tokens[p + 1].is(.personNoun) || tokens[p + 1].is(.title) {
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

    /// The first run of capitalised words (a name), or the first "he", "she" or "they", in the sentence before
    /// `index`, outside quotations.
    private func firstNameInSentence(_ tokens: [AnalysisText.Token], _ quoted: [Bool], before index: Int) -> Range<Int>? {
        var start = index - 1
        while start > 0, quoted[start - 1] || !isSentenceEnd(tokens, start - 1) { start -= 1 }  // quotations inside the sentence are stepped over
        var k = start
        while k < index {
            let t = tokens[k]
            if t.kind == .word, !quoted[k], t.lower == "he" || t.lower == "she" || t.lower == "they" { return k..<(k + 1) }
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
               tokens[p - 1].kind == .word,
               tokens[p - 1].is(.sourceNoun) || tokens[p - 1].is(.title) || tokens[p - 1].is(.personNoun) || t.lower == "of" {
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
            // "the 56-year-old said"
            if t.lower.hasSuffix("year-old") { return true }
        }
        return false
    }
}
