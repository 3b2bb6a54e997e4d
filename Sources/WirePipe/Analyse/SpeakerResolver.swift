/// Turns the phrase for a speaker into a canonical speaker: the full name of a named person (a surname or a
/// pronoun resolved to the person named earlier), an organisation's name, or the describing phrase of an
/// unnamed source ("one of the three US officials"), with whether the source is anonymous.
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

    let lists: WordLists
    /// Entity mentions of each paragraph: (global scalar range, entity).
    private let mentionsByParagraph: [Int: [(range: Range<Int>, entity: NamedEntity)]]
    /// Person mentions in text order: (global offset, paragraph, name).
    private let personMentions: [(offset: Int, paragraph: Int, name: String)]
    /// Organisation mentions in text order, for "it said".
    private let organisationMentions: [(offset: Int, paragraph: Int, name: String)]
    /// Speakers found so far, in text order.
    private(set) var timeline: [(offset: Int, paragraph: Int, speaker: Speaker)] = []
    /// How many paragraphs back a pronoun or "the official" may reach for its antecedent.
    let lookBack: Int
    /// The pronoun each person was referred to with ("he", "she"), from honorifics and resolved pronouns.
    private var pronounOf: [String: String] = [:]
    /// Global scalar ranges of the quotations in the paragraph being read: names inside them are not antecedents.
    var quotedRanges: [Range<Int>] = []

    init(lists: WordLists, entities: [NamedEntity], lookBack: Int) {
        self.lists = lists
        self.lookBack = lookBack
        var byParagraph: [Int: [(range: Range<Int>, entity: NamedEntity)]] = [:]
        var persons: [(Int, Int, String)] = []
        var organisations: [(Int, Int, String)] = []
        var genders: [String: String] = [:]
        for entity in entities {
            for mention in entity.mentions where mention.paragraph >= 0 {
                byParagraph[mention.paragraph, default: []].append((mention.start..<mention.end, entity))
                if entity.type == .person { persons.append((mention.start, mention.paragraph, entity.name)) }
                if entity.type == .organisation { organisations.append((mention.start, mention.paragraph, entity.name)) }
            }
            switch entity.title?.lowercased().replacingOccurrences(of: ".", with: "") {
            case "mr": genders[entity.name] = "he"
            case "mrs", "ms", "miss": genders[entity.name] = "she"
            default: break
            }
        }
        self.mentionsByParagraph = byParagraph
        self.personMentions = persons.sorted { $0.0 < $1.0 }
        self.pronounOf = genders
        self.organisationMentions = organisations.sorted { $0.0 < $1.0 }
    }

    /// Resolves the phrase `phrase` (token indices) of `paragraph` and records the speaker in the timeline.
    mutating func resolve(_ phrase: Range<Int>, in paragraph: AnalysisText.Paragraph) -> Speaker? {
        let tokens = paragraph.tokens
        let offset = paragraph.offset + tokens[phrase.lowerBound].start
        let speaker = resolveWithoutRecording(phrase, in: paragraph, offset: offset)
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
        for (k, t) in tokens.enumerated() where t.kind == .punctuation && k + 1 < tokens.count
            && (t.isPunctuation(".") || t.isPunctuation("!") || t.isPunctuation("?"))
            && (tokens[k + 1].startsSentence || tokens[k + 1].kind == .quoteMark) {
            starts.append(t.end)
        }
        return starts
    }

    private mutating func resolveWithoutRecording(_ phrase: Range<Int>, in paragraph: AnalysisText.Paragraph, offset: Int) -> Speaker? {
        let tokens = paragraph.tokens
        let words = phrase.filter { tokens[$0].kind == .word }
        guard let headIndex = words.last else { return nil }
        let head = tokens[headIndex]

        if words.count == 1, Self.pronouns.contains(head.lower) {
            switch head.lower {
            case "he", "she":
                // The person last named in the same paragraph (outside quotations), else the last named speaker,
                // else the last person named; never one already referred to with the other pronoun.
                let other = head.lower == "he" ? "she" : "he"
                let index = paragraph.index, back = lookBack, genders = pronounOf, quoted = quotedRanges
                // In this paragraph, the subject (the first person named) of the last sentence naming anyone:
                // "Carlineo was arrested for a call to Omar's office, in which he said…" is Carlineo.
                let starts = Self.sentenceStarts(in: tokens).map { paragraph.offset + $0 }
                let candidates = personMentions.filter { mention in
                    mention.offset < offset && mention.paragraph == index && genders[mention.name] != other
                        && !quoted.contains { $0.contains(mention.offset) }
                }
                let sentenceOf = { (offset: Int) in starts.lastIndex { $0 <= offset } ?? 0 }
                let lastSentence = candidates.last.map { sentenceOf($0.offset) }
                let name = candidates.first(where: { sentenceOf($0.offset) == lastSentence })?.name
                    ?? timeline.last(where: { $0.offset < offset && $0.speaker.kind == .person && index - $0.paragraph <= back && genders[$0.speaker.name] != other })?.speaker.name
                    ?? personMentions.last(where: { $0.offset < offset && index - $0.paragraph <= back && genders[$0.name] != other })?.name
                guard let name else { return nil }
                pronounOf[name] = head.lower
                return Speaker(name: name, kind: .person, anonymous: false)
            case "it":
                // The organisation last speaking, else the organisation last named in this or the previous paragraph.
                if let speaking = timeline.last(where: { $0.offset < offset && $0.speaker.kind == .organisation && paragraph.index - $0.paragraph <= lookBack }) {
                    return speaking.speaker
                }
                let index = paragraph.index
                return organisationMentions.last { $0.offset < offset && index - $0.paragraph <= 1 }
                    .map { Speaker(name: $0.name, kind: .organisation, anonymous: false) }
            case "they", "we":
                return timeline.last { $0.offset < offset && $0.speaker.kind != .person && paragraph.index - $0.paragraph <= lookBack }?.speaker
            default:
                return nil
            }
        }

        // A named person anywhere in the phrase wins ("Director of National Intelligence Avril Haines").
        var organisation: NamedEntity?
        let mentions = mentionsByParagraph[paragraph.index] ?? []
        for index in words {
            let start = paragraph.offset + tokens[index].start
            guard let entity = mentions.first(where: { $0.range.contains(start) })?.entity else { continue }
            if entity.type == .person { return Speaker(name: entity.name, kind: .person, anonymous: false) }
            if entity.type == .other, words.count == 1 { return Speaker(name: entity.name, kind: .person, anonymous: false) }
            if entity.type == .organisation, organisation == nil { organisation = entity }
        }
        let describing = head.is(.sourceNoun) || head.is(.title)
        if let organisation, !describing {
            return Speaker(name: organisation.name, kind: .organisation, anonymous: false)
        }
        let singular = head.lower.hasSuffix("s") && head.lower.count > 3 ? String(head.lower.dropLast()) : head.lower
        let text = paragraph.string(tokens[phrase.lowerBound].start..<tokens[phrase.upperBound - 1].end)
        if head.is(.organisationWord) {
            return Speaker(name: text, kind: .organisation, anonymous: false)
        }
        // "the official", "the spokesman": the source described earlier with the same noun.
        let determiners: Set<String> = ["the", "that", "this"]
        if words.count <= 3, determiners.contains(tokens[words[0]].lower),
           words.dropFirst().dropLast().allSatisfy({ ["same", "senior"].contains(tokens[$0].lower) }),
           let earlier = timeline.last(where: { $0.offset < offset && $0.speaker.kind == .description && $0.speaker.head == singular
               && paragraph.index - $0.paragraph <= lookBack }) {
            return earlier.speaker
        }
        // "the president", "US intelligence": unnamed but not anonymous sources; "officials", "a source" are.
        return Speaker(name: text, kind: .description, anonymous: head.is(.sourceNoun), head: singular)
    }
}
