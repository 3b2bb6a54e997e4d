/// Extracts direct quotations with their speakers from English text.
///
/// For each pair of quotation marks (`QuoteSpanFinder`), in order of preference:
/// 1. a cue right after the closing mark: `“…,” the official said`, `“…,” said Crow`, `“…,” Lute told Reuters`;
/// 2. the nearest cue before the opening mark in the same sentence: `Lavrov warned that it would be “…”`,
///    `She said: “…”`;
/// 3. a cue later in the same sentence (`“…”, according to the ministry`).
/// The second part of a split quotation (`“…,” he said, “…”`) shares the first part's group and speaker.
/// A quotation with no cue of its own takes the speaker of the quotation or cue nearest before it in its
/// paragraph; a quotation that opens its paragraph continues the previous paragraph's speaker; one that runs
/// on into the next paragraph takes the speaker of its continuation. One- or two-word quotations and quoted
/// titles without a cue are scare quotes (`kind: scare`, no speaker).
struct QuotationExtractor {
    let lists: WordLists
    let settings: AnalyseSettings

    private let spanFinder = QuoteSpanFinder()

    struct Result {
        var quotes: [Quotation]
        /// Cues whose speaker is an unnamed source, for the sourcing summary.
        var unnamedAttributions: [Sourcing.Phrase]
    }

