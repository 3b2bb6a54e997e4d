import Foundation

// The analysis parts of an article document (issue 4 fills them; aggregate counts them).

/// One direct quotation: the words inside one pair of quotation marks.
public struct Quotation: Codable, Equatable, Sendable {
    /// direct: a quotation of a speaker; partial: a quoted fragment inside a sentence; scare: one or two quoted
    /// words that are not a quotation of anyone.
    public enum Kind: String, Codable, Sendable { case direct, partial, scare }

    public var text: String
    public var kind: Kind
    /// Canonical speaker: the full name of a named person, else the describing phrase ("one of the three US officials").
    public var speaker: String?
    /// The article's own words for the speaker at this quotation ("Crow", "he", "the official").
    public var speakerMention: String?
    /// The speech verb ("said", "told").
    public var cue: String?
    public var anonymous: Bool
    /// Parts of one split quotation share a group number.
    public var group: Int
    public var paragraph: Int
    /// Unicode scalar offsets into the article's `text` (the marks excluded).
    public var start: Int
    public var end: Int

    public init(text: String, kind: Kind, speaker: String?, speakerMention: String?, cue: String?, anonymous: Bool, group: Int, paragraph: Int, start: Int, end: Int) {
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speakerMention = speakerMention
        self.cue = cue
        self.anonymous = anonymous
        self.group = group
        self.paragraph = paragraph
        self.start = start
        self.end = end
    }

    enum CodingKeys: String, CodingKey {
        case text, kind, speaker, cue, anonymous, group, paragraph, start, end
        case speakerMention = "speaker_mention"
    }

    /// Encodes an unknown speaker or cue as an explicit null, like every field of the article document.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(kind, forKey: .kind)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(speakerMention, forKey: .speakerMention)
        try c.encode(cue, forKey: .cue)
        try c.encode(anonymous, forKey: .anonymous)
        try c.encode(group, forKey: .group)
        try c.encode(paragraph, forKey: .paragraph)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}

/// A named thing in the article, with its mentions merged under one canonical name.
public struct NamedEntity: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case person, place, organisation, other }

    public struct Mention: Codable, Equatable, Sendable {
        public var text: String
        public var paragraph: Int
        public var start: Int
        public var end: Int

        public init(text: String, paragraph: Int, start: Int, end: Int) {
            self.text = text
            self.paragraph = paragraph
            self.start = start
            self.end = end
        }
    }

    public var name: String
    public var type: Kind
    /// A title stripped from the name ("President" of "President Joe Biden").
    public var title: String?
    public var count: Int
    public var mentions: [Mention]

    public init(name: String, type: Kind, title: String?, count: Int, mentions: [Mention]) {
        self.name = name
        self.type = type
        self.title = title
        self.count = count
        self.mentions = mentions
    }

    enum CodingKeys: String, CodingKey { case name, type, title, count, mentions }

    /// Encodes a missing title as an explicit null.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(title, forKey: .title)
        try c.encode(count, forKey: .count)
        try c.encode(mentions, forKey: .mentions)
    }
}

/// How much of the article rests on unnamed sources.
public struct Sourcing: Codable, Equatable, Sendable {
    public struct Phrase: Codable, Equatable, Sendable {
        public var text: String
        public var paragraph: Int
        public var start: Int
        public var end: Int

        public init(text: String, paragraph: Int, start: Int, end: Int) {
            self.text = text
            self.paragraph = paragraph
            self.start = start
            self.end = end
        }
    }

    /// "speaking on condition of anonymity", "who asked not to be named"…
    public var anonymityPhrases: [Phrase]
    /// "officials said", "a diplomatic source said"…
    public var unnamedAttributions: [Phrase]
    /// Share of the direct quotations whose speaker is anonymous (0 when there is none).
    public var anonymousQuoteShare: Double

    public init(anonymityPhrases: [Phrase], unnamedAttributions: [Phrase], anonymousQuoteShare: Double) {
        self.anonymityPhrases = anonymityPhrases
        self.unnamedAttributions = unnamedAttributions
        self.anonymousQuoteShare = anonymousQuoteShare
    }

    enum CodingKeys: String, CodingKey {
        case anonymityPhrases = "anonymity_phrases"
        case unnamedAttributions = "unnamed_attributions"
        case anonymousQuoteShare = "anonymous_quote_share"
    }
}

public struct Keyphrase: Codable, Equatable, Sendable {
    public var phrase: String
    public var score: Double

    public init(phrase: String, score: Double) {
        self.phrase = phrase
        self.score = score
    }
}

public struct Readability: Codable, Equatable, Sendable {
    public var fleschReadingEase: Double
    public var fleschKincaidGrade: Double
    public var readingTimeMinutes: Double

    public init(fleschReadingEase: Double, fleschKincaidGrade: Double, readingTimeMinutes: Double) {
        self.fleschReadingEase = fleschReadingEase
        self.fleschKincaidGrade = fleschKincaidGrade
        self.readingTimeMinutes = readingTimeMinutes
    }

    enum CodingKeys: String, CodingKey {
        case fleschReadingEase = "flesch_reading_ease"
        case fleschKincaidGrade = "flesch_kincaid_grade"
        case readingTimeMinutes = "reading_time_minutes"
    }
}
