/// Turns the phrase for a speaker into a canonical speaker: the full name of a named person (a surname or a
/// pronoun resolved to the person named earlier), an organisation's name, or the describing phrase of an
/// unnamed source ("one of the three US officials"), with whether the source is anonymous.
///
/// Pronouns and definite descriptions ("the singer", "the president", "the company") stand for the subject of
/// the last sentence that names someone: the first person (or organisation) named in it, outside quotations.
/// News copy introduces a person as the subject and refers back with "he", "she", "they" or an occupation,
/// so the subject is a better antecedent than the last name mentioned ("Taylor Swift accused Big Machine of
/// …" → "she" is Swift).
struct SpeakerResolver {
    struct Speaker: Equatable {
        enum Kind { case person, organisation, description }
        var name: String
        var kind: Kind
        var anonymous: Bool
        /// Lowercase head noun of a describing phrase ("official"), for "the official" later.
        var head: String?
    }

    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]
    /// Prepositions that attach an affiliation to a describing noun ("a spokesman for Boeing"); "of" continues a
    /// title instead ("Director of National Intelligence Avril Haines").
    private static let affiliationPrepositions: Set<String> = ["for", "at", "with", "from", "in"]

    /// A named person or organisation at one place in the text.
    private struct Mention {
        var offset: Int
        var end: Int
        var paragraph: Int
        /// Number of the sentence in the article.
        var sentence: Int
        var name: String
        var type: NamedEntity.Kind
        /// Inside a quotation: someone the speaker names, not an antecedent.
        var quoted = false
        /// Owner of a person ("Steenburgen’s son, filmmaker Charlie McDowell"): not the subject when the sentence
        /// names someone after it.
        var possessor = false
    }

    let lists: WordLists
    /// Entity mentions of each paragraph: (global scalar range, entity).
    private let mentionsByParagraph: [Int: [(range: Range<Int>, entity: NamedEntity)]]
    /// Person and organisation mentions in text order.
    private var mentions: [Mention]
    /// Lowercase words of each person's title ("president" for President Joe Biden).
    private let titleWords: [String: Set<String>]
    /// Token range (in its paragraph) of the words the last resolved speaker was found in: the phrase, or the
    /// name in its appositions.
    private(set) var lastMention: Range<Int>?
    /// Speakers found so far, in text order.
    private(set) var timeline: [(offset: Int, paragraph: Int, speaker: Speaker)] = []
    /// How many paragraphs back a pronoun or "the official" may reach for its antecedent.
    let lookBack: Int
    /// Global offset of the first "he", "she" or "they" in each sentence (by sentence number).
    private let pronounIn: [Int: Int]
    /// Nouns for documents that speak for whoever issued them ("the statement read").
    private static let documentNouns: Set<String> = ["statement", "letter", "report", "memo"]
    /// Where each such noun stands in the text, in text order.
    private let documents: [(offset: Int, sentence: Int, paragraph: Int, noun: String)]
    /// The pronoun each person was referred to with ("he", "she"), from honorifics and resolved pronouns.
    private var pronounOf: [String: String] = [:]

    init(lists: WordLists, entities: [NamedEntity], text: AnalysisText, lookBack: Int) {
        self.lists = lists
        self.lookBack = lookBack
        // Where each paragraph's sentences start (global offsets), numbered through the article.
        var sentenceStarts: [[Int]] = []
        var firstSentence: [Int] = []
        var count = 0
        var pronounIn: [Int: Int] = [:]
        var documents: [(offset: Int, sentence: Int, paragraph: Int, noun: String)] = []
        for paragraph in text.paragraphs {
            let starts = Self.sentenceStarts(in: paragraph.tokens).map { paragraph.offset + $0 }
            sentenceStarts.append(starts)
            firstSentence.append(count)
            // The first "he", "she" or "they" of each sentence.
            var sentence = 0
            // By index, reading the fields in place: most tokens are skipped without copying them.
            let tokens = paragraph.tokens
            for k in tokens.indices where tokens[k].kind == .word && tokens[k].is(.stopWord)
                && (tokens[k].lower == "he" || tokens[k].lower == "she" || tokens[k].lower == "they") {
                let offset = paragraph.offset + tokens[k].start
                while sentence + 1 < starts.count, starts[sentence + 1] <= offset { sentence += 1 }
                if pronounIn[count + sentence] == nil { pronounIn[count + sentence] = offset }
            }
            // Where a statement, letter or report is mentioned, for "the statement said" later.
            sentence = 0
            for k in tokens.indices where tokens[k].kind == .word && tokens[k].is(.personNoun) && Self.documentNouns.contains(tokens[k].lower) {
                let offset = paragraph.offset + tokens[k].start
                while sentence + 1 < starts.count, starts[sentence + 1] <= offset { sentence += 1 }
                documents.append((offset, count + sentence, paragraph.index, tokens[k].lower))
            }
            count += starts.count
        }
        self.pronounIn = pronounIn
        self.documents = documents
        var byParagraph: [Int: [(range: Range<Int>, entity: NamedEntity)]] = [:]
        var mentions: [Mention] = []
        var genders: [String: String] = [:]
        var titles: [String: Set<String>] = [:]
        for entity in entities {
            for mention in entity.mentions where mention.paragraph >= 0 && mention.paragraph < sentenceStarts.count {
                byParagraph[mention.paragraph, default: []].append((mention.start..<mention.end, entity))
                guard entity.type == .person || entity.type == .organisation else { continue }
                let starts = sentenceStarts[mention.paragraph]
                let sentence = firstSentence[mention.paragraph] + max(0, (starts.lastIndex { $0 <= mention.start } ?? 0))
                var found = Mention(offset: mention.start, end: mention.end, paragraph: mention.paragraph, sentence: sentence,
                                    name: entity.name, type: entity.type)
                found.possessor = Self.isPossessorOfAPerson(text.paragraphs[mention.paragraph], end: mention.end)
                mentions.append(found)
            }
            if entity.type == .person, let title = entity.title {
                titles[entity.name] = Set(AnalysisText.words(of: title.lowercased()))
            }
            switch entity.title?.lowercased().replacingOccurrences(of: ".", with: "") {
            case "mr": genders[entity.name] = "he"
            case "mrs", "ms", "miss": genders[entity.name] = "she"
            default: break
            }
        }
        self.mentionsByParagraph = byParagraph
        self.mentions = mentions.sorted { $0.offset < $1.offset }
        self.pronounOf = genders
        self.titleWords = titles
    }

    /// The name ending at global offset `end` is followed by "'s" and a noun for a person ("Steenburgen’s son").
    private static func isPossessorOfAPerson(_ paragraph: AnalysisText.Paragraph, end: Int) -> Bool {
        let tokens = paragraph.tokens
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if paragraph.offset + tokens[middle].start < end { low = middle + 1 } else { high = middle }
        }
        guard low + 1 < tokens.count, tokens[low].kind == .possessive else { return false }
        var k = low + 1
        // "Steenburgen’s son", "Carlineo’s attorney", "Biden’s former chief of staff"
        while k < tokens.count, k <= low + 3, tokens[k].kind == .word {
            if tokens[k].is(.personNoun) || tokens[k].is(.sourceNoun) || tokens[k].is(.title) { return true }
            k += 1
        }
        return false
    }

    /// Marks the names inside this paragraph's quotations (global scalar ranges): they are not antecedents.
    mutating func setQuotations(_ ranges: [Range<Int>], paragraph: Int) {
        for range in ranges {
            var k = firstMention(atOrAfter: range.lowerBound)
            while k < mentions.count, mentions[k].offset < range.upperBound {
                mentions[k].quoted = true
                k += 1
            }
        }
    }

    /// Index of the first mention at or after `offset` (binary search; the mentions are in text order).
    private func firstMention(atOrAfter offset: Int) -> Int {
        var low = 0, high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].offset < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Resolves the cue's phrase (token indices of `paragraph`, with its appositions in `chain`) and records
    /// the speaker in the timeline.
    mutating func resolve(_ phrase: Range<Int>, chain: Range<Int>? = nil, in paragraph: AnalysisText.Paragraph) -> Speaker? {
        let tokens = paragraph.tokens
        let offset = paragraph.offset + tokens[phrase.lowerBound].start
        lastMention = phrase
        let speaker = resolveWithoutRecording(phrase, chain: chain ?? phrase, in: paragraph, offset: offset)
        if let speaker { timeline.append((offset, paragraph.index, speaker)) }
        return speaker
    }

    /// The most recent speaker before `offset` (within the look-back), for a quotation with no cue.
    func lastSpeaker(before offset: Int, paragraph: Int) -> Speaker? {
        timeline.last { $0.offset < offset && paragraph - $0.paragraph <= lookBack }?.speaker
    }

    /// Scalar offsets (in the paragraph) where its sentences start.
    private static func sentenceStarts(in tokens: [AnalysisText.Token]) -> [Int] {
        var starts = [0]
        for k in tokens.indices where tokens[k].kind == .punctuation && k + 1 < tokens.count
            && (tokens[k].isPunctuation(".") || tokens[k].isPunctuation("!") || tokens[k].isPunctuation("?"))
            && (tokens[k + 1].startsSentence || tokens[k + 1].kind == .quoteMark) {
            starts.append(tokens[k].end)
        }
        return starts
    }

    /// The subject of the last sentence before `offset` that names someone (of the given types), within the
    /// look-back and outside quotations: its first name, or the one of its names who spoke last ("Fun as that
    /// might sound in an Oliver Sacks kind of way, Steenburgen wasn't thrilled" after Steenburgen spoke).
    /// `accept` filters the candidates (a pronoun's gender). A sentence whose pronoun comes before its names
    /// ("He was arrested for a call to the offices of Omar") is about someone named earlier: for a person its
    /// names are passed over.
    private func subjectOfLastSentence(before offset: Int, paragraph: Int, types: Set<NamedEntity.Kind>,
                                       accept: (String) -> Bool = { _ in true }) -> String? {
        var k = firstMention(atOrAfter: offset) - 1
        var sentence: Int?
        /// The sentence's names, last first.
        var names: [Mention] = []
        func aboutSomeoneElse() -> Bool {
            guard types == [.person], let sentence, let first = names.last, let pronoun = pronounIn[sentence] else { return false }
            return pronoun < first.offset && pronoun < offset
        }
        while k >= 0 {
            let m = mentions[k]
            if paragraph - m.paragraph > lookBack { break }
            if let current = sentence, m.sentence != current {
                guard aboutSomeoneElse() else { break }
                names = []
                sentence = nil
            }
            if !m.quoted, types.contains(m.type), accept(m.name) {
                names.append(m)
                sentence = m.sentence
            }
            k -= 1
        }
        if aboutSomeoneElse() { return nil }
        // The owner of a person named after it is not the subject ("Steenburgen’s son, filmmaker Charlie McDowell").
        guard let first = names.last(where: { !$0.possessor }) ?? names.last else { return nil }
        if names.count > 1, let spoke = timeline.last(where: { $0.offset < offset && paragraph - $0.paragraph <= lookBack
            && $0.speaker.kind != .description && accept($0.speaker.name) }),
           names.contains(where: { $0.name == spoke.speaker.name }) {
            return spoke.speaker.name
        }
        return first.name
    }

    /// The person or organisation named before the noun in the last sentence (within twice the look-back) that
    /// mentions a document of this kind after naming someone.
    private func issuer(of noun: String, before offset: Int, paragraph: Int) -> Speaker? {
        for document in documents.reversed() where document.offset < offset && document.noun == noun {
            if paragraph - document.paragraph > 2 * lookBack { break }
            var k = firstMention(atOrAfter: document.offset) - 1
            var named: Mention?
            while k >= 0, mentions[k].sentence == document.sentence {
                if !mentions[k].quoted, !mentions[k].possessor { named = mentions[k] }
                k -= 1
            }
            if let named {
                return Speaker(name: named.name, kind: named.type == .person ? .person : .organisation, anonymous: false)
            }
        }
        return nil
    }

    /// The tokens of the mention of `entity` starting at token `k`.
    private func mentionTokens(from k: Int, of entity: NamedEntity, in paragraph: AnalysisText.Paragraph) -> Range<Int> {
        let tokens = paragraph.tokens
        let start = paragraph.offset + tokens[k].start
        let end = entity.mentions.first { $0.start <= start && start < $0.end }?.end ?? start
        var last = k
        while last + 1 < tokens.count, paragraph.offset + tokens[last + 1].end <= end { last += 1 }
        return k..<(last + 1)
    }

    private mutating func resolveWithoutRecording(_ phrase: Range<Int>, chain: Range<Int>, in paragraph: AnalysisText.Paragraph,
                                                  offset: Int) -> Speaker? {
        let tokens = paragraph.tokens
        var words = phrase.filter { tokens[$0].kind == .word }
        guard !words.isEmpty else { return nil }
        // "a spokesperson for Inherent Resolve": the noun before "for", "at", "with", "from" or "in" is the head;
        // the names after it are the speaker's affiliation, not the speaker.
        var affiliation: [Int] = []
        if let cut = words.indices.dropFirst().first(where: { k in
            Self.affiliationPrepositions.contains(tokens[words[k]].lower) && !tokens[words[k]].isCapitalised
                && (tokens[words[k - 1]].is(.sourceNoun) || tokens[words[k - 1]].is(.title) || tokens[words[k - 1]].is(.personNoun))
        }) {
            affiliation = Array(words[cut...])
            words = Array(words[..<cut])
        }
        let head = tokens[words[words.count - 1]]
        let index = paragraph.index, back = lookBack

        if words.count == 1, Self.pronouns.contains(head.lower) {
            switch head.lower {
            case "he", "she":
                // Never one already referred to with the other pronoun.
                let other = head.lower == "he" ? "she" : "he"
                let genders = pronounOf
                let name = subjectOfLastSentence(before: offset, paragraph: index, types: [.person]) { genders[$0] != other }
                    ?? timeline.last(where: { $0.offset < offset && $0.speaker.kind == .person && index - $0.paragraph <= back
                        && genders[$0.speaker.name] != other })?.speaker.name
                guard let name else { return nil }
                pronounOf[name] = head.lower
                return Speaker(name: name, kind: .person, anonymous: false)
            case "it":
                // The organisation last speaking, else the organisation last named in this or the previous paragraph.
                if let speaking = timeline.last(where: { $0.offset < offset && $0.speaker.kind == .organisation && index - $0.paragraph <= back }) {
                    return speaking.speaker
                }
                return mentions.last { $0.offset < offset && !$0.quoted && $0.type == .organisation && index - $0.paragraph <= 1 }
                    .map { Speaker(name: $0.name, kind: .organisation, anonymous: false) }
            case "they", "we":
                // A group that spoke since the last sentence naming someone, else that sentence's subject (a
                // person too: "they" for one person), else the last speaker.
                let group = timeline.last { $0.offset < offset && $0.speaker.kind != .person && index - $0.paragraph <= back }
                let subjectOffset = mentions.last { $0.offset < offset && !$0.quoted && index - $0.paragraph <= back }?.offset ?? -1
                if let group, group.offset > subjectOffset { return group.speaker }
                if let name = subjectOfLastSentence(before: offset, paragraph: index, types: [.person, .organisation]),
                   let mention = mentions.last(where: { $0.name == name }) {
                    return Speaker(name: name, kind: mention.type == .person ? .person : .organisation, anonymous: false)
                }
                return group?.speaker
            default:
                return nil
            }
        }

        // A named person anywhere in the phrase wins ("Director of National Intelligence Avril Haines"), then one
        // in its appositions; not one whose possession the phrase is ("Swift's rep", "Ahmado's source").
        let paragraphMentions = mentionsByParagraph[paragraph.index] ?? []
        func entity(at k: Int, in range: Range<Int>) -> NamedEntity? {
            let start = paragraph.offset + tokens[k].start
            guard let found = paragraphMentions.first(where: { $0.range.contains(start) }) else { return nil }
            var after = k + 1
            while after < tokens.count, paragraph.offset + tokens[after].start < found.range.upperBound { after += 1 }
            if after < tokens.count, tokens[after].kind == .possessive, after + 1 < range.upperBound { return nil }
            return found.entity
        }
        var organisation: NamedEntity?
        for k in words {
            guard let entity = entity(at: k, in: phrase) else { continue }
            if entity.type == .person { return Speaker(name: entity.name, kind: .person, anonymous: false) }
            if entity.type == .other, words.count == 1 { return Speaker(name: entity.name, kind: .person, anonymous: false) }
            if entity.type == .organisation, organisation == nil { organisation = entity }
        }
        // Capitalised words the recogniser did not take for a person ("Will Moy", "Will" being a stop word).
        if organisation == nil, affiliation.isEmpty, words.count >= 2, words.count <= 4,
           !(tokens[words[0]].startsSentence && tokens[words[0]].is(.stopWord)),
           words.allSatisfy({ tokens[$0].isCapitalised && !tokens[$0].is(.title) && !tokens[$0].is(.organisationWord) && !tokens[$0].is(.nationalityOrPlural) }),
           !words.contains(where: { k in paragraphMentions.contains { $0.range.contains(paragraph.offset + tokens[k].start) && $0.entity.type != .other } }) {
            return Speaker(name: paragraph.string(tokens[words[0]].start..<tokens[words[words.count - 1]].end), kind: .person, anonymous: false)
        }
        for k in affiliation {
            if let entity = entity(at: k, in: phrase), entity.type == .organisation, organisation == nil { organisation = entity }
        }
        var chainOrganisation: (entity: NamedEntity, at: Int)?
        for k in chain where !phrase.contains(k) && tokens[k].kind == .word {
            guard let entity = entity(at: k, in: chain) else { continue }
            if entity.type == .person {
                lastMention = mentionTokens(from: k, of: entity, in: paragraph)
                return Speaker(name: entity.name, kind: .person, anonymous: false)
            }
            if entity.type == .organisation, chainOrganisation == nil { chainOrganisation = (entity, k) }
        }
        let describing = head.is(.sourceNoun) || head.is(.title) || head.is(.personNoun) || head.lower.hasSuffix("year-old")
        if let organisation, !describing {
            return Speaker(name: organisation.name, kind: .organisation, anonymous: false)
        }
        if let (entity, k) = chainOrganisation, !describing {
            lastMention = mentionTokens(from: k, of: entity, in: paragraph)
            return Speaker(name: entity.name, kind: .organisation, anonymous: false)
        }
        let singular = head.lower.hasSuffix("s") && head.lower.count > 3 ? String(head.lower.dropLast()) : head.lower
        let text = paragraph.string(tokens[phrase.lowerBound].start..<tokens[phrase.upperBound - 1].end)
        let definite = tokens[words[0]].lower == "the" && !words.dropFirst().contains { tokens[$0].isCapitalised }
        if head.is(.organisationWord) {
            // "the company", "the production company": the organisation last named as a subject.
            if definite, words.count <= 3, let name = subjectOfLastSentence(before: offset, paragraph: index, types: [.organisation]) {
                return Speaker(name: name, kind: .organisation, anonymous: false)
            }
            return Speaker(name: text, kind: .organisation, anonymous: false)
        }
        if definite, words.count <= 5, !head.is(.sourceNoun) {
            // "the president": the person last named with that title; "the singer and guitarist": the person
            // last named as a subject.
            if head.is(.title), words.count <= 3,
               let match = mentions.last(where: { $0.offset < offset && $0.type == .person && index - $0.paragraph <= back
                   && titleWords[$0.name]?.contains(head.lower) == true }) {
                return Speaker(name: match.name, kind: .person, anonymous: false)
            }
            if lists.roleNouns.contains(head.lower) || head.lower.hasSuffix("year-old"),
               let name = subjectOfLastSentence(before: offset, paragraph: index, types: [.person]) {
                return Speaker(name: name, kind: .person, anonymous: false)
            }
        }
        // "the statement read": whoever was named before the last mention of a statement ("Big Machine Records
        // issued a statement", "… said in a statement"), a statement being quoted over many paragraphs.
        if definite, words.count == 2, Self.documentNouns.contains(head.lower), let issuer = issuer(of: head.lower, before: offset, paragraph: index) {
            return issuer
        }
        // "the official", "the spokesman": the source described earlier with the same noun.
        let determiners: Set<String> = ["the", "that", "this"]
        if words.count <= 3, determiners.contains(tokens[words[0]].lower),
           words.dropFirst().dropLast().allSatisfy({ ["same", "senior"].contains(tokens[$0].lower) }),
           let earlier = timeline.last(where: { $0.offset < offset && $0.speaker.kind == .description && $0.speaker.head == singular
               && index - $0.paragraph <= back }) {
            return earlier.speaker
        }
        // A capitalised word opening the sentence is no name by itself ("Blood tests revealed"): without a noun
        // for people or organisations, such a phrase names no one.
        if !describing, !words.contains(where: { tokens[$0].isCapitalised && !tokens[$0].startsSentence || tokens[$0].isAllCaps }) {
            return nil
        }
        // "the president", "US intelligence": unnamed but not anonymous sources; "officials", "a source" are.
        return Speaker(name: text, kind: .description, anonymous: head.is(.sourceNoun), head: singular)
    }
}