    func extract(_ text: AnalysisText, entities: [NamedEntity], anonymityOffsets: [Int: [Range<Int>]]) -> Result {
        var resolver = SpeakerResolver(lists: lists, entities: entities, text: text, lookBack: settings.speakerLookBackParagraphs)
        let cueFinder = SpeechCueFinder(lists: lists)
        var quotes: [Quotation] = []
        var unnamed: [Sourcing.Phrase] = []
        var speakers: [SpeakerResolver.Speaker?] = []
        var mentions: [String?] = []
        var group = -1
        /// Speaker of the last attributed quotation, and its paragraph.
        var lastQuoteSpeaker: (speaker: SpeakerResolver.Speaker, mention: String?, cue: String?, paragraph: Int)?
        /// Index in `quotes` of a quotation left open at the end of the previous paragraph with no speaker.
        var openWithoutSpeaker: [Int] = []

        for (position, paragraph) in text.paragraphs.enumerated() {
            let tokens = paragraph.tokens
            let nextOpensWithQuote = position + 1 < text.paragraphs.count
                && text.paragraphs[position + 1].tokens.first?.kind == .quoteMark
            let spans = spanFinder.spans(in: paragraph)
            var quoted = [Bool](repeating: false, count: tokens.count)
            for span in spans {
                for index in span.open...(span.close ?? tokens.count - 1) { quoted[index] = true }
            }
            resolver.setQuotations(spans.map { span in
                (paragraph.offset + tokens[span.open].start)..<(paragraph.offset + (span.close.map { tokens[$0].end } ?? paragraph.scalars.count))
            }, paragraph: paragraph.index)
            // Cues in text order, resolved as they come so pronouns see only what precedes them.
            let found = cueFinder.cues(in: paragraph, quoted: quoted)
            var cues: [(cue: SpeechCueFinder.Cue, speaker: SpeakerResolver.Speaker, mention: String)] = []
            for cue in found {
                guard let speaker = resolver.resolve(cue.phrase, chain: cue.chain, in: paragraph) else { continue }
                let words = resolver.lastMention ?? cue.phrase
                let mention = paragraph.string(tokens[words.lowerBound].start..<tokens[words.upperBound - 1].end)
                cues.append((cue, speaker, mention))
                if speaker.kind == .description, speaker.anonymous {
                    let lower = min(tokens[cue.phrase.lowerBound].start, tokens[cue.verb].start)
                    let upper = max(tokens[cue.phrase.upperBound - 1].end, tokens[cue.verb].end + (cue.verbText == "according to" ? 3 : 0))
                    unnamed.append(Sourcing.Phrase(text: paragraph.string(lower..<upper), paragraph: paragraph.index,
                                                   start: paragraph.offset + lower, end: paragraph.offset + upper))
                }
            }

            // Quotations left open last paragraph continue here when this paragraph opens with a quotation.
            let opensWithQuote = spans.first.map { $0.open == 0 } ?? false

            var previousInParagraph: (span: QuoteSpanFinder.Span, index: Int)?
            for span in spans {
                let wordCount = (span.open..<(span.close ?? tokens.count)).reduce(0) { $0 + (tokens[$1].kind == .word ? 1 : 0) }
                let innerText = paragraph.string(span.inner)
                let (cue, immediate) = attribution(for: span, tokens: tokens, quoted: quoted, cues: cues.map(\.cue))
                let kind = classify(span, tokens: tokens, wordCount: wordCount, hasCue: immediate)

                var speaker: SpeakerResolver.Speaker?
                var mention: String?
                var cueText: String?
                var sameGroup = false
                if kind != .scare {
                    if let previous = previousInParagraph, isSplit(previous.span, span, tokens: tokens, quoted: quoted, cues: cues.map(\.cue)) {
                        sameGroup = true
                        speaker = speakers[previous.index]
                        mention = mentions[previous.index]
                        cueText = quotes[previous.index].cue
                    }
                    if !sameGroup, let cue, let match = cues.first(where: { $0.cue.verb == cue.verb }) {
                        (speaker, mention, cueText) = (match.speaker, match.mention, match.cue.verbText)
                    }
                    if speaker == nil, let previous = previousInParagraph, let earlier = speakers[previous.index] {
                        (speaker, mention) = (earlier, mentions[previous.index])
                    }
                    if speaker == nil, span.open > 0, let nearest = cues.last(where: { $0.cue.verb < span.open }) {
                        (speaker, mention, cueText) = (nearest.speaker, nearest.mention, nearest.cue.verbText)
                    }
                    // A quotation that runs on into the next paragraph is attributed there.
                    let runsOn = span.close == nil && nextOpensWithQuote
                    if speaker == nil, !runsOn, span.open == 0, let last = lastQuoteSpeaker, paragraph.index - last.paragraph <= 2 {
                        (speaker, mention) = (last.speaker, last.mention)
                    }
                    if speaker == nil, let next = cues.first(where: { $0.cue.verb > (span.close ?? tokens.count) }) {
                        (speaker, mention, cueText) = (next.speaker, next.mention, next.cue.verbText)
                    }
                    if speaker == nil, !runsOn, span.open == 0, let last = resolver.lastSpeaker(before: paragraph.offset, paragraph: paragraph.index),
                       paragraph.index - (lastQuoteSpeaker?.paragraph ?? paragraph.index) <= 1 {
                        speaker = last
                    }
                }
                if !sameGroup { group += 1 }

                // An unnamed source is anonymous when its noun says so ("official", "source") or the paragraph
                // says it spoke on condition of anonymity.
                let anonymityInParagraph = anonymityOffsets[paragraph.index]?.isEmpty == false
                let anonymous = kind != .scare && speaker?.kind == .description && (speaker!.anonymous || anonymityInParagraph)
                quotes.append(Quotation(
                    text: innerText, kind: kind, speaker: speaker?.name, speakerMention: mention ?? speaker?.name, cue: cueText,
                    anonymous: anonymous, group: group, paragraph: paragraph.index,
                    start: paragraph.offset + span.inner.lowerBound, end: paragraph.offset + span.inner.upperBound))
                speakers.append(speaker)
                mentions.append(mention)
                if kind != .scare {
                    if let speaker {
                        lastQuoteSpeaker = (speaker, mention, cueText, paragraph.index)
                        // The earlier paragraphs of a quotation that runs on take its speaker.
                        if span.open == 0, previousInParagraph == nil, opensWithQuote {
                            for index in openWithoutSpeaker {
                                quotes[index].speaker = speaker.name
                                quotes[index].speakerMention = mention ?? speaker.name
                                quotes[index].anonymous = speaker.anonymous
                                speakers[index] = speaker
                            }
                        }
                        openWithoutSpeaker = []
                    } else if span.close == nil {
                        openWithoutSpeaker.append(quotes.count - 1)
                    }
                    previousInParagraph = (span, quotes.count - 1)
                }
            }
            if !opensWithQuote && spans.isEmpty == false && spans.last?.close != nil { openWithoutSpeaker = [] }
        }
        return Result(quotes: quotes, unnamedAttributions: unnamed)
    }

    // MARK: - Rules

