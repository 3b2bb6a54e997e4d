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
    /// Entity of each mention, by global start offset.
    private let entityAt: [Int: NamedEntity]
    /// Person mentions in text order: (global offset, paragraph, name).
    private let personMentions: [(offset: Int, paragraph: Int, name: String)]
    /// Speakers found so far, in text order.
    private(set) var timeline: [(offset: Int, paragraph: Int, speaker: Speaker)] = []
    /// How many paragraphs back a pronoun or "the official" may reach for its antecedent.
    let lookBack: Int

    init(lists: WordLists, entities: [NamedEntity], lookBack: Int) {
        self.lists = lists
        self.lookBack = lookBack
        var entityAt: [Int: NamedEntity] = [:]
        var persons: [(Int, Int, String)] = []
        for entity in entities {
            for mention in entity.mentions where mention.paragraph >= 0 {
                entityAt[mention.start] = entity
                if entity.type == .person { persons.append((mention.start, mention.paragraph, entity.name)) }
            }
        }
        self.entityAt = entityAt
        self.personMentions = persons.sorted { $0.0 < $1.0 }
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

    private func resolveWithoutRecording(_ phrase: Range<Int>, in paragraph: AnalysisText.Paragraph, offset: Int) -> Speaker? {
        let tokens = paragraph.tokens
        let words = phrase.filter { tokens[$0].kind == .word }
        guard let headIndex = words.last else { return nil }
        let head = tokens[headIndex]

        if words.count == 1, Self.pronouns.contains(head.lower) {
            switch head.lower {
            case "he", "she":
                if let named = timeline.last(where: { $0.offset < offset && $0.speaker.kind == .person && paragraph.index - $0.paragraph <= lookBack }) {
                    return named.speaker
                }
                if let mention = personMentions.last(where: { $0.offset < offset && paragraph.index - $0.paragraph <= lookBack }) {
                    return Speaker(name: mention.name, kind: .person, anonymous: false)
                }
                return nil
            case "it":
                return timeline.last { $0.offset < offset && $0.speaker.kind == .organisation && paragraph.index - $0.paragraph <= lookBack }?.speaker
            case "they", "we":
                return timeline.last { $0.offset < offset && $0.speaker.kind != .person && paragraph.index - $0.paragraph <= lookBack }?.speaker
            default:
                return nil
            }
        }

        // A named person anywhere in the phrase wins ("Director of National Intelligence Avril Haines").
        var organisation: NamedEntity?
        for index in words {
            guard let entity = entityAt[paragraph.offset + tokens[index].start] else { continue }
            if entity.type == .person { return Speaker(name: entity.name, kind: .person, anonymous: false) }
            if entity.type == .other, words.count == 1 { return Speaker(name: entity.name, kind: .person, anonymous: false) }
            if entity.type == .organisation, organisation == nil { organisation = entity }
        }
        let describing = lists.sourceNouns.contains(head.lower) || lists.titles.contains(head.lower)
        if let organisation, !describing {
            return Speaker(name: organisation.name, kind: .organisation, anonymous: false)
        }
        let singular = head.lower.hasSuffix("s") && head.lower.count > 3 ? String(head.lower.dropLast()) : head.lower
        let text = paragraph.string(tokens[phrase.lowerBound].start..<tokens[phrase.upperBound - 1].end)
        if lists.organisationWords.contains(head.lower) {
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
        return Speaker(name: text, kind: .description, anonymous: describing, head: singular)
    }
}