    /// Scare quotes: one or two words (or a quoted title) with no cue and no sentence punctuation inside.
    private func classify(_ span: QuoteSpanFinder.Span, tokens: [AnalysisText.Token], wordCount: Int, hasCue: Bool) -> Quotation.Kind {
        let insideEnd = span.close ?? tokens.count
        let lastInside = insideEnd - 1 > span.open ? tokens[insideEnd - 1] : nil
        let punctuated = lastInside.map { $0.kind == .punctuation && ",.!?;:…".unicodeScalars.contains($0.text.unicodeScalars.first!) } ?? false
        let before = span.open > 0 ? tokens[span.open - 1] : nil
        let opensSentence = before.map { $0.kind == .quoteMark || ($0.kind == .punctuation && ":.!?—–-".unicodeScalars.contains($0.text.unicodeScalars.first!)) } ?? true
        // One or two words: a quotation only when they are a sentence of their own with a cue (“Absolutely not,”
        // said Newsom), not a term inside a sentence ("diagnosed with “feather-duvet lung,” according to …").
        if !hasCue || !punctuated || !opensSentence, wordCount <= settings.scareQuoteMaxWords { return .scare }
        // A title: capitalised words with no cue of their own, or set inside a sentence ("After hitting “Takin’ It
        // To the Streets,” the singer told the audience"). American style puts the comma inside the marks.
        if !hasCue || !opensSentence, wordCount <= 8 {
            var titleCased = true
            for k in (span.open + 1)..<insideEnd where tokens[k].kind == .word && !tokens[k].isCapitalised
                && !Self.titleSmallWords.contains(tokens[k].lower) {
                titleCased = false
                break
            }
            if titleCased { return .scare }
        }
        if namesAThing(span, tokens: tokens, wordCount: wordCount) { return .scare }
        // A quotation that does not start its sentence is a partial quotation.
        if span.open > 0 {
            let before = tokens[span.open - 1]
            let startsClause = before.kind == .punctuation && ":.!?".unicodeScalars.contains(before.text.unicodeScalars.first!)
            let firstInside = span.open + 1 < insideEnd ? tokens[span.open + 1] : nil
            if !startsClause, let firstInside, firstInside.kind == .word, !firstInside.isCapitalised || before.kind == .word {
                return .partial
            }
        }
        return .direct
    }

    /// Lowercase words of titles ("Dancing with the Stars").
    private static let titleSmallWords: Set<String> = ["of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by", "or"]
    /// Words after which quoted words are a name or a term, not someone's words ("so-called “…”", "the slogan “…”").
    private static let termIntroducers: Set<String> = [
        "so-called", "dubbed", "nicknamed", "titled", "entitled", "termed", "slogan", "tagline", "hashtag", "motto", "term",
    ]
    /// Verbs that make a quotation opening its sentence the sentence's subject: a name ("“Meth. We’re on it” is
    /// rolling out").
    private static let subjectVerbs: Set<String> = ["is", "was", "are", "were", "has", "had", "became", "becomes", "remains"]

    /// Quoted words used as the name of a thing: after "so-called", "dubbed", "is called", "known as"; before a
    /// noun they modify ("the new “Meth. We’re on it.” campaign"); or as the subject of "is", "was" and the like.
    private func namesAThing(_ span: QuoteSpanFinder.Span, tokens: [AnalysisText.Token], wordCount: Int) -> Bool {
        if span.open > 0, tokens[span.open - 1].kind == .word {
            let before = tokens[span.open - 1].lower
            if Self.termIntroducers.contains(before) { return true }
            let twoBefore = span.open > 1 && tokens[span.open - 2].kind == .word ? tokens[span.open - 2].lower : ""
            // "what's called “…”": the contraction's "'s" is a token of its own.
            if before == "called" || before == "named", span.open > 1 && tokens[span.open - 2].kind == .possessive
                || ["is", "are", "was", "were", "be", "been", "being", "also"].contains(twoBefore) {
                return true
            }
            if before == "as", twoBefore == "known" { return true }
        }
        guard let close = span.close, close + 1 < tokens.count else { return false }
        let after = tokens[close + 1]
        guard after.kind == .word, !after.isCapitalised else { return false }
        let opensSentence = span.open == 0 || isTerminator(tokens, span.open - 1)
        // Inside a sentence, a few quoted words followed by a noun modify it: "the “Bad Blood” songstress". (A
        // longer quotation goes on with its sentence: "to “create a system for …” held in custody".)
        if !opensSentence, wordCount <= 6, !after.is(.stopWord), !after.is(.speechVerb) { return true }
        return opensSentence && Self.subjectVerbs.contains(after.lower)
    }

    /// The cue that attributes this quotation, by the rules in the type's description.
    private func attribution(for span: QuoteSpanFinder.Span, tokens: [AnalysisText.Token], quoted: [Bool],
                             cues: [SpeechCueFinder.Cue]) -> (cue: SpeechCueFinder.Cue?, immediate: Bool) {
        let sentenceEnd = endOfSentence(after: span.close ?? tokens.count, tokens: tokens, quoted: quoted)
        let sentenceStart = startOfSentence(before: span.open, tokens: tokens, quoted: quoted)
        let before = cues.last(where: { $0.verb < span.open && $0.verb >= sentenceStart })
        // "He said, “…,” the office said": the cue introducing the quotation is its speaker's; one after it
        // names who reports it.
        if let before, span.open > 0, before.verb == span.open - 1 || (before.verb == span.open - 2
            && (tokens[span.open - 1].isPunctuation(",") || tokens[span.open - 1].isPunctuation(":"))) {
            return (before, true)
        }
        if let close = span.close {
            var first = close + 1
            while first < tokens.count, tokens[first].kind == .punctuation, !quoted[first],
                  ",—–-".unicodeScalars.contains(tokens[first].text.unicodeScalars.first!) { first += 1 }
            if let immediate = cues.first(where: { $0.verb > close && $0.verb < sentenceEnd && ($0.verb == first || $0.phrase.lowerBound == first) }) {
                return (immediate, true)
            }
        }
        if let before {
            // "He said: “…”" introduces the quotation as directly as a cue after it.
            let introduces = span.open > 0 && tokens[span.open - 1].isPunctuation(":") || before.verb == span.open - 1
                || (span.open > 1 && before.verb == span.open - 2 && tokens[span.open - 1].isPunctuation(","))
            return (before, introduces)
        }
        // A quotation ending with its own full stop, then a new sentence, ends its sentence: a cue further on
        // is another sentence's (“… at least.” Although he had written a will, …).
        if let close = span.close, close > span.open + 1, close + 1 < tokens.count, isTerminator(tokens, close - 1) || tokens[close - 1].isPunctuation("."),
           tokens[close + 1].kind == .word, tokens[close + 1].isCapitalised {
            return (nil, false)
        }
        if let later = cues.first(where: { $0.verb > (span.close ?? tokens.count) && $0.verb < sentenceEnd }) { return (later, false) }
        return (nil, false)
    }

    /// Two quotations of one sentence joined by an attribution (`“…,” he said, “…”`).
    private func isSplit(_ first: QuoteSpanFinder.Span, _ second: QuoteSpanFinder.Span, tokens: [AnalysisText.Token],
                         quoted: [Bool], cues: [SpeechCueFinder.Cue]) -> Bool {
        guard let close = first.close, second.open > close, second.open - close <= 16 else { return false }
        guard endOfSentence(after: close, tokens: tokens, quoted: quoted) >= second.open else { return false }
        let lastInside = tokens[close - 1]
        guard lastInside.isPunctuation(",") || (close + 1 < tokens.count && tokens[close + 1].isPunctuation(",")) else { return false }
        return cues.contains { $0.verb > close && $0.verb < second.open }
    }

    private func isTerminator(_ tokens: [AnalysisText.Token], _ index: Int) -> Bool {
        let t = tokens[index]
        guard t.kind == .punctuation, t.isPunctuation(".") || t.isPunctuation("!") || t.isPunctuation("?") else { return false }
        if t.isPunctuation("."), index > 0, tokens[index - 1].kind == .word, tokens[index - 1].end == t.start,
           tokens[index - 1].text.unicodeScalars.count == 1 || AnalysisText.abbreviations.contains(tokens[index - 1].lower) {
            return false
        }
        if t.isPunctuation("."), index + 1 < tokens.count, tokens[index + 1].kind == .word, !tokens[index + 1].startsSentence {
            return false
        }
        return true
    }

    /// Token index of the first sentence end outside quotation marks after `index` (or the paragraph end).
    private func endOfSentence(after index: Int, tokens: [AnalysisText.Token], quoted: [Bool]) -> Int {
        var k = index + 1
        while k < tokens.count {
            if !quoted[k], isTerminator(tokens, k) { return k }
            k += 1
        }
        return tokens.count
    }

    /// Token index where the sentence holding `index` starts (after the last sentence end outside quotation marks).
    private func startOfSentence(before index: Int, tokens: [AnalysisText.Token], quoted: [Bool]) -> Int {
        var k = index - 1
        while k >= 0 {
            if !quoted[k], isTerminator(tokens, k) { return k + 1 }
            k -= 1
        }
        return 0
    }
}
